"""Red team, round 8: an independent campaign simulation on the public API (25 senders a
tactic, 3 to 200 templates, groups, splitting, pacing, follows): no tactic over the 50
people a day the rules promise, no ordinary sender of 800 refused by a spam rule. What it
found is pinned here; each test failed on the code before its fix."""

from __future__ import annotations

from policy import Engine, MemoryGraph, SendRequest, Verdict
from policy.clock import VirtualClock
from tests.conftest import DEFAULT_RULES

T0 = 1_790_000_000.0


def test_no_wait_is_promised_when_one_refusal_says_waiting_will_not_do() -> None:
    # 5 strangers sent a link at once is over links_to_strangers' 4 whatever the wait,
    # while the strangers rule's 12 in 6 hours would lift: the decision said "retry in 6
    # hours", and the same send was refused again then (a host retrying would loop).
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = Engine.from_file(DEFAULT_RULES, storage="memory://", graph=graph, clock=clock)
    people = [f"t{i}" for i in range(17)]
    for p in people:
        graph.follow(p, "s")
    for p in people[:12]:
        assert engine.check(SendRequest("s", (p,), f"hey {p}, long time no see")).allowed
        clock.advance(1.0)
    send = SendRequest("s", tuple(people[12:]), "win a prize at winprize.com")
    decision = engine.check(send)
    waits = {r.rule: r.retry_after for r in decision.reasons}
    assert decision.verdict is Verdict.THROTTLE
    assert waits["links_to_strangers"] is None and waits["strangers"] is not None
    assert decision.retry_after is None
    clock.advance(waits["strangers"] + 1.0)
    assert not engine.check(send).allowed  # indeed: no wait would have done


def test_the_longest_wait_when_every_refusal_lifts() -> None:
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = Engine.from_file(DEFAULT_RULES, storage="memory://", graph=graph, clock=clock)
    for i in range(13):
        graph.follow(f"t{i}", "s")
    for i in range(12):
        assert engine.check(SendRequest("s", (f"t{i}",), f"hey t{i}, long time no see")).allowed
        clock.advance(1.0)
    decision = engine.check(SendRequest("s", ("t12",), "and one more hello to you"))
    assert decision.verdict is Verdict.THROTTLE
    assert decision.retry_after == max(r.retry_after for r in decision.reasons
                                       if r.retry_after is not None) > 0
