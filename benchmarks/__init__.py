"""Benchmarks, run as scripts from the repository's root, never collected as tests:
``python benchmarks/run.py``, ``python -m benchmarks.script_sections`` and
``python -m benchmarks.bench_redis``."""

import os

# Engines on Redis need a key secret (policy/ids.py); benchmark processes share this one.
os.environ.setdefault("DM_POLICY_KEY_SECRET", "dm-policy-benchmarks-only-key-secret")
