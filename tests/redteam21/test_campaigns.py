"""Round 21's families (tests/redteam21/campaigns.py: written blind by an outside helper
who read the README, docs/*.md and the rules after `armed_sends` shipped, and adapted to
them: ways back the reader sees in 2 messages a day at most, lures, handles and links it
misses) on the default rules, seed 1, 20 spammers a family: none over the strangers rules'
20 a day (all reach it: none contained, python -m tests.redteam21.run; 8 spammers a
family here). The ideas that
failed stay contained, or held at 12 a day."""

from __future__ import annotations

import pytest

from tests.redteam13 import sim
from tests.redteam21.campaigns import CONTROLS, FAMILIES

# the controls as measured when written (seeds 1 to 3): a number in every message,
# handles with a digit, "_" or an invitation, links said in English, hooks under 8
# letters: 100%, 4 a day
FLOORS = {"number_every_msg": 0.9, "read_handles": 0.9, "said_link_read": 0.9,
          "short_hooks": 0.9}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_is_bounded(family: str) -> None:
    # 8 spammers (the families' own near-copy guard redraws each text up to 300 times)
    run = sim.run_family(family, FAMILIES[family], spammers=8, seed=1)
    assert run["max"] <= 20, run["max"]  # strangers_daily: 20 a day, whatever the texts


@pytest.mark.parametrize("family", sorted(CONTROLS))
def test_the_ideas_that_failed_stay_held(family: str) -> None:
    run = sim.run_family(family, CONTROLS[family], spammers=20, seed=1)
    assert run["contained"] >= FLOORS.get(family, 0.0), (family, run["contained"])
    if family == "three_wayback_msgs":  # the 3rd way back is refused until the next day
        assert run["max"] <= 12, run["max"]
    else:
        assert run["max"] <= 20, run["max"]
