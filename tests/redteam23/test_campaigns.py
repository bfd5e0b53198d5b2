"""Round 23 (tests/redteam23: campaigns written blind by an outside helper from the public
docs and the SMS Spam Collection: paraphrases, ham camouflage, a new number or link per
copy, numbers and addresses said in words, Markov salad, groups, slow and short copies,
handles, ways back with no number or link: a pointer to the sender's profile, the
conversation itself, a name to search for) on the default rules, seed 1, 20 spam senders
a tactic, 1,000 ordinary users of its own.

Blind, 15 of its 19 families were contained by the 5th stranger; "replyhere", "profile"
and "searchfor" (5 to 25%) and "mix" (80 to 95%) were not, until the reader learnt those
ways back (policy/ways_back.py: ``_MY_PAGE``, ``_HERE``, ``_SEARCH_FOR``; measured after,
so not blind: tests/checks/test_ways_back_said.py holds phrasings of our own).
"twostep" opens with a real ordinary text to each stranger and sends its way back to 2
or 3 of them: no content rule can tell its openers from talk; the strangers rules bound it
(12 in 6 hours). `python -m tests.redteam23.run --seed N` prints the table."""

from __future__ import annotations

import pytest

from tests.redteam23.campaigns import TACTICS
from tests.redteam23.corpus import CORPUS
from tests.redteam23.run import measure

FLOORS = {name: 0.95 for name in TACTICS} | {"twostep": 0.0}


@pytest.fixture(scope="module")
def measured() -> tuple[dict, list]:
    if not CORPUS.is_file():
        pytest.skip(f"the SMS Spam Collection is not at {CORPUS} (read in place, never copied)")
    return measure(1, 20, 1000, list(TACTICS))


@pytest.mark.parametrize("tactic", list(TACTICS))
def test_each_tactic_is_contained_by_the_5th_stranger(measured: tuple[dict, list], tactic: str) -> None:
    results = measured[0][tactic]
    contained = sum(r.contained for r in results) / len(results)
    assert contained >= FLOORS[tactic], (tactic, contained)
    assert max(r.reached for r in results) <= 20  # the strangers rules' day, whatever the tactic


def test_twostep_gets_its_way_back_to_4_strangers_at_most(measured: tuple[dict, list]) -> None:
    # its openers reach 9 to 12; its payload 2 (3 when an opener read as one)
    assert max(r.armed for r in measured[0]["twostep"]) <= 4


def test_ordinary_users_are_refused_at_most_half_a_percent(measured: tuple[dict, list]) -> None:
    hams = measured[1]
    assert sum(bool(h.refused) for h in hams) <= 0.005 * len(hams)
