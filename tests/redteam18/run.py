"""Round 18's campaign families against the default rules, a table per family.

    python -m tests.redteam18.run [--seeds 1,2,3] [--spammers 20] [family ...]
    python -m tests.redteam18.run --examples [N]

Contained: at most 4 strangers reached at the first refusal by a spam rule (the
project's definition); reached a day: distinct strangers over the 24 simulated hours.
"""

from __future__ import annotations

import random
import sys

from tests.redteam13.run import main as table
from tests.redteam18.campaigns import FAMILIES


def examples(count: int = 3, seed: int = 7) -> None:
    """Print ``count`` copies of each family (parts joined by ' || ')."""
    for name, family in FAMILIES.items():
        rng = random.Random(f"examples:{seed}:{name}")
        gen = family(rng)
        print(f"## {name}")
        for i in range(count):
            msg = gen(rng, i * 7)
            print(f"- n={msg.n} gap={msg.gap:.0f}s pace={msg.pace:.0f}s: "
                  + " || ".join(repr(p) for p in msg.parts))
        print()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "--examples":
        examples(int(argv[1]) if len(argv) > 1 else 3)
        return 0
    return table(argv, families=FAMILIES, seeds="1,2,3", doc=__doc__)


if __name__ == "__main__":
    raise SystemExit(main())
