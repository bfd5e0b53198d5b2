"""Round 27 (tests/redteam27): a blind replica of the issue's evaluation, written by a helper
that read only README.md, rules/default.toml, docs/python.md and the issue's words (not
docs/spam.md, the readers' source or earlier rounds). Each spam sender takes one real spam
text of the corpus and one way back, a fresh value of its kind: a site written with a space
for its dot ("luxbox943 co uk", "dealchat com", "x (com)", "x c o m"), a mail address, a phone
number or a short code; the issue's nine tactics; 1,000 ordinary users of its own.

Blind (seed 1 / 2 / 3, contained): folded and personalised 100%; spun 70 / 70 / 85%, rotating
65 / 65 / 45%, groups 50 / 55 / 75%, split 60 / 75 / 75%, slow 5 / 0 / 0%, short 25 / 35 / 35%,
mix 75 / 60 / 50%; no ordinary user refused. The helper also probed the engine with about 70
texts and kept the link spellings it did not read: a site with a space for its dot, which
policy/ways_back.py now reads (``_DOTLESS_SITE``). Slow sends an opener with no way back
first and the way back hours later to a few of those reached (the known opener-first gap:
docs/spam.md). The floors below are seed 1 now."""
from __future__ import annotations

import pytest

from tests.redteam27.campaigns import TACTICS
from tests.redteam27.corpus import CORPUS, available
from tests.redteam_runner import floors

SPAMMERS = 20
HAM = 1000

FLOORS = {
    "folded": 1.0,
    "personalised": 1.0,
    "spun": 1.0,
    "rotating": 1.0,
    "groups": 1.0,
    "split": 0.95,
    "slow": 0.05,
    "short": 0.35,
    "mix": 0.85,
}
HAM_CEILING = 0   # ordinary users of 1,000 refused by a spam rule at seed 1 (measured)


@pytest.fixture(scope="module")
def measured():
    if not available():
        pytest.skip(f"the SMS Spam Collection is absent: {CORPUS}")
    from tests.redteam27.run import measure
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
