"""Benchmarks, run as scripts from the repository's root, never collected as tests:
``python benchmarks/run.py``, ``python -m benchmarks.script_sections`` and
``python -m benchmarks.bench_redis``."""
