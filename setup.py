"""The optional C accelerator; every other setting lives in pyproject.toml.

``optional=True``: without a C compiler the build warns and the package
installs as pure Python (``policy.fingerprint.ACCELERATED`` is then False).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("policy._signature", ["policy/_signature.c"], optional=True),
    ],
)
