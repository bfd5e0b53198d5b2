"""Tests of operations: metrics, dashboards and Prometheus, the CLI, the server, and
the benchmark harness in its quick mode."""
