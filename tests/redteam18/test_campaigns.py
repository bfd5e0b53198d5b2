"""Round 18's families (tests/redteam18/campaigns.py: written blind by an outside helper
who read the README, docs/policy.md and the rules, not the reader nor any earlier round,
in other categories than round 17's) on the default rules, seed 1, 20 spammers a family:
none over the strangers rules' 20 a day, and each contained at least as often as measured
when they were written, less a margin of two spammers (python -m tests.redteam18.run
--seeds 1)."""

from __future__ import annotations

import pytest

from tests.redteam13 import sim
from tests.redteam18.campaigns import FAMILIES

# family -> share of its 20 spammers contained at seed 1, at least (as written: 100% for
# the six with a link or a number; recovery agents 15%, brand collaborations 50%; the
# others 0%; then inheritance lawyers 60% and brand deals 75% once the reader read them:
# tests/checks/test_redteam_round16.py)
FLOORS = {"stimulus_grant": 0.9, "tech_support": 0.9, "ai_companion": 0.9, "tax_refund": 0.9,
          "utility_shutoff": 0.9, "tagged_video": 0.9, "brand_collab": 0.65,
          # since armed_sends (seed 1: 0.85 and 0.35, against 0.6 and 0.15 before)
          "inheritance_lawyer": 0.7, "recovery_agent": 0.25}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_is_bounded(family: str) -> None:
    sim.check_family(family, FAMILIES[family], FLOORS.get(family, 0.0))
