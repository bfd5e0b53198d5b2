"""Benchmarks (``python tests/benchmarks/run.py``): not collected as tests."""
