"""Round 38 (tests/redteam38): ordinary users only, blind, written by a helper that read
only README.md, rules/default.toml and docs/python.md: 2,000 users of twelve behaviours
over a day, heavy on new group chats that grow as members invite their own friends. Blind
(at 7397d0e) 0.40 / 0.10 / 0.30% refused by a spam rule at seeds 1 to 3, most inside new
groups; since friends of a friend among a group's members count as people followed
(docs/spam.md, "A friend's new group"), 0.20 / 0.05 / 0.20%. What is left: a price or an
e-mail address posted to members nobody there wrote to (links_to_strangers)."""
from __future__ import annotations

import pytest

from tests.redteam38 import run

pytestmark = pytest.mark.skipif(
    not run.CORPUS.exists(),
    reason="the SMS Spam Collection is absent (../shared/data/sms_spam_collection.tsv)")

USERS = 2000
CEILING = 4  # users refused by a spam rule at seed 1, measured (8 before friends of a friend)
NEVER_REFUSED = ("passive", "burst", "replier", "new_user", "new_number", "organiser_group",
                 "shop", "organiser_one_by_one", "creator")


@pytest.fixture(scope="module")
def sim():
    world = run.Sim(1, USERS, run.CORPUS)
    world.build_graph()
    world.schedule_all()
    world.run()
    return world


def test_at_most_the_measured_ordinary_users_are_refused_by_a_spam_rule(sim):
    refused = {r["user"] for r in sim.refusals}
    assert len(refused) <= CEILING, sorted(refused)
    assert len(refused) / USERS <= 0.005


@pytest.mark.parametrize("behaviour", NEVER_REFUSED)
def test_behaviours_never_refused(sim, behaviour):
    assert any(b == behaviour for b in sim.behaviour.values())
    assert not [r for r in sim.refusals if r["behaviour"] == behaviour]
