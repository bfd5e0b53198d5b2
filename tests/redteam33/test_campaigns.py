"""Round 33 (tests/redteam33): ways back through today's platforms, written blind by a
helper that read only README.md, rules/default.toml, docs/python.md and the issue's words:
11 families (WhatsApp click-to-chat and group links, Telegram bots and invites, Discord,
Signal groups, link-in-bio pages, Google Forms and Sites, Notion and Calendly, app stores,
payment links and tags, wallets, shorteners nobody has heard of), 18 ways of hiding a link
(markdown, angle brackets, hxxp, "(dot)", "[.]", joiners, a space in the domain, the path on
the next line, "(remove the spaces)", full-width, URL-encoding) and 7 for handles and
addresses: 422 spellings; the issue's nine tactics; 1,000 ordinary users, some sharing
ordinary links with friends and new contacts (`python -m tests.redteam33.run --seed N`,
`python -m tests.redteam33.probe`).

Blind (seed 1 / 2 / 3, contained): folded 95 / 100 / 100%, personalised 100 / 95 / 95%,
spun 85 / 90 / 80%, rotating 90 / 95 / 100%, groups 95 / 95 / 95%, split 90 / 100 / 90%,
slow 100 / 90 / 100%, short 100 / 90 / 90%, mix 90 / 95 / 95%; 42 of its 422 spellings read
as nothing. Now (tests/checks/test_ways_back_round33.py reads its kinds, in our words) the
floors below are seed 1's. Its ordinary users: 25 / 21 / 27 of 1,000 refused by a spam rule,
as blind; every one a seller, organiser or creator (3% each of its users) sending one
template to 5 or more commenters or followers who never wrote (the seed's "same message to
many accounts")."""
from __future__ import annotations

import pytest

from tests.redteam33.gen import CORPUS
from tests.redteam33.run import TACTICS, measure
from tests.redteam_runner import floors

SPAMMERS = 20
HAM = 1000

FLOORS = {tactic: 1.0 for tactic in TACTICS} | {"rotating": 0.95}
HAM_CEILING = 25  # refused by a spam rule at seed 1 (measured, as blind)


@pytest.fixture(scope="module")
def measured():
    if not CORPUS.is_file():
        pytest.skip(f"the SMS Spam Collection is absent: {CORPUS}")
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
