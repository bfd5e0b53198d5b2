"""Round 14's campaign families against the default rules, a table per family.

    python -m tests.redteam14.run [--seeds 1,2] [--spammers 20] [family ...]
"""

from __future__ import annotations

import argparse

from tests.redteam13 import sim
from tests.redteam14.campaigns import F


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default="1,2")
    parser.add_argument("--spammers", type=int, default=20)
    parser.add_argument("families", nargs="*")
    args = parser.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",")]
    print("| family | contained (per seed) | contained | strangers reached a day (mean, max) |")
    print("|---|---|---:|---:|")
    for name in args.families or list(F):
        runs = [sim.run_family(name, F[name], spammers=args.spammers, seed=seed) for seed in seeds]
        reached = [len(t.reached) for run in runs for t in run["tallies"]]
        contained = sum(run["contained"] for run in runs) / len(runs)
        per_seed = ", ".join(f"{run['contained']:.0%}" for run in runs)
        print(f"| {name} | {per_seed} | {contained:.1%} "
              f"| {sum(reached) / len(reached):.1f}, {max(reached)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
