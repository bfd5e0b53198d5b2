"""The optional C accelerator and the packaged rules; every other setting lives in
pyproject.toml.

``optional=True``: without a C compiler the build warns and the package
installs as pure Python (``policy.fingerprint.ACCELERATED`` is then False).

The repository's ``rules/`` directory ships as ``policy/packaged_rules`` (every ``*.toml``
in it, with no list to keep: see ``policy/packaged.py``).
"""

from setuptools import Extension, find_packages, setup

setup(
    packages=[*find_packages(include=["policy*"]), "policy.packaged_rules"],
    package_dir={"policy.packaged_rules": "rules"},
    ext_modules=[
        Extension("policy._signature", ["policy/_signature.c"], optional=True),
    ],
)
