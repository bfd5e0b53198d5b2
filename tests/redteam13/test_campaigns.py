"""Round 13's campaign families (tests/redteam13/campaigns.py, an outside helper's) on the
default rules, seed 1, 20 spammers a family: what the reader reads stays contained, and no
family reaches more than the strangers rules' 20 a day. Floors a little under what was
measured (python -m tests.redteam13.run --seeds 1): a change that loses ground fails here."""

from __future__ import annotations

import pytest

from tests.redteam13 import sim
from tests.redteam13.campaigns import FAMILIES

# family -> contained at seed 1 at least (measured at b578765: 95, 100, 100, 95, 95, 90, 95,
# 95, 100)
FLOORS = {"suspension_phish": 0.9, "parcel_fee": 0.9, "number_recruiting": 0.9,
          "video_bait": 0.9, "airdrop_drainer": 0.9, "tg_recruiting": 0.9,
          "task_job": 0.9, "brand_ambassador": 0.9,
          # since ways back in 3 messages arm strangers_daily's lower limit (armed_sends;
          # seed 1: 0.3, 0.6, 0.45, 0.75 then, against 0.1, 0.55, 0.3, 0.55 before)
          "adult_bait": 0.2, "invest_mentor": 0.5, "sugar_daddy": 0.35, "fake_recovery": 0.6}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_is_bounded_and_the_read_ones_contained(family: str) -> None:
    run = sim.run_family(family, FAMILIES[family], spammers=20, seed=1)
    assert run["max"] <= 20, run["max"]  # strangers_daily: 20 a day, whatever the texts
    assert run["contained"] >= FLOORS.get(family, 0.0), (family, run["contained"])
