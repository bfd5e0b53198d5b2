"""What a refused over-long text costs next to a normal decision (issue 13 item 4).

    python -m benchmarks.refused_text [--rounds 300]

On memory:// with the seed policy (and the text cache off, so that every text is read
afresh, as a sender varying each attempt would make it): p50 and p99 of a normal
allowed decision, of a 100,000-character text refused as ``text_too_long`` (no text
work at all: the stateless rules refuse it first), and of a 100,000-character text
under rules without an enforced length limit (the fingerprint reads only the first
``policy.fingerprint.MAX_CHARS`` characters). Speed is measured here, never asserted
in the tests (``tests/core/test_refused_text_cost.py`` counts calls instead).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from policy import Engine, MemoryGraph, SendRequest, fingerprint
from policy.clock import VirtualClock
from policy.rules import load_rules, parse_rules

DEFAULT = "rules/default.toml"
NO_LENGTH_LIMIT = """
[[rules]]
name = "duplicates"
check = "duplicates"

[[rules]]
name = "daily_quota"
check = "quota"
limit = "1000000/day"
"""
NORMAL = "Are we still on for lunch tomorrow at noon? Let me know soon, I can book a table."
LONG = ("Win a FREE prize, call 0800 123 456 now! ünïcödé " * 3000)[:100_000]


def _times(decide: Callable[[int], object], rounds: int) -> tuple[float, float]:
    ns = []
    for i in range(rounds):
        t0 = time.perf_counter_ns()
        decide(i)
        ns.append(time.perf_counter_ns() - t0)
    ns.sort()
    return ns[len(ns) // 2] / 1000, ns[min(len(ns) - 1, int(len(ns) * 0.99))] / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    graph = MemoryGraph()
    graph.follow("bob", "alice")
    clock = VirtualClock(2_000_000_000.0)

    def engine(rules: object) -> Engine:
        return Engine(rules, graph=graph, clock=clock, text_cache_size=0)  # type: ignore[arg-type]

    seed, unlimited = engine(load_rules(DEFAULT)), engine(parse_rules(NO_LENGTH_LIMIT))
    rows = [
        ("normal decision (allowed, 80 chars)", lambda i: seed.check(
            SendRequest(f"s{i}", ("bob",), NORMAL + str(i)))),
        ("100,000 chars, refused text_too_long", lambda i: seed.check(
            SendRequest("alice", ("bob",), LONG[:-8] + f"{i:08d}"))),
        (f"100,000 chars, no length rule (first {getattr(fingerprint, 'MAX_CHARS', 'all')} read)",
         lambda i: unlimited.check(SendRequest(f"s{i}", ("bob",), f"{i:08d}" + LONG[8:]))),
    ]
    for i in range(args.rounds):
        graph.follow("bob", f"s{i}")
    base = None
    print(f"memory://, text cache off, {args.rounds} decisions each "
          f"(signature in C: {fingerprint.ACCELERATED})")
    print(f"{'decision':58} {'p50 us':>9} {'p99 us':>9} {'x normal':>9}")
    for name, decide in rows:
        p50, p99 = _times(decide, args.rounds)
        base = base or p50
        print(f"{name:58} {p50:9.1f} {p99:9.1f} {p50 / base:9.1f}")


if __name__ == "__main__":
    main()
