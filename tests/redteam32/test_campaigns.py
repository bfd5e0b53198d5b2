"""Round 32 (tests/redteam32): campaigns as a spammer with a language model writes them,
written blind by a helper that read only README.md, rules/default.toml, docs/python.md and
the issue's words: every copy a fresh rewording of a corpus spam (another structure, order,
tone, text speak, emoji, the recipient's name), its way back one of a small pool, spelt in
1 to 3 of 178 styles; 13 tactics: the issue's nine and warmup (hours of talk with friends
first), drip (paced under the strangers rules), replybait (an opener, the way back minutes
later) and unicode (full-width, maths letters, circled letters, joiners, look-alikes);
1,000 ordinary users (`python -m tests.redteam32.run --seed N`, `python -m
tests.redteam32.probe`).

Blind (seed 1 / 2 / 3, contained): folded 100 / 75 / 95%, personalised 85 / 100 / 100%, spun
95 / 95 / 90%, rotating 100 / 85 / 100%, groups 90 / 95 / 95%, split 80 / 75 / 80%, slow 95 /
100 / 95%, short 90 / 95 / 70%, warmup 100 / 100 / 90%, drip 95 / 90 / 100%, replybait 90 /
85 / 90%, unicode 100 / 100 / 95%, mix 80 / 90 / 95%; 20 of its 231 spellings unread. Now
(tests/checks/test_ways_back_round32.py reads its kinds, in our words) the floors below are
seed 1's. Its ordinary users: 19 / 19 / 16 of 1,000 refused by a spam rule, as blind; all
but 5 / 5 / 2 of them sellers, organisers and creators writing one text to 8 to 30
followers who never wrote (the seed's "same message to many accounts")."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.redteam32.gen import DEFAULT_CORPUS
from tests.redteam32.run import TACTICS, measure
from tests.redteam_runner import floors

SPAMMERS = 20
HAM = 1000

FLOORS = {tactic: 1.0 for tactic in TACTICS} | {"split": 0.95, "mix": 0.95}
HAM_CEILING = 19  # refused by a spam rule at seed 1 (measured, as blind)


@pytest.fixture(scope="module")
def measured():
    if not Path(DEFAULT_CORPUS).is_file():
        pytest.skip(f"the SMS Spam Collection is absent: {DEFAULT_CORPUS}")
    return measure(1, SPAMMERS, HAM)


def test_every_tactic_has_a_floor():
    assert set(FLOORS) == set(TACTICS)


@pytest.mark.parametrize("tactic", TACTICS)
def test_contained_at_least_the_floor_within_the_bound(measured, tactic):
    floors.assert_reached_contained([len(s.reached) for s in measured[0] if s.tactic == tactic],
                                    SPAMMERS, tactic, FLOORS[tactic])


def test_ordinary_users_refused_at_most_the_ceiling(measured):
    ham = measured[1]
    assert len(ham.refused) <= HAM_CEILING, ham.fp_examples
    assert len(ham.cooled) <= 3, ham.fp_examples
