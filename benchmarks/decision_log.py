"""What the decision log costs a decision, and how large its lines are.

    python -m benchmarks.decision_log [--sends 20000] [--rounds 3]

One engine on memory:// with the seed policy and an injected clock, the same sends
with and without a ``DecisionLog`` (in a temporary directory), alternated, best of
``--rounds``: microseconds per decision each way, and bytes per logged line. Two
traffics: sends to followers (mostly allowed: the engine fingerprints the text itself,
the log reuses it) and sends to anyone (mostly refused as not a follower: the engine
reads no text, the log fingerprints it for candidate rules).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from policy import Engine, MemoryGraph, SendRequest, load_rules
from policy.clock import VirtualClock
from policy.decisionlog import DecisionLog
from tests.conftest import DEFAULT_RULES

WORDS = ("lunch friday meet later call home office coffee park movie tonight weekend "
         "garden ticket report dinner").split()


def workload(sends: int, followers_only: bool, seed: int = 1) -> tuple[MemoryGraph, list]:
    rng = random.Random(seed)
    users = [f"u{i}" for i in range(500)]
    graph = MemoryGraph()
    followers: dict[str, list[str]] = {u: [] for u in users}
    for u in users:
        for v in rng.sample(users, 20):
            if v != u:
                graph.follow(v, u)
                followers[u].append(v)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 14))) for _ in range(3000)]
    requests = []
    for _ in range(sends):
        sender = rng.choice(users)
        recipient = rng.choice(followers[sender] if followers_only else users)
        if recipient == sender:
            recipient = followers[sender][0]
        requests.append(SendRequest(sender, (recipient,), rng.choice(texts)))
    return graph, requests


def run(graph: MemoryGraph, requests: list, log: DecisionLog | None) -> float:
    clock = VirtualClock(1_800_000_000.0)
    engine = Engine(load_rules(DEFAULT_RULES), graph=graph, clock=clock, decision_log=log)
    started = time.perf_counter()
    for request in requests:
        clock.now += 0.5
        engine.check(request)
    return (time.perf_counter() - started) / len(requests) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sends", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for name, followers_only in (("to followers", True), ("to anyone", False)):
        graph, requests = workload(args.sends, followers_only)
        without, with_log, size, lines = [], [], 0, 0
        for _ in range(args.rounds):
            without.append(run(graph, requests, None))
            folder = Path(tempfile.mkdtemp())
            log = DecisionLog(folder / "d.jsonl", max_bytes=1 << 30)
            with_log.append(run(graph, requests, log))
            log.close()
            size, lines = (folder / "d.jsonl").stat().st_size, log.written
        print(f"{name}: {min(without):.1f} us/decision without the log, "
              f"{min(with_log):.1f} us with it (+{min(with_log) - min(without):.1f}); "
              f"{size / lines:.0f} bytes a line")


if __name__ == "__main__":
    main()
