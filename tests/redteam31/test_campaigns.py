"""Round 31 (tests/redteam31): direct-message spam that is not in English, written blind by
a helper that read only README.md, rules/default.toml, docs/python.md and the issue's words:
14 families in Portuguese, Spanish, French, Hindi and Hinglish, Indonesian, Nigerian Pidgin,
Tagalog, Arabic (its script and Arabizi), Russian (Cyrillic and translit), Turkish and
German, corpus spam it translated, ways back spelt as spammers there spell them ("chama no
zap", "link na bio", "responde SIM", "telegram kanalı @x", "x punkt de", numbers in each
country's format and in words); the issue's nine tactics; 1,000 ordinary users in the same
languages (`python -m tests.redteam31.run --seed N`, `python -m tests.redteam31.probe`).

Blind (seed 1 / 2 / 3, contained): folded 80 / 75 / 80%, personalised 95 / 100 / 100%, spun
95 / 85 / 95%, rotating 75 / 70 / 65%, groups 90 / 80 / 85%, split 90 / 80 / 80%, slow 80 /
90 / 95%, short 75 / 60 / 70%, mix 85 / 95 / 80%; 50 of its 124 spellings unread. Now
(tests/checks/test_ways_back_rounds29_to_31.py reads its kinds, in our words): folded 95 / 100 /
100%, personalised 100%, spun 100%, rotating 95%, groups 95 / 95 / 100%, split
95 / 90 / 95%, slow 100 / 95 / 100%, short 100%, mix 100 / 95 / 100%. What still escapes:
"mándame DM", "dm aja kak" (the way back is this chat, as "dm me for info" in English). Its ordinary users: 2 / 3 / 6 of 1,000 refused by a spam
rule, none cooled down; all of them a member answering in a friend's group, with a price, to
members it does not know (`links_to_strangers`). The floors below are seed 1 now."""
from __future__ import annotations

import pytest

from tests.redteam31.run import TACTICS, measure
from tests.redteam_runner import floors

SPAMMERS = 20
HAM = 1000

FLOORS = {
    "folded": 0.95,
    "personalised": 1.0,
    "spun": 1.0,
    "rotating": 0.95,
    "groups": 0.95,
    "split": 0.95,
    "slow": 1.0,
    "short": 1.0,
    "mix": 1.0,
}
HAM_CEILING = 2  # refused by a spam rule at seed 1 (measured)


@pytest.fixture(scope="module")
def measured():
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
    assert not ham.cooled
