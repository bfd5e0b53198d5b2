"""Round 35 (tests/redteam35): ordinary users only, blind, written by a helper that read
only README.md, rules/default.toml and docs/python.md: 17 kinds of user over 31 December
and 1 January (`python -m tests.redteam35.run --seed N`), its mix heavy on the kinds that
write one text to many. Ten kinds are never refused. Refused by design (docs/spam.md, round
35): the same greeting, new number or invitation to a 15th followed account in 6 hours
(`mass_copies`), one notice one by one to a 5th member or customer who never wrote
(`duplicates`), a recruiter's pitch with a salary, a seller's price to strangers. What it
found that was not by design, fixed: a year alone ("all the best for 2027") read as a way
back toward people followed (`links_to_followed`); it counts toward strangers only now
(tests/checks/test_years_are_talk.py)."""
from __future__ import annotations

import pytest

from tests.redteam35.run import PASSIVE, measure

USERS = 600
NEVER_REFUSED = ("chatter", "burst", "link_sharer", "birthday", "groupchat", "creator",
                 "landlord", "newcomer", "multilingual", "numbers")
CEILING = 86  # users refused by a spam rule at seed 1 of 600 (measured: 14%, its risky mix)


@pytest.fixture(scope="module")
def world():
    return measure(1, USERS, 2)


def test_no_platform_rule_refuses_the_simulation(world):
    # followers_only, text, group, daily_quota: a refusal there is the simulation's bug
    assert not any(s.platform for s in world.stats.values())


@pytest.mark.parametrize("kind", NEVER_REFUSED)
def test_kinds_that_talk_are_never_refused(world, kind):
    stats = world.stats[kind]
    assert stats.users > 0 and stats.sends > 0
    assert not stats.refused, stats.examples[:5]


def test_greeters_are_refused_only_for_the_same_text_to_many(world):
    stats = world.stats["greeter"]
    # the same greeting to a 15th followed account in 6 hours; "wishing you all the best
    # for 2027" to a 16th in a day is no way back (links_to_followed never fires)
    assert stats.refused and set(stats.rules) <= {"mass_copies", "spam_cooldown"}, stats.rules


def test_refused_at_most_the_ceiling(world):
    refused = sum(len(s.refused) for k, s in world.stats.items() if k != PASSIVE)
    assert refused <= CEILING, refused
