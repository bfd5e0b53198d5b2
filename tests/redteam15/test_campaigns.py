"""Round 15's families (tests/redteam15/campaigns.py: spintax written by an outside
helper who never read the project's spinner nor its fingerprint) on the default rules,
seed 1, 20 spammers a family: none over the strangers rules' 20 a day, and each
contained at least as often as measured when they were written, less a margin of two
spammers (python -m tests.redteam15.run --seeds 1). The loan pitch with no contact was
contained 70% of the time when written; it taught the reader loan pitches (round 16 in
tests/checks/test_redteam_round16.py): 100% since."""

from __future__ import annotations

import pytest

from tests.redteam13 import sim
from tests.redteam15.campaigns import FAMILIES

# family -> share of its 20 spammers contained at seed 1, at least
FLOORS = {"prize_light": 0.9, "parcel_heavy": 0.9, "crypto_reorder": 0.7, "job_newlink": 0.9,
          "loan_nocontact": 0.9, "subscription_phone": 0.9, "account_newdomain": 0.9,
          "short_spin": 0.75}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_is_bounded(family: str) -> None:
    sim.check_family(family, FAMILIES[family], FLOORS.get(family, 0.0))
