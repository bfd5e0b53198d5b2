"""Round 17's families (tests/redteam17/campaigns.py: written blind by an outside helper
who read the README, docs/policy.md and the rules, not the reader nor any earlier round)
on the default rules, seed 1, 20 spammers a family: none over the strangers rules' 20 a
day, and each contained at least as often as measured when they were written, less a
margin of two spammers (python -m tests.redteam17.run --seeds 1)."""

from __future__ import annotations

import pytest

from tests.redteam13 import sim
from tests.redteam17.campaigns import FAMILIES

# family -> share of its 20 spammers contained at seed 1, at least (as written: 90, 100,
# 100, 100, 100, 90, 100%; the others 0 to 10%; then fake support 5 -> 80% and debt relief
# 0 -> 35% once the reader read them: tests/checks/test_redteam_round16.py)
FLOORS = {"crypto_signals": 0.8, "job_tasks": 0.9, "giveaway": 0.9, "toll_parcel": 0.9,
          "marketplace": 0.9, "charity": 0.8, "badge_phish": 0.9, "fake_support": 0.9,
          # since armed_sends (seed 1: 0.75 and 0.6, against 0.35 and 0.1 before)
          "debt_relief": 0.6, "ai_hustle": 0.45}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_is_bounded(family: str) -> None:
    sim.check_family(family, FAMILIES[family], FLOORS.get(family, 0.0))
