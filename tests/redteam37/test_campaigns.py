"""Round 37 (tests/redteam37, blind; its docstring in run.py): at seed 1 each tactic's spam
senders are contained at least as often as measured after the reader's fixes (at most 4
strangers reached in the day, never more than 50), and ordinary users are refused no more
often than measured. Its ordinary users' refusals are of the kinds the docs name
(docs/spam.md, "Round 37"): a creator thanking a 5th follower with one text, and a member
posting a price in a friend's new group to members its organiser never wrote to."""
from __future__ import annotations

import os

import pytest

from tests.redteam37 import run

SEED = 1
SENDERS = 20
HAM = 300
# Contained at seed 1 after the fixes ("say HOT 2 win", radio digits; English digit words beside
# the radio's words of talk: probed 70 -> 85%; blind before them: short
# 90%, probed 30%). probed keeps only the spellings a local engine lets through.
FLOORS = {tactic: 1.0 for tactic in run.TACTICS} | {"rotating": 0.95, "probed": 0.85}
HAM_REFUSED_AT_MOST = 2  # of 300, measured: 2 creators (4 before friends' new groups)
# Creators thanking a 5th follower with one text; a member posting a price in a friend's new
# group to members its organiser never wrote to (1 of 1,000 at seed 1)
KNOWN_KINDS = {("creator", "duplicate_content"), ("chat", "links_to_strangers"),
               ("group", "links_to_strangers")}

pytestmark = pytest.mark.skipif(
    not os.path.exists(run.DEFAULT_CORPUS),
    reason="the SMS Spam Collection is absent (../shared/data/sms_spam_collection.tsv)")


@pytest.fixture(scope="module")
def measured():
    return run.run(SEED, SENDERS, HAM, run.DEFAULT_CORPUS)


@pytest.mark.parametrize("tactic", run.TACTICS)
def test_contained_at_least_the_floor_within_the_bound(measured, tactic):
    stats = [sp.stats for sp in measured["spammers"] if sp.tactic == tactic]
    assert len(stats) == SENDERS
    reached = [len(s.reached) for s in stats]
    share = sum(n <= 4 for n in reached) / len(reached)
    assert share >= FLOORS[tactic] - 1e-9, (tactic, share, reached)
    assert max(reached) <= 50, (tactic, reached)


def test_ordinary_users_refused_at_most_as_measured_and_only_of_the_known_kinds(measured):
    ham = measured["ham"]
    assert len(ham.users) == HAM
    refused = [s for s in ham.stats.values() if s.refused]
    assert len(refused) <= HAM_REFUSED_AT_MOST, [(s.kind, s.refused[0]) for s in refused]
    firsts = {(s.kind, s.refused[0]["codes"][0]) for s in refused}
    assert firsts <= KNOWN_KINDS, firsts
