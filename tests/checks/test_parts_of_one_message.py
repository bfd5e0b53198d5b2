"""A message cut in parts, its number in one of them (``duplicates.parts_of_one_message``):
the texts sent to one person within ``parts_within`` (30 seconds) are one message, so a first
part without the number meets the campaign's earlier copies as a contact's, and the 5th
stranger is refused before its number is sent. On every backend (the Lua twin too)."""

from __future__ import annotations

import random

import pytest

from policy import MemoryGraph, SendRequest
from policy.checks.duplicates import PARTS_WITHIN
from policy.clock import VirtualClock
from policy.durations import parse_duration
from tests.conftest import ROOT, EngineFactory

# Each copy's first part is talk to the reader (no number, no trade word) and changes its
# words, so that most pairs are less alike than the rules' 0.5 (a quarter or more: the
# contact_similarity); the second part carries the number.
FIRSTS = [
    "Hey, sorry to bother you, I have something to tell you about the letter from last week",
    "Hi, sorry to bother, there is something I must tell you about that letter from last week",
    "Hello, sorry for the bother, I must tell you something about the letter of last week",
    "Hey there, I need to tell you something about the letter from last week, sorry",
    "Sorry to bother you again, something to tell you about last week's letter",
    "Sorry to bother you, about that letter from last week there is something to tell you",
]
SECOND = "to hear it ring 0800 123 4567 before midnight"


@pytest.fixture
def strangers(graph: MemoryGraph) -> list[str]:
    people = [f"p{i}" for i in range(len(FIRSTS))]
    for p in people:
        graph.follow(p, "spammer")  # they follow it, it follows none, none wrote
    return people


def _campaign(engine_factory: EngineFactory, clock: VirtualClock, strangers: list[str],
              gap: float) -> list[tuple[int, int, bool, str]]:
    engine = engine_factory()
    out = []
    for i, person in enumerate(strangers):
        for part, text in enumerate((FIRSTS[i], SECOND)):
            decision = engine.check(SendRequest("spammer", (person,), text))
            out.append((i, part, decision.allowed,
                        decision.reasons[0].rule if decision.reasons else ""))
            if not decision.allowed:
                return out
            clock.advance(gap)
        clock.advance(900.0)
    return out


def test_the_first_part_to_the_5th_stranger_is_refused(
        engine_factory: EngineFactory, clock: VirtualClock, strangers: list[str]) -> None:
    sent = _campaign(engine_factory, clock, strangers, gap=5.0)
    refused = sent[-1]
    assert not refused[2] and refused[3] == "duplicates"
    assert refused[:2] == (4, 0)  # the 5th stranger's first part: 4 strangers reached


def test_parts_further_apart_are_not_one_message(
        engine_factory: EngineFactory, clock: VirtualClock, strangers: list[str]) -> None:
    # The same texts, the number sent more than parts_within after the first part:
    # two messages, and the first parts stay apart (the number is refused at the 5th).
    sent = _campaign(engine_factory, clock, strangers, gap=parse_duration(PARTS_WITHIN) + 5.0)
    assert sent[-1][:2] == (4, 1) and not sent[-1][2]  # the 5th stranger got a first part


def test_a_greeting_then_a_number_to_one_person_changes_nothing_for_others(
        engine_factory: EngineFactory, clock: VirtualClock, graph: MemoryGraph) -> None:
    engine = engine_factory()
    for i in range(8):
        graph.follow(f"f{i}", "ann")
    assert engine.check(SendRequest("ann", ("f0",), "hey, great to meet you at the climbing "
                                    "gym yesterday")).allowed
    clock.advance(10.0)
    assert engine.check(SendRequest("ann", ("f0",), "my number is 07700 900123")).allowed
    others = ["are you coming to the climbing session on saturday morning?",
              "thanks for the book recommendation, I started it last night",
              "did you see the match yesterday? what a finish that was",
              "can you send me the recipe for that lemon cake please",
              "the meeting moved to thursday afternoon, room on the second floor",
              "happy birthday! hope you have a lovely day with the family",
              "is the bike still for sale? I could come and look at it"]
    for i, text in enumerate(others, start=1):  # another text to each
        clock.advance(300.0)
        assert engine.check(SendRequest("ann", (f"f{i}",), text)).allowed


def test_a_number_in_pieces_too_short_to_trace_makes_the_text_before_it_a_part(
        engine_factory: EngineFactory, clock: VirtualClock, strangers: list[str]) -> None:
    # The text, then its number in pieces of a message each ("ring us on 080", "012"...):
    # no piece is traced (under 12 letters and digits), each reads as a contact.
    engine = engine_factory()
    refused = None
    for i, person in enumerate(strangers):
        for part, text in enumerate((FIRSTS[i], "ring us on 080", "012", "3456")):
            decision = engine.check(SendRequest("spammer", (person,), text))
            if not decision.allowed:
                refused = (i, part, decision.reasons[0].rule)
                break
            clock.advance(4.0)
        if refused:
            break
        clock.advance(900.0)
    assert refused == (4, 0, "duplicates")  # 4 strangers reached; the 5th gets nothing


def test_parts_within_off_turns_it_off(
        engine_factory: EngineFactory, clock: VirtualClock, strangers: list[str]) -> None:
    text = (ROOT / "rules" / "default.toml").read_text()
    assert text.count('parts_within = "30s"') == 1  # the duplicates rule's
    off = text.replace('parts_within = "30s"', 'parts_within = "off"')

    def factory(**kwargs: object) -> object:
        return engine_factory(rules=off, **kwargs)

    sent = _campaign(factory, clock, strangers, gap=5.0)  # type: ignore[arg-type]
    assert sent[-1][:2] == (4, 1) and not sent[-1][2]  # the 5th stranger got a first part


# -- the red team's ninth round ---------------------------------------------------------------

def test_a_greeting_to_several_then_a_number_to_one_is_no_part(
        engine_factory: EngineFactory, clock: VirtualClock, graph: MemoryGraph) -> None:
    # A greeter welcomes each new follower in the same words and gives the 4th its number
    # right after: the welcome, sent to four people, is no part of the number's message
    # (a first version made it one, its short welcomes were traced, the 5th refused).
    engine = engine_factory()
    for p in "ABCDEFGHI":
        graph.follow(p, "ann")  # followers who never wrote: strangers
    for p in "ABCD":
        clock.advance(1800.0)
        assert engine.check(SendRequest(
            "ann", (p,), "Thanks so much for the follow, lovely to meet you!")).allowed
    clock.advance(5.0)
    assert engine.check(SendRequest("ann", ("D",), "my number is 07700 900123")).allowed
    for p in "EFGHI":
        clock.advance(1200.0)
        assert engine.check(SendRequest("ann", (p,), "Thanks for the follow!")).allowed


def test_texts_to_someone_a_copy_reached_take_none_of_its_recipients(
        engine_factory: EngineFactory, clock: VirtualClock, graph: MemoryGraph) -> None:
    # Per copy: a filler to X0 (reached already), the copy to X0 and a new stranger, a
    # short contact to X0, then 9 fillers to X0 that fill the trace. A first version gave
    # the filler the copy's recipients: the copy had none of its own, the trace dropped it
    # first, and the campaign reached 12 strangers.
    from tests.checks.test_redteam_spam import VOCAB

    engine = engine_factory()
    xs = [f"x{i}" for i in range(15)]
    for x in xs:
        graph.follow(x, "sp")
    rng = random.Random(1)
    campaign = ("Hey, it was great meeting you at the conference last week, how have you "
                "been since then")
    reached = 0
    for i, x in enumerate(xs):
        if i:
            assert engine.check(SendRequest("sp", (xs[0],), " ".join(rng.sample(VOCAB, 9))))
            clock.advance(3.0)
        decision = engine.check(SendRequest("sp", (x, xs[0]) if i else (x,), campaign))
        clock.advance(3.0)
        if not decision.allowed:
            assert decision.reasons[0].rule == "duplicates"
            break
        reached += 1
        if i:
            for text in ["ring 0800 1", *(" ".join(rng.sample(VOCAB, 9)) for _ in range(9))]:
                engine.check(SendRequest("sp", (xs[0],), text))
                clock.advance(3.0)
        clock.advance(600.0)
    assert reached == 4
