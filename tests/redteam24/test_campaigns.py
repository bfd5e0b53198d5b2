"""Round 24 (tests/redteam24: 20 spam campaign families and a mix, written blind by an outside
helper from README, docs/*.md, rules/default.toml and the SMS Spam Collection; 1,000 ordinary
users of its own) on the default rules, seed 1, 20 spam senders a tactic.

Every copy and every retry is a new text built from a real spam text (numbers, links, codes and
the trade words docs/spam.md lists said otherwise) and a way back the docs say is missed or do
not mention: Roman numerals, arithmetic, digits in Italian/Finnish/Swahili/..., groups joined by
"and", lower-case letters for digits, vanity numbers with spaces, an app described in words,
a company's name to google, a QR code or details in a picture, an address at a rare host,
"my number is my username", synonyms of synonyms with "answer in this chat", 3-level
spintax, a number in 3 pieces with words, a benign opener then the payload hours later, the
payload among ordinary sentences, other languages with a handle without a digit, broken
words with a bare @name, 50 offers in rotation, groups and one-to-one in turn.

Blind (seed 1): roman 0, arith 100, foreign 5, andjoined 95, lowerdigits 10, vanity 100, appwords
30, googleco 0, picpointer 5, raremail 0, username 0, synsyn 0, spintax3 15, split3 100, benignthen
0, hamcamo 15, multilang 0, broken 20, offers50 25, groupsmixed 10, mix 20%. The reader then learnt
these ways back (policy/ways_back.py, policy/promotion.py; tests/checks/test_ways_back_round24.py
holds phrasings of our own): FLOORS are seed 1 now, rounded down to a multiple of 0.05.
"benignthen" opens with a real ordinary text to each stranger and sends its way back to 2 or 3
of them later: the strangers rules bound its openers.
`python -m tests.redteam24.run --seed N [--examples]` prints the table."""

from __future__ import annotations

import pytest

from tests.redteam24.campaigns import TACTICS
from tests.redteam24.corpus import CORPUS
from tests.redteam24.run import measure
from tests.redteam_runner import floors

FLOORS = {  # seed 1 now (blind, before the reader learnt round 24: the docstring's figures)
    "roman": 1.0, "arith": 1.0, "foreign": 1.0, "andjoined": 1.0, "lowerdigits": 0.80, "vanity": 1.0,
    "appwords": 1.0, "googleco": 0.85, "picpointer": 1.0, "raremail": 1.0, "username": 1.0, "synsyn": 0.95,
    "spintax3": 1.0, "split3": 1.0, "benignthen": 0.0, "hamcamo": 1.0, "multilang": 1.0, "broken": 0.75,
    "offers50": 1.0, "groupsmixed": 0.90, "mix": 0.95,
}
HAM_REFUSED_AT_MOST = 0.01   # measured blind: 9 of 1,000 (8 small businesses' announcements, 1 group post)


@pytest.fixture(scope="module")
def measured() -> tuple[dict, list]:
    if not CORPUS.is_file():
        pytest.skip(f"the SMS Spam Collection is not at {CORPUS} (read in place, never copied)")
    return measure(1, 20, 1000, list(TACTICS))


def test_every_tactic_has_a_floor() -> None:
    assert set(FLOORS) == set(TACTICS)


@pytest.mark.parametrize("tactic", list(TACTICS))
def test_each_tactic_is_contained_at_least_as_often_as_measured(measured: tuple[dict, list], tactic: str) -> None:
    floors.assert_contained_at_least(measured, tactic, FLOORS[tactic])


def test_strangers_a_day_at_most_the_strangers_rules_day(measured: tuple[dict, list]) -> None:
    floors.assert_strangers_a_day_bounded(measured, 20)  # whatever the tactic


def test_ordinary_users_refused_by_a_spam_rule(measured: tuple[dict, list]) -> None:
    floors.assert_ham_refused_at_most(measured, 1000, round(HAM_REFUSED_AT_MOST * 1000))
