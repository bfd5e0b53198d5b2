"""Round 20's campaign families against the default rules, a table per family.

    python -m tests.redteam20.run [--seeds 1,2,3] [--spammers 20] [family ...]
    python -m tests.redteam20.run --examples N

Contained: at most 4 strangers reached at the first refusal by a spam rule (the
project's definition); reached a day: distinct strangers over the 24 simulated hours.
"""

from __future__ import annotations

from tests.redteam13.run import main as table
from tests.redteam20.campaigns import FAMILIES


def main(argv: list[str] | None = None) -> int:
    return table(argv, families=FAMILIES, seeds="1,2,3", doc=__doc__)


if __name__ == "__main__":
    raise SystemExit(main())
