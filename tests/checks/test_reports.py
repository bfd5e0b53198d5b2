"""Recipient reports (``Engine.report`` and the reports kind), one behaviour at a time, on
every storage (memory://, fakeredis, redis-server)."""

from __future__ import annotations

import asyncio

import pytest
from prometheus_client import CollectorRegistry

from policy import MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.decision import Verdict
from policy.errors import InvalidRequest
from policy.metrics import PrometheusObserver
from policy.middleware.codes import for_refusal
from tests.conftest import EngineFactory

SENDER = "promo"
RULES = """
[[rules]]
name = "reports"
check = "reports"
strangers = "strangers_daily"
window = "7d"
min_reports = 2
share = 0.1
max_reports = 4

[[rules]]
name = "strangers_daily"
check = "strangers"
limit = 30
window = "24h"
"""


@pytest.fixture
def fans(graph: MemoryGraph) -> list[str]:
    """40 people who follow the sender; the sender follows none of them back."""
    people = [f"fan{i:02d}" for i in range(40)]
    for person in people:
        graph.follow(person, SENDER)
    return people


def send(engine, to: str, text: str = "hello there"):
    return engine.check(SendRequest(SENDER, (to,), text))


def reach(engine, people: list[str], clock: VirtualClock) -> None:
    for person in people:
        assert send(engine, person, f"a note for {person}").allowed, person
        clock.advance(60)


def test_two_reports_from_people_written_to_stop_new_strangers_not_friends(
        engine_factory: EngineFactory, fans: list[str], graph: MemoryGraph,
        clock: VirtualClock) -> None:
    engine = engine_factory(RULES)
    reach(engine, fans[:10], clock)
    assert engine.report(reporter=fans[0], sender=SENDER).counted
    assert send(engine, fans[10]).allowed  # one report: never enough alone
    clock.advance(3600)
    assert engine.report(reporter=fans[1], sender=SENDER, kind="block").counted
    refused = send(engine, fans[11])
    assert (refused.verdict, refused.code) == (Verdict.COOLDOWN, "reported_as_spam")
    # Until the first report leaves the 7-day window (then fewer than 2 remain).
    assert refused.retry_after == pytest.approx(7 * 86400 - 3600)
    assert for_refusal(refused.code, refused.verdict).code == 710
    graph.follow(SENDER, fans[12])  # a friend: not refused by this rule
    assert send(engine, fans[12]).allowed
    clock.advance(refused.retry_after + 1)
    assert send(engine, fans[11]).allowed


def test_reports_count_only_from_people_the_sender_wrote_to_once_each(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    engine = engine_factory(RULES)
    reach(engine, fans[:3], clock)
    assert engine.report(reporter="stranger-1", sender=SENDER).outcome == "not_reached"
    assert engine.report(reporter="stranger-2", sender=SENDER).outcome == "not_reached"
    assert engine.report(reporter=fans[0], sender=SENDER).outcome == "counted"
    assert engine.report(reporter=fans[0], sender=SENDER, kind="block").outcome == "repeated"
    assert send(engine, fans[5]).allowed  # brigading strangers and repeats count for nothing


def test_a_reporter_who_wrote_to_the_sender_does_not_count(
        engine_factory: EngineFactory, fans: list[str], graph: MemoryGraph,
        clock: VirtualClock) -> None:
    engine = engine_factory(RULES)
    reach(engine, fans[:3], clock)
    graph.record_message(fans[0], SENDER)  # a reply: a conversation, not spam
    graph.record_message(fans[1], SENDER)
    for person in fans[:2]:
        assert engine.report(reporter=person, sender=SENDER).outcome == "replied"
    assert send(engine, fans[5]).allowed


def test_a_report_long_after_the_message_does_not_count(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    engine = engine_factory(RULES)
    reach(engine, fans[:2], clock)
    clock.advance(25 * 3600)  # out of the strangers rule's 24 hours
    assert engine.report(reporter=fans[0], sender=SENDER).outcome == "not_reached"


def test_a_popular_sender_is_not_stopped_by_a_handful(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    """3 reports among 40 strangers reached (7.5%) stay under the rule's share (10%)."""
    engine = engine_factory(RULES.replace("limit = 30", "limit = 100"))
    reach(engine, fans, clock)
    for person in fans[:3]:
        assert engine.report(reporter=person, sender=SENDER).counted
    assert engine.check(SendRequest(SENDER, ("newcomer",), "hi")).allowed
    assert engine.report(reporter=fans[3], sender=SENDER).counted  # 4 of 41: 9.8%
    assert engine.report(reporter=fans[4], sender=SENDER).counted  # 5 of 41, but at most 4 kept
    assert engine.check(SendRequest(SENDER, ("newcomer2",), "hi")).allowed


def test_counted_reports_are_bounded_and_expire(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    engine = engine_factory(RULES)
    reach(engine, fans[:8], clock)
    for person in fans[:8]:
        engine.report(reporter=person, sender=SENDER)
    refused = send(engine, fans[20])
    assert refused.code == "reported_as_spam"
    # max_reports = 4: the 4 most recent, the oldest of the two that must go sets the wait
    assert refused.retry_after == pytest.approx(7 * 86400)
    clock.advance(7 * 86400 + 1)
    assert send(engine, fans[20]).allowed


def test_shadow_mode_reports_and_never_refuses(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    engine = engine_factory(RULES.replace('check = "reports"', 'check = "reports"\nmode = "shadow"'))
    reach(engine, fans[:4], clock)
    for person in fans[:2]:
        assert engine.report(reporter=person, sender=SENDER).counted
    decision = send(engine, fans[10])
    assert decision.allowed
    assert [r.code for r in decision.shadow] == ["reported_as_spam"]


def test_areport_and_bad_input(engine_factory: EngineFactory, fans: list[str],
                               clock: VirtualClock) -> None:
    engine = engine_factory(RULES)
    reach(engine, fans[:2], clock)
    assert asyncio.run(engine.areport(reporter=fans[0], sender=SENDER)).counted
    with pytest.raises(InvalidRequest):
        engine.report(reporter=fans[1], sender=SENDER, kind="rude")
    with pytest.raises(InvalidRequest):
        engine.report(reporter=SENDER, sender=SENDER)
    with pytest.raises(InvalidRequest):
        engine.report(reporter="", sender=SENDER)
    asyncio.run(engine.aclose())


def test_without_a_reports_rule_a_report_is_no_round_trip(
        engine_factory: EngineFactory) -> None:
    engine = engine_factory('[[rules]]\nname = "f"\ncheck = "follows"\n')
    outcome = engine.report(reporter="a", sender="b")
    assert (outcome.counted, outcome.outcome, outcome.outcomes) == (False, "no_rule", ())


def test_metrics_count_reports_by_kind_and_outcome_never_ids(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    registry = CollectorRegistry()
    engine = engine_factory(RULES, observer=PrometheusObserver(registry))
    reach(engine, fans[:3], clock)
    engine.report(reporter=fans[0], sender=SENDER)
    engine.report(reporter=fans[1], sender=SENDER, kind="block")
    engine.report(reporter="someone-else", sender=SENDER, kind="block")
    send(engine, fans[9])

    def value(name: str, **labels: str) -> float:
        return registry.get_sample_value(name, labels) or 0.0

    assert value("dm_policy_reports_total", kind="spam", outcome="counted") == 1
    assert value("dm_policy_reports_total", kind="block", outcome="counted") == 1
    assert value("dm_policy_reports_total", kind="block", outcome="not_reached") == 1
    assert value("dm_policy_rule_refusals_total", request="send", rule="reports",
                 code="reported_as_spam", verdict="cooldown") == 1
    exposed = "\n".join(str(s) for m in registry.collect() for s in m.samples)
    for name in (SENDER, "fan0", "someone-else"):
        assert name not in exposed


def test_the_standing_says_what_the_reports_hold(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    """Read back from every storage (Redis: the rule's field decoded), the same standing."""
    engine = engine_factory(RULES)
    reach(engine, fans[:5], clock)
    held = {r.rule: r for r in engine.standing(SENDER).rules}["reports"]
    assert (held.status, held.detail["reports"], held.detail["strangers_reached"]) == (
        "clear", 0, 5)
    for person in fans[:2]:
        engine.report(reporter=person, sender=SENDER)
    standing = engine.standing(SENDER)
    held = {r.rule: r for r in standing.rules}["reports"]
    assert (held.status, held.detail["reports"]) == ("cooling", 2)
    assert standing.would.code == "reported_as_spam"
    assert held.until == pytest.approx(clock.now + 7 * 86400)
    assert fans[0] not in held.words
