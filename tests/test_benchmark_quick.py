"""The benchmark harness runs to the end in its quick mode and writes valid JSON.

Speed is the benchmark's business, never a test's: nothing here looks at a time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "tests" / "benchmarks" / "run.py"
SECTIONS = ("machine", "config", "latency", "redis_cost", "memory", "throughput", "duplicates",
            "targets")


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_quick_benchmark_completes_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=540,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(out.read_text())
    for section in SECTIONS:
        assert section in results, f"section {section!r} missing from the JSON"
    memory = results["latency"]["memory"]
    # Both contenders decided every timed request, on the same requests.
    assert memory["engine"]["n"] == memory["limits"]["n"] > 0
    assert {"p50_us", "p99_us"} <= memory["engine"].keys()
    assert [t["target"] for t in results["targets"]] == [
        "redis_p50_ratio", "redis_p99_ratio", "memory_p50_ratio",
        "round_trips_per_allowed_decision", "quota_cooldown_bytes_per_sender",
    ]
    # Every Redis row is either measured or says why not: never a silent gap.
    redis_rows = results["latency"]["redis"]
    assert "status" in redis_rows or "p50_us" in redis_rows["limits"]
    assert "decisions_per_second" in json.dumps(results["throughput"]) or (
        "status" in results["throughput"]
    )
    assert "driver not available" in done.stdout or results["config"]["engine_redis_driver"]
