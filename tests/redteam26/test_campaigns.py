"""Round 26's blind campaigns at seed 1: floors at what was measured (rounded down to 0.05)."""
from __future__ import annotations

import pytest

from tests.redteam26.campaigns import TACTICS
from tests.redteam26.corpus import CORPUS, available
from tests.redteam_runner import floors

SPAMMERS = 20
HAM = 1000

# contained share per tactic at seed 1, 20 spam senders a tactic (measured, rounded down)
FLOORS = {
    "folded": 1.0,
    "personalised": 1.0,
    "spun": 1.0,
    "rotating": 1.0,
    "groups": 1.0,
    "split": 1.0,
    "slow": 0.60,
    "short": 0.10,
    "mix": 0.80,
}
HAM_CEILING = 0   # ordinary users of 1,000 refused by a spam rule at seed 1 (measured)


@pytest.fixture(scope="module")
def measured():
    if not available():
        pytest.skip(f"the SMS Spam Collection is absent: {CORPUS}")
    from tests.redteam26.run import measure
    return measure(1, SPAMMERS, HAM, list(TACTICS))


def test_every_tactic_has_a_floor():
    assert set(FLOORS) == set(TACTICS)


@pytest.mark.parametrize("tactic", list(TACTICS))
def test_contained_at_least_the_floor(measured, tactic):
    floors.assert_contained_at_least(measured, tactic, FLOORS[tactic])


def test_strangers_a_day_bounded(measured):
    floors.assert_strangers_a_day_bounded(measured)


def test_ordinary_users_refused_at_most_the_ceiling(measured):
    floors.assert_ham_refused_at_most(measured, HAM, HAM_CEILING)
