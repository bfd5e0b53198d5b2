"""A year alone ("all the best for 2027") is a way back toward strangers only.

A blind review of ordinary users (round 35) found greeters refused by links_to_followed for
"Happy New Year!! wishing you all the best for 2027" to a 16th account they follow who never
wrote: the year read as a number. Read as talk everywhere, lures that carry a year ("did u
go to Leeds 2019?") lost the containment blind rounds 17, 27 and 30 had from it. So the
engine counts it toward strangers and not toward people followed or who wrote. On every
storage driver.
"""

from __future__ import annotations

import random

import pytest

from policy import MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.fingerprint import TextFeatures
from policy.rules import load_rules
from policy.ways_back import year_only_contact
from tests.conftest import EngineFactory


@pytest.mark.parametrize("text", [
    "Happy New Year 2027! All the best to you and yours",
    "happy 2027!!! 🎉",
    "did u go to Leeds 2019?",
    "Back in (2019) we went to Lisbon",
    "new number from 2026: same as before",
])
def test_a_year_alone_is_the_only_contact(text: str) -> None:
    assert year_only_contact(text)
    facts = TextFeatures().of(text, 1)
    assert facts.contact and facts.year_only and facts.contacts == ()


@pytest.mark.parametrize("text", [
    "win £2019 now",                       # a price
    "only 2019p per minute",               # a rate
    "call 0800 2027 now",                  # a number with a year-like group
    "Euro 2004 2-4-1 offer",               # a year in a longer run
    "at 2019.50 each",                     # a decimal
    "text 2027 and 2345",                  # a year and a number that is not one
    "Happy 2027! call 07700 900123",       # a year and a phone number
    "only 2000 left, win 2000 pounds",     # 2000: a prize as often as a year
    "claim your 2027 prize now, valued customer",  # a promotion's words
    # an adversarial review's ways back spelt as a year (to people followed they escaped)
    "$ 2019 for you, ring me", "＄2019 sent", "£\u00ad2027 sent, check it", "US$ 2019",
    "₹2019 credited", "2027 pounds won", "2019 USDT profit", "win 2019 cash",
    "earn 2019/week from home", "2019€ refund",
    "txt 2024 now", "reply 2019", "text to 2027", "dial 1984", "send win to 2019",
    "claim code: 2019", "your code is 2027", "enter 2019 to claim", "PIN 1984",
    "ig 2019", "my kik is 2019", "add me 2027 on snap", "telegram 1984",
    "2019 com", "www 2027 com", "2019 club",
    "call me 1984 | 2019 | 2049", "call me 1984   2019   2049", "1984, 2019, 2049",
    "call me 1984 and 2019 and 2049", "call me 1984－2019－2049",
])
def test_a_number_around_a_year_is_still_a_contact(text: str) -> None:
    facts = TextFeatures().of(text, 1)
    assert facts.contact and not facts.year_only, text


def _greetings(rng: random.Random) -> str:
    # words of no language, so that no two texts are near copies: only the year repeats
    words = ("".join(rng.choice("bcdfghjklmnprstvwz") + rng.choice("aeiou") for _ in range(3))
             for _ in range(8))
    return " ".join(words) + " 2027"


def test_a_year_to_people_followed_is_talk(
        engine_factory: EngineFactory, graph: MemoryGraph, clock: VirtualClock) -> None:
    engine = engine_factory()
    limit = load_rules("default").get("links_to_followed").params.limit
    rng = random.Random(3)
    for i in range(limit + 10):
        friend = f"friend{i}"
        graph.follow(friend, "greeter")
        graph.follow("greeter", friend)
        clock.advance(600)
        decision = engine.check(SendRequest("greeter", (friend,), _greetings(rng)))
        assert decision.allowed, (i, decision.reasons)


def test_a_year_to_strangers_is_still_a_way_back(
        engine_factory: EngineFactory, graph: MemoryGraph, clock: VirtualClock) -> None:
    engine = engine_factory()
    limit = load_rules("default").get("links_to_strangers").params.limit
    rng = random.Random(4)
    refused = None
    for i in range(limit + 5):
        target = f"target{i}"
        graph.follow(target, "lurer")  # may be written to; never followed back, never wrote
        clock.advance(600)
        decision = engine.check(SendRequest("lurer", (target,), _greetings(rng)))
        if not decision.allowed:
            refused = (i, decision.reasons[0].rule)
            break
    assert refused == (limit, "links_to_strangers"), refused


def test_the_decision_log_replays_a_year_as_the_engine_read_it(tmp_path) -> None:
    """The log marks a year alone (``year``), never the year itself: a replay counts it
    toward strangers and not toward friends, as the live engine did."""
    from policy import Engine
    from policy.backtest.events import read_events
    from policy.backtest.replay import replay
    from policy.decisionlog import DecisionLog
    from tests.conftest import DEFAULT_RULES, T0

    graph = MemoryGraph()
    log = DecisionLog(tmp_path / "d.jsonl")
    clock = VirtualClock(T0)
    engine = Engine.from_file(DEFAULT_RULES, graph=graph, clock=clock, decision_log=log)
    rng, live = random.Random(5), []
    for i in range(40):
        person = f"p{i}"
        graph.follow(person, "sender")
        if i % 2:
            graph.follow("sender", person)  # friends and strangers in turn
        clock.advance(300)
        live.append(engine.check(SendRequest("sender", (person,), _greetings(rng))))
    log.close()
    lines = (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()
    assert sum('"year":true' in line for line in lines) == 40
    assert not any("2027" in line for line in lines)
    assert any(d.reasons and d.reasons[0].rule == "links_to_strangers" for d in live)
    replayed: list = []
    replay(read_events(lines), load_rules(DEFAULT_RULES),
           on_decision=lambda _e, d: replayed.append(d))
    assert replayed == live
