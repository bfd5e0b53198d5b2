"""Round 25: blind campaigns and ordinary users against the default rules.

    python -m tests.redteam25.run --seed 1 --spammers 20 [--ham 1000] [--tactics a,b] [--examples]
"""
from __future__ import annotations

from typing import Any

from tests.redteam25.campaigns import TACTICS
from tests.redteam25.ham import run_ham_user
from tests.redteam25.harness import run_sender
from tests.redteam_runner import run as runner

ROUND = runner.Round(25, TACTICS, run_ham_user, run_sender, "")


def measure(seed: int, spammers: int, ham_users: int, tactics: list[str]) -> tuple[dict[str, list[Any]], list[Any]]:
    return runner.measure(ROUND, seed, spammers, ham_users, tactics)


if __name__ == "__main__":
    runner.main(ROUND)
