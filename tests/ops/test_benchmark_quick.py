"""The benchmark harness runs to the end in its quick mode, writes valid JSON, and
always stops the Redis servers it started.

Speed is the benchmark's business, never a test's: nothing here looks at a time.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

RUN = ROOT / "benchmarks" / "run.py"
SECTIONS = ("machine", "config", "servers", "latency", "redis_cost", "memory", "throughput",
            "duplicates", "targets")


def _listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex(("127.0.0.1", port)) == 0


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
    # The same pipeline without the duplicates rule, and the floor (limits + the text work).
    assert memory["engine_duplicates_off"]["n"] == memory["engine"]["n"]
    assert memory["floor_p50_us"] > memory["limits"]["p50_us"]
    assert [t["target"] for t in results["targets"]] == [
        "redis_p50_ratio", "redis_p99_ratio", "memory_p50_ratio",
        "round_trips_per_allowed_decision", "quota_cooldown_bytes_per_sender",
        "redis_bytes_per_sender", "redis_max_bytes_per_sender",
    ]
    # Every Redis row is either measured or says why not: never a silent gap.
    redis_rows = results["latency"]["redis"]
    assert "status" in redis_rows or "p50_us" in redis_rows["limits"]
    if "p50_us" in redis_rows.get("engine", {}):
        # the engine's Redis call alone is timed too, and is part of a decision
        call = redis_rows["engine"]["redis_call_p50_us"]
        assert 0 < call < redis_rows["engine"]["p99_us"]
        assert "Redis call alone" in done.stdout
    assert "decisions_per_second" in json.dumps(results["throughput"]) or (
        "status" in results["throughput"]
    )
    assert "driver not available" in done.stdout or results["config"]["engine_redis_driver"]
    # The servers it started are gone.
    servers = results["servers"]
    for port in [servers["redis"], *servers.get("cluster", [])]:
        if port is not None:
            assert not _listening(port), f"a benchmark redis-server still listens on {port}"


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_servers_are_stopped_when_the_benchmark_is_terminated() -> None:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    run = subprocess.Popen(
        [sys.executable, str(RUN), "--quick", "--sections", "memory"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert run.stderr is not None
        line = run.stderr.readline()
        found = re.search(r"started on 127\.0\.0\.1:(\d+)", line)
        assert found, f"no server line on stderr: {line!r}"
        port = int(found.group(1))
        assert _listening(port)
        run.send_signal(signal.SIGTERM)
        run.wait(timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait(timeout=10)
    assert run.returncode != 0  # stopped, not finished
    deadline = time.monotonic() + 10
    while _listening(port) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _listening(port), "the redis-server outlived the terminated benchmark"


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_script_sections_profile_completes_with_every_section(tmp_path: Path) -> None:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    from benchmarks.script_sections import SECTIONS, cut_scripts
    from policy.rules import load_rules
    from policy.storage.redis.script import assemble_script

    # Every section header is still in the script (a renamed one would silently drop a row).
    rules = tuple(r for r in load_rules(ROOT / "rules" / "default.toml").active if r.stateful)
    labels = [label for label, _ in cut_scripts(assemble_script(rules).decode())]
    assert labels == ["empty script", *(f"up to '-- {s}'" for s in SECTIONS), "whole script"]
    out = tmp_path / "sections.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.script_sections", "--quick", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text())
    assert list(result["redis_usec_per_call"]) == labels
    assert result["decisions_per_round"] > 0
