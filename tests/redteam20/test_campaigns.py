"""Round 20's families (tests/redteam20/campaigns.py: group messages, written blind by an
outside helper who read the README, docs/policy.md, docs/rules.md and the rules after
`at_once` and the short-text rules shipped) on the default rules, seed 1, 20 spammers a
family: none over the strangers rules' 20 a day, and each contained at least as often as
measured when they were written, less a margin of two spammers (python -m
tests.redteam20.run --seeds 1)."""

from __future__ import annotations

import pytest

from tests.redteam13 import sim
from tests.redteam20.campaigns import FAMILIES

# family -> share of its 20 spammers contained at seed 1, at least (as written: the same
# text to each group, an opener then a pitch, new groups of 19 and of 5 (refused whole
# by at_once, then 4 at a time) 100%; the cashtag giveaway 10%; the others 0%: groups of
# 4 strangers with a text spun apart each time reach the strangers rules' 20 a day)
FLOORS = {"same_text_each_group": 0.9, "group_opener_then_pitch": 0.9,
          "new_groups_of_19": 0.9, "groups_of_5": 0.9}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_is_bounded(family: str) -> None:
    sim.check_family(family, FAMILIES[family], FLOORS.get(family, 0.0))
