"""Round 25 (tests/redteam25: 16 spam campaign families and a mix, written blind by an outside
helper from README, docs/*.md, rules/default.toml and the SMS Spam Collection; 1,000 ordinary
users of its own) on the default rules, seed 1, 20 spam senders a tactic.

Every copy and every retry is a new text: LLM-like paraphrases from banks of openers, hooks,
asks and signatures; a phone number said in groups in words of 3 languages, between emoji,
passed off as a date, a time or a price, written with lower-case letters for digits, or in a
picture's or voice note's description; a site said without a dot; an app named in words with
a handle of no digit; "reply with a word"; a natural opener then the way back; 120 of the
corpus's real spam texts in rotation; new groups of 2 to 4; the recipient's name, a reference
and a signature; invisible characters and look-alike letters; two languages; very short texts;
texts near 140 characters padded with the corpus's own talk; a mix of 3 to 5 per sender.

Blind, against the reader of round 24 (seed 1): paraphrase 40, spoken, emojinum, disguised 100,
dotless 5, apphandle 30, replyword 40, twostep 15, rotate120 80, smallgroups 45, personal 100,
invisible 60, bilingual 65, tiny 0, long140 40, voicepic 100, mix 75%. The reader then learnt
some of its ways back (names too long for a word beside an app, app nicknames, a site whose dot
is said otherwise, a word sent back for something, a firm typed into google or to "google them",
a person's name on an app, narrowed after a review found ordinary talk in the first version's
patterns: "whatsapp screenshots", "on telly", "google them" about a band); our own phrasings
in tests/checks/test_ways_back_round24.py): FLOORS are seed 1 now, rounded down to 0.05.
`python -m tests.redteam25.run --seed N [--examples]` prints the table."""

from __future__ import annotations

import pytest

from tests.redteam25.campaigns import TACTICS
from tests.redteam25.corpus import CORPUS
from tests.redteam25.run import measure
from tests.redteam_runner import floors

FLOORS = {  # seed 1 now (blind: the docstring's figures)
    "paraphrase": 1.0, "spoken": 1.0, "emojinum": 1.0, "disguised": 1.0, "dotless": 1.0, "apphandle": 0.90,
    "replyword": 0.85, "twostep": 0.40, "rotate120": 0.95, "smallgroups": 0.95, "personal": 1.0,
    "invisible": 1.0, "bilingual": 0.90, "tiny": 1.0, "long140": 0.95, "voicepic": 1.0, "mix": 0.90,
}
HAM_REFUSED_AT_MOST = 0.006   # measured blind: 6 of 1,000 (organisers' one announcement to 6 to 14 members)


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
