"""Round 36 (tests/redteam36, blind; its docstring in run.py): each family's blind and pick
campaigns at seed 1 are contained at least as often as measured after the reader's fixes (at
most 4 strangers got the payload, never more than 50 a day), and ordinary senders are never
refused by a spam rule. The recon modes (an attacker probing a local engine) are not
asserted here: they are bounded by the content-agnostic limits, at 20 strangers a day."""
from __future__ import annotations

import pytest

from tests.redteam36 import gen
from tests.redteam36.run import run_family, run_ham
from tests.redteam_runner import floors

SPAMMERS = 20
HAM = 200
NAMES = [f.name for f in gen.FAMILIES]
# Contained at seed 1, measured after the fix (blind before it: saydot 15%, pick 35%)
FLOORS = {("blind", name): 1.0 for name in NAMES} | {
    ("blind", "hook"): 0.95, ("blind", "chatplus"): 0.8, ("blind", "convo"): 0.95,
    ("blind", "groupmix"): 0.95, ("blind", "polyglot"): 0.9, ("blind", "emoji"): 0.95,
    ("blind", "ctazoo"): 0.8, ("blind", "sink"): 0.95, ("blind", "saydot"): 0.85}
FLOORS |= {("pick", name): 1.0 for name in NAMES} | {
    ("pick", "mix3"): 0.9, ("pick", "hook"): 0.85, ("pick", "chatplus"): 0.9, ("pick", "convo"): 0.9,
    ("pick", "polyglot"): 0.9, ("pick", "grammar"): 0.85, ("pick", "ctazoo"): 0.9,
    ("pick", "sink"): 0.75, ("pick", "saydot"): 0.8}

pytestmark = pytest.mark.skipif(
    not gen.SPAM, reason="the SMS Spam Collection is absent (../shared/data/sms_spam_collection.tsv)")


@pytest.mark.parametrize(("mode", "family"), sorted(FLOORS))
def test_contained_at_least_the_floor_within_the_bound(mode, family):
    fam = next(f for f in gen.FAMILIES if f.name == family)
    reached = [r["reached_payload"] for r in run_family(fam, mode, 1, SPAMMERS)]
    floors.assert_reached_contained(reached, SPAMMERS, f"{family}/{mode}", FLOORS[(mode, family)])


def test_ordinary_senders_are_never_refused_by_a_spam_rule():
    hams = run_ham(1, HAM)
    assert len(hams) == HAM
    refused = [h["refused"][0] for h in hams if h["refused"] or h["cooled"]]
    assert not refused, refused[:5]
