"""Round 13's campaign families against the default rules, a table per family.

    python -m tests.redteam13.run [--seeds 1,2,3] [--spammers 20] [family ...]
    python -m tests.redteam13.run --examples N

Contained: at most 4 strangers reached at the first refusal by a spam rule (the
project's definition); reached a day: distinct strangers over the 24 simulated hours.
"""

from __future__ import annotations

import argparse
import random
from typing import Any

from tests.redteam13 import sim
from tests.redteam13.campaigns import FAMILIES


def examples(families: dict[str, Any], count: int = 3, seed: int = 7) -> None:
    """Print ``count`` copies of each family (parts joined by ' || ')."""
    for name, family in families.items():
        rng = random.Random(f"examples:{seed}:{name}")
        gen = family(rng)
        print(f"## {name}")
        for i in range(count):
            msg = gen(rng, i * 7)
            print(f"- n={msg.n} gap={msg.gap:.0f}s pace={msg.pace:.0f}s: "
                  + " || ".join(repr(p) for p in msg.parts))
        print()


def main(argv: list[str] | None = None, families: dict[str, Any] | None = None,
         seeds: str = "1,2,3", doc: str | None = None) -> int:
    """The table of ``families`` (round 13's by default); round 14's run.py calls it too."""
    families = FAMILIES if families is None else families
    parser = argparse.ArgumentParser(description=(doc or __doc__).split("\n\n")[0])
    parser.add_argument("--seeds", default=seeds)
    parser.add_argument("--spammers", type=int, default=20)
    parser.add_argument("--examples", type=int, metavar="N",
                        help="print N copies of each family instead of the table")
    parser.add_argument("families", nargs="*")
    args = parser.parse_args(argv)
    if args.examples is not None:
        examples(families, args.examples)
        return 0
    print("| family | contained (per seed) | contained | strangers reached a day (mean, max) |")
    print("|---|---|---:|---:|")
    for name in args.families or list(families):
        runs = [sim.run_family(name, families[name], spammers=args.spammers, seed=int(seed))
                for seed in args.seeds.split(",")]
        # as many spammers at each seed: the mean of the seeds' means is the mean
        mean = sum(run["mean"] for run in runs) / len(runs)
        contained = sum(run["contained"] for run in runs) / len(runs)
        per_seed = ", ".join(f"{run['contained']:.0%}" for run in runs)
        print(f"| {name} | {per_seed} | {contained:.1%} "
              f"| {mean:.1f}, {max(run['max'] for run in runs):.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
