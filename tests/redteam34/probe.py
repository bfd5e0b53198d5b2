"""Round 34's probe: which spellings of the corpus's ways back go unread.

Each spelling is sent by 3 senders to 6 strangers each (who follow the sender, never write,
are not followed back), 5 minutes apart; only the way back repeats, amid ordinary words
that change with every copy. A spelling that reaches a 6th stranger was not read.
Writes nothing.

python -m tests.redteam34.probe
"""

from __future__ import annotations

import random
import sys
from collections import Counter

from policy import Engine, MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.ways_back import read_contacts

from . import gen

START = 1_800_000_000.0


def copy_text(rng: random.Random, spelling: str) -> str:
    for _ in range(20):
        a = gen.ordinary_salad(rng, rng.randint(3, 6))
        b = gen.ordinary_salad(rng, rng.randint(3, 6))
        text = f"{a} {spelling} {b}"
        if len(text) <= gen.MAX_CHARS:
            return text
    return spelling[:gen.MAX_CHARS]


def probe_one(label: str, spelling: str) -> tuple[int, list[int]]:
    """How many of the 3 senders reached a 6th stranger; each sender's count."""
    clock = VirtualClock(START)
    graph = MemoryGraph()
    engine = Engine.from_file("default", graph=graph, clock=clock)
    counts = []
    for s in range(3):
        sender = f"p{s}"
        rng = random.Random(f"r34-probe/{label}/{s}")
        reached = 0
        for t in range(6):
            target = f"{sender}.t{t}"
            graph.follow(target, sender)
            clock.now = START + s * 7200 + t * 300
            d = engine.check(SendRequest(sender, (target,), copy_text(rng, spelling)))
            if not d.allowed:
                break
            graph.record_message(sender, target)
            reached += 1
        counts.append(reached)
    return sum(c >= 6 for c in counts), counts


def main(argv: list[str] | None = None) -> int:
    spellings = gen.all_spellings()
    unread: list[tuple[str, str, int, list[int]]] = []
    for label, spelling in spellings:
        n, counts = probe_one(label, spelling)
        if n:
            unread.append((label, spelling, n, counts))
    print(f"round 34 probe: {len(spellings)} spellings of the corpus's ways back, "
          f"3 senders x 6 strangers each; {len(unread)} reached a 6th stranger (unread):")
    for label, spelling, n, _counts in unread:
        try:
            seen = read_contacts(spelling)
        except Exception as exc:  # the reader is a black box here
            seen = f"error {exc!r}"
        print(f"  {label:<28} {n}/3  {spelling!r}  read_contacts={seen}")
    by_way = Counter(label.split("/")[0] for label, _ in spellings)
    bad = Counter(u[0].split("/")[0] for u in unread)
    print("  unread by way back: " + ", ".join(f"{k} {bad[k]}/{v}" for k, v in by_way.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
