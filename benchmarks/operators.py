"""What a standing and an audited action cost (issue 15), on memory:// and Redis.

    python -m benchmarks.operators [--rounds 500] [--cluster]

A sender in a spam cooldown (quota, traces, contacts, strangers, the wait all kept):
p50 and p99 of ``engine.standing`` (one read-only script on Redis) and of
``engine.lift_cooldown`` (a read, then one script that writes the change and the audit
record). Redis is a throwaway server (or 3-master cluster) on a free loopback port.
Speed is measured here, never asserted in the tests (``tests/storage/
test_standing_redis.py`` counts round trips instead).
"""

from __future__ import annotations

import argparse
import os
import time

from benchmarks.servers import redis_cluster, redis_server
from policy import Engine, MemoryGraph, SendRequest
from policy.clock import VirtualClock

SPAM = "Win a prize now: visit winprize.example or call 555 0100, ref {i}"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1e6


def measure(uri: str, rounds: int) -> dict[str, tuple[float, float]]:
    clock, graph = VirtualClock(1_800_000_000.0), MemoryGraph()
    for i in range(20):
        graph.follow(f"r{i}", "alice")
    engine = Engine.from_file("rules/default.toml", storage=uri, graph=graph, clock=clock)
    for i in range(8):
        engine.check(SendRequest("alice", (f"r{i}",), SPAM.format(i=i)))
        clock.advance(5)
    engine.standing("alice")  # warm: connections, scripts
    out = {}
    for name, call in (("standing", lambda: engine.standing("alice")),
                       ("lift_cooldown", lambda: engine.lift_cooldown(
                           "alice", actor="bench", reason="benchmark"))):
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            call()
            times.append(time.perf_counter() - started)
        out[name] = (_pct(times, 0.5), _pct(times, 0.99))
    engine.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=500)
    parser.add_argument("--cluster", action="store_true", help="a 3-master cluster too")
    args = parser.parse_args()
    os.environ.setdefault("DM_POLICY_KEY_SECRET", "benchmark-only-key-secret")
    results = {"memory://": measure("memory://", args.rounds)}
    with redis_server() as server:
        results["redis"] = measure(server.url, args.rounds)
    if args.cluster:
        with redis_cluster() as cluster:
            results["redis cluster"] = measure(cluster.url, args.rounds)
    for storage, found in results.items():
        for name, (p50, p99) in found.items():
            print(f"{storage:14} {name:14} p50 {p50:7.0f} us   p99 {p99:7.0f} us")


if __name__ == "__main__":
    main()
