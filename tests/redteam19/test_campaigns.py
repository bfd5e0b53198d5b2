"""Round 19's families (tests/redteam19/campaigns.py: short texts, written blind by an
outside helper who read the public docs and the rules after short texts were traced by
default) on the default rules, seed 1, 20 spammers a family: none over the strangers
rules' 20 a day, and each contained at least as often as measured when they were written,
less a margin of two spammers (python -m tests.redteam19.run --seeds 1)."""

from __future__ import annotations

import pytest

from tests.redteam13 import sim
from tests.redteam19.campaigns import FAMILIES

# family -> share of its 20 spammers contained at seed 1, at least (as written: the same
# opener to everyone, hooks under 8 letters and digits, a hook before an opener, and a
# lure then a number 100%; the same opener folded per copy 15%; the others 0%: any
# variation keeps short texts apart, docs/spam.md)
FLOORS = {"naive_opener": 0.9, "tiny_hooks": 0.9, "hook_then_opener": 0.9,
          "lure_then_number": 0.9}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_is_bounded(family: str) -> None:
    sim.check_family(family, FAMILIES[family], FLOORS.get(family, 0.0))
