"""Follow-back schemes: a spammer that follows every target first.

Following is the sender's own click, and the plain spam rules read "the sender follows
them" as evidence of a relationship: before ``count_followed`` one text with a phone
number went to 300 followed targets with no refusal. ``mass_copies`` (duplicates,
count_followed) and ``fanout`` (strangers, count_followed) in rules/default.toml bound
it; people who wrote to the sender never count. On every storage driver.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from policy import MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.decision import Verdict
from policy.rules import load_rules
from tests.conftest import EngineFactory

SPAM = "URGENT! You have won a 1000 pound prize. Call 09061701461 now to claim, valid 12hrs"
WORDS = ("prize cash claim winner voucher holiday bonus reward lucky ticket draw entry "
         "apple river stone cloud garden window candle market pepper violin harbor").split()
# Words of talk (policy/promotion.py reads none of them as a promotion).
PLAIN = ("apple river stone cloud garden window candle market pepper violin harbor "
         "kitchen yellow bicycle morning letter").split()


def _rule(name: str):  # the default rules' values, read rather than restated
    return load_rules("default").get(name).params


def _follow_back(graph: MemoryGraph, sender: str, n: int) -> list[str]:
    targets = [f"{sender}-t{i}" for i in range(n)]
    for target in targets:
        graph.follow(target, sender)  # may be written to
        graph.follow(sender, target)  # ... and followed back by the spammer itself
    return targets


def _until_refused(engine, clock: VirtualClock, sender: str, targets: list[str],
                   text: Callable[[], str], gap: float):
    """(people delivered to, the first refusal): one target at a time, ``gap`` apart."""
    delivered, decision = 0, None
    for target in targets:
        clock.advance(gap)
        decision = engine.check(SendRequest(sender, (target,), text()))
        if not decision.allowed:
            break
        delivered += 1
    return delivered, decision


def test_one_text_to_followed_targets_is_refused_at_mass_copies_recipients(
        engine_factory: EngineFactory, graph: MemoryGraph, clock: VirtualClock) -> None:
    engine = engine_factory()
    recipients = _rule("mass_copies").recipients
    targets = _follow_back(graph, "spammer", 300)
    delivered, decision = _until_refused(engine, clock, "spammer", targets, lambda: SPAM, 30)
    assert delivered == recipients - 1, delivered
    assert decision.code == "duplicate_content"
    assert decision.reasons[0].rule == "mass_copies"
    # The seed's spam cooldown follows: every attempt, to anyone, restarts the wait.
    clock.advance(60)
    again = engine.check(SendRequest("spammer", (targets[-1],), "hello, how are you doing?"))
    assert again.verdict is Verdict.COOLDOWN


def test_rotating_texts_to_followed_targets_stop_at_the_fanout_limit(
        engine_factory: EngineFactory, graph: MemoryGraph, clock: VirtualClock) -> None:
    engine = engine_factory()
    limit = _rule("fanout").limit
    targets = _follow_back(graph, "rotator", limit + 20)
    rng = random.Random(3)
    # 10 minutes apart: the quota and the 6-hour rules stay clear; every text new and
    # plain (no promotion's words): no content rule sees it
    delivered, decision = _until_refused(engine, clock, "rotator", targets,
                                         lambda: " ".join(rng.sample(PLAIN, 12)), 600)
    assert delivered == limit, delivered
    assert decision.code == "too_many_strangers" and decision.reasons[0].rule == "fanout"
    assert "never wrote to you" in decision.reasons[0].message
    assert decision.retry_after is not None and 0 < decision.retry_after <= 24 * 3600
    # Someone already written to is not a new person: still allowed.
    assert engine.check(SendRequest("rotator", (targets[0],), "and one more thing")).allowed


def test_people_who_wrote_to_the_sender_never_count(
        engine_factory: EngineFactory, graph: MemoryGraph, clock: VirtualClock) -> None:
    engine = engine_factory()
    friends = _follow_back(graph, "host", 80)
    for friend in friends:
        graph.record_message(friend, "host")  # each has written to the sender
    text = "Party at mine on Saturday from 8, bring something to drink and a friend or two!"
    for friend in friends:
        clock.advance(30)
        decision = engine.check(SendRequest("host", (friend,), text))
        assert decision.allowed, (friend, decision.code)


def test_followed_people_count_for_the_new_rules_only(
        engine_factory: EngineFactory, graph: MemoryGraph, clock: VirtualClock) -> None:
    """An invitation to a dozen people the sender follows (who have not written yet) is
    not spam: the plain duplicates rule does not count them, mass_copies needs more."""
    engine = engine_factory()
    friends = _follow_back(graph, "inviter", _rule("mass_copies").recipients - 1)
    text = "Party at mine on Saturday from 8, bring something to drink and a friend or two!"
    for friend in friends:
        clock.advance(30)
        assert engine.check(SendRequest("inviter", (friend,), text)).allowed


# Rotated texts that never repeat, each with the spammer's number, or with words that sell
# and no number (policy/promotion.py): the way back is counted either way.
WAYS_BACK = {
    "number": lambda rng: " ".join(rng.sample(WORDS, 10)) + " call 0800 123 456",
    "promotion": lambda rng: " ".join(
        rng.sample(("claim", "voucher", "redeem", "awarded", "coupon"), 2) + rng.sample(PLAIN, 8)),
}


@pytest.mark.parametrize("way_back", sorted(WAYS_BACK))
def test_a_way_back_to_followed_targets_stops_at_links_to_followed(
        engine_factory: EngineFactory, graph: MemoryGraph, clock: VirtualClock,
        way_back: str) -> None:
    """No text repeats, but the way back to the spammer is counted, as links_to_strangers
    counts it for strangers."""
    engine = engine_factory()
    limit = _rule("links_to_followed").limit
    targets = _follow_back(graph, "caller", limit + 10)
    rng = random.Random(5)
    delivered, decision = _until_refused(engine, clock, "caller", targets,
                                         lambda: WAYS_BACK[way_back](rng), 600)
    assert delivered == limit, delivered
    assert decision.code == "links_to_strangers"
    assert decision.reasons[0].rule == "links_to_followed"
