"""Round 15's spintax families against the default rules, a table per family.

    python -m tests.redteam15.run [--seeds 1,2] [--spammers 20] [family ...]
"""

from __future__ import annotations

from tests.redteam13.run import main as table
from tests.redteam15.campaigns import FAMILIES


def main(argv: list[str] | None = None) -> int:
    return table(argv, families=FAMILIES, seeds="1,2", doc=__doc__)


if __name__ == "__main__":
    raise SystemExit(main())
