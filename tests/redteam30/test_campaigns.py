"""Round 30 (tests/redteam30): a blind evaluation of 2026 direct-message spam, written by a
helper that read only README.md, rules/default.toml, docs/python.md and the issue's words.
Half its spam senders start from a corpus spam text, half from 9 families of its own
(crypto, romance, job, parcel, phishing, giveaway, loan, support, ticket); each sender
draws 2 to 5 of 152 ways back spelt as DM spammers spell them (apps by emoji and nickname,
numbers in 12 national formats, dotless and emoji-dotted sites, wallets, profile pointers,
reply prompts, QR codes), one per copy; the issue's nine tactics; 1,000 ordinary users of
its own (`python -m tests.redteam30.run --seed N`, `python -m tests.redteam30.probe`).

Blind (seed 1 / 2 / 3, contained): folded, personalised 100%; spun 95 / 95 / 100%, rotating
95 / 95 / 90%, groups 95 / 95 / 100%, split 100 / 100 / 90%, slow 100 / 95 / 100%, short
80 / 90 / 80%, mix 85 / 95 / 90%. Its probe found 21 of the 152 spellings unread by all 3
of its senders (tests/checks/test_ways_back_rounds29_to_31.py reads them now, in our words). Now:
short 100 / 95 / 90%, mix 100%, every other tactic 95 to 100%. Its ordinary users refused
by a spam rule: 4.3 / 4.7 / 5.1%, all of two kinds the seed policy names: sellers sending a
price and a number to 10 to 40 commenters who never wrote (the same message to many
accounts), creators thanking 5 to 30 followers they don't follow back with one text; none
of its 545 chatters, ~100 organisers, ~105 burst senders or ~100 sharers is refused. The
floors below are seed 1 now."""
from __future__ import annotations

import pytest

from tests.redteam30.families import CORPUS, available
from tests.redteam30.sim import TACTICS, run_seed
from tests.redteam_runner import floors

SPAMMERS = 20
HAM = 1000

FLOORS = {
    "folded": 1.0,
    "personalised": 1.0,
    "spun": 1.0,
    "rotating": 0.95,
    "groups": 1.0,
    "split": 1.0,
    "slow": 1.0,
    "short": 1.0,
    "mix": 1.0,
}
# The kinds of ordinary user the seed policy refuses by design (above); every other kind
# is never refused. Seed 1 measured 43 refused of 1,000, all of these two kinds.
BY_DESIGN = {"seller_commenters", "creator"}
HAM_CEILING = 43


@pytest.fixture(scope="module")
def measured():
    if not available():
        pytest.skip(f"the SMS Spam Collection is absent: {CORPUS}")
    return run_seed(1, SPAMMERS, HAM)


def test_every_tactic_has_a_floor():
    assert set(FLOORS) == set(TACTICS)


@pytest.mark.parametrize("tactic", list(TACTICS))
def test_contained_at_least_the_floor_within_the_bound(measured, tactic):
    floors.assert_reached_contained([len(s.reached) for s in measured[0] if s.label == tactic],
                                    SPAMMERS, tactic, FLOORS[tactic])


def test_ordinary_users_refused_only_of_the_kinds_by_design(measured):
    hams = measured[1]
    assert len(hams) == HAM
    refused = [h for h in hams if h.refused_spam]
    assert len(refused) <= HAM_CEILING, len(refused)
    assert not [(h.id, h.kind, h.codes) for h in refused if h.kind not in BY_DESIGN]
