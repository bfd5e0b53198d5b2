"""Round 34 (tests/redteam34): the issue's second, independent simulation on the SMS Spam
Collection, replicated blind by a helper that read only README.md, rules/default.toml,
docs/python.md and the issue's words: each spam sender takes real corpus spam and keeps the
corpus's own ways back (premium, national and freephone numbers, short codes with a keyword,
.co.uk and .com sites, "reply STOP", claim codes, PO boxes, prizes), respelt with fresh
values as a 2026 spammer would (grouped, dotted, look-alike letters, said, spaced, cut); the
issue's nine tactics; 1,000 ordinary users (`python -m tests.redteam34.run --seed N`,
`python -m tests.redteam34.probe`).

Blind (seed 1 / 2 / 3, contained): 100% for every tactic but short 95 / 100 / 95% and mix
100 / 95 / 100% (a number with a small "b" for 6 among its look-alikes); 17 of its 152
spellings read as nothing. Now (tests/checks/test_ways_back_round34.py reads its kinds, in
our words) 100% at the three seeds, 6 spellings unread (no way back: "reply s t o p", a
reference number, "1OOO GBP"). Its ordinary users: 13 / 18 / 11 of 1,000 refused by a spam
rule, blind and now, all but 2 organisers (5% of its users) sending one notice, one by one,
to a 5th member who never wrote (the seed's "same message to many accounts")."""
from __future__ import annotations

import pytest

from tests.redteam34.gen import load_corpus
from tests.redteam34.run import TACTICS, measure
from tests.redteam_runner import floors

SPAMMERS = 20
HAM = 1000

FLOORS = dict.fromkeys(TACTICS, 1.0)
HAM_CEILING = 13  # refused by a spam rule at seed 1 (measured, as blind)


@pytest.fixture(scope="module")
def measured():
    if load_corpus() is None:
        pytest.skip("the SMS Spam Collection is absent (../shared/data/sms_spam_collection.tsv)")
    return measure(1, SPAMMERS, HAM)


def test_every_tactic_has_a_floor():
    assert set(FLOORS) == set(TACTICS)


@pytest.mark.parametrize("tactic", TACTICS)
def test_contained_at_least_the_floor_within_the_bound(measured, tactic):
    floors.assert_reached_contained([s.day_reach() for s in measured[0] if s.tactic == tactic],
                                    SPAMMERS, tactic, FLOORS[tactic])


def test_ordinary_users_refused_at_most_the_ceiling(measured):
    ham = measured[1]
    assert len(ham.refused) <= HAM_CEILING, ham.refused
