"""Round 21's campaign families against the default rules, a table per family.

    python -m tests.redteam21.run [--seeds 1,2,3] [--spammers 20] [family ...]
    python -m tests.redteam21.run --controls   (the ideas that failed)

Contained: at most 4 strangers reached at the first refusal by a spam rule (the
project's definition); reached a day: distinct strangers over the 24 simulated hours.
"""

from __future__ import annotations

import sys

from tests.redteam13.run import main as table
from tests.redteam21.campaigns import CONTROLS, FAMILIES


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--controls" in args:
        args.remove("--controls")
        return table(args, families=CONTROLS, seeds="1,2,3", doc=__doc__)
    return table(args, families=FAMILIES, seeds="1,2,3", doc=__doc__)


if __name__ == "__main__":
    raise SystemExit(main())
