"""Round 14's families (tests/redteam14/campaigns.py: written to evade the reader) on the
default rules, seed 1, 20 spammers a family: none over the strangers rules' 20 a day, and
where the reader now reads their way back (payment and game apps, pitches of loans,
charities, skins), fewer strangers a day than the 20 they all reached before (measured at
the commit that read them: python -m tests.redteam14.run --seeds 1)."""

from __future__ import annotations

import pytest

from tests.redteam13 import sim
from tests.redteam14.campaigns import F

# family -> mean strangers a day at seed 1, at most (18.5 to 20 before round 14's reading)
# (lower since armed_sends, seed 1: steam skins 8.9, quick loan 4.4, charity 6.5, account
# notice 10.6, task job 5.9, sextortion 6.8, rental deposit 5.5, vote for me 6.9 a day)
CEILINGS = {"steam_skins": 10.0, "quick_loan": 5.5, "fake_charity": 8.0, "account_notice": 12.0,
            "remote_task_job": 7.0, "sextortion": 8.0, "rental_deposit": 7.0, "vote_for_me": 8.0}


@pytest.mark.parametrize("family", sorted(F))
def test_each_family_is_bounded(family: str) -> None:
    run = sim.run_family(family, F[family], spammers=20, seed=1)
    assert run["max"] <= 20, run["max"]  # strangers_daily: 20 a day, whatever the texts
    assert run["mean"] <= CEILINGS.get(family, 20.0), (family, run["mean"])
