"""Red team, rounds 9 and 10: ordinary senders and a trace flush that a rule taking the
texts sent to one person within seconds as parts of one message got wrong (docs/spam.md,
"A message cut in parts", measured and not shipped). Kept as adversaries: a greeter that
gives one new follower its number right after the welcome is no campaign, and texts sent
to someone a campaign reached never flush the campaign's text from the trace. On every
backend."""

from __future__ import annotations

import random

from policy import MemoryGraph, SendRequest
from policy.clock import VirtualClock
from tests.conftest import EngineFactory


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


def test_a_greeting_to_several_then_a_number_to_one_is_no_campaign(
        engine_factory: EngineFactory, clock: VirtualClock, graph: MemoryGraph) -> None:
    # A greeter welcomes each new follower in the same words and gives the 4th its number
    # right after: a version of the parts rule made the welcome a contact's, its short
    # welcomes were traced, and the 5th was refused.
    engine = engine_factory()
    for p in "ABCDEFGHI":
        graph.follow(p, "ann")  # followers who never wrote: strangers
    for p in "ABCD":
        clock.advance(1800.0)
        assert engine.check(SendRequest(
            "ann", (p,), "Thanks so much for the follow, lovely to meet you!")).allowed
    clock.advance(5.0)
    assert engine.check(SendRequest("ann", ("D",), "my number is 07700 900123")).allowed
    # The short welcome is a text of its own (a version that took it for the contact's
    # refused E, the 5th stranger of that cluster); its own 5th copy is the seed's duplicate.
    for p in "EFGH":
        clock.advance(1200.0)
        assert engine.check(SendRequest("ann", (p,), "Thanks for the follow!")).allowed
    clock.advance(1200.0)
    fifth = engine.check(SendRequest("ann", ("I",), "Thanks for the follow!"))
    assert (fifth.code, fifth.reasons[0].rule) == ("duplicate_content", "duplicates")


def test_a_number_given_to_one_follower_right_after_the_welcome_is_no_campaign(
        engine_factory: EngineFactory, clock: VirtualClock, graph: MemoryGraph) -> None:
    # Round 10: a greeter gives one new follower its number 3 s after the welcome (a text
    # too short to trace once its digits fold), then welcomes four more. A version of the
    # parts rule that made the welcome a contact's refused the 5th welcome.
    engine = engine_factory()
    for i in range(1, 6):
        graph.follow(f"n{i}", "me")
    welcome, short = "Thanks so much for the follow, lovely to meet you!", "Thanks for the follow!"
    script = [(0.0, "n1", welcome), (3.0, "n1", "my number is 07375 978834"),
              (1800.0, "n2", welcome), (1800.0, "n3", welcome), (1800.0, "n4", short),
              (1800.0, "n5", welcome)]
    for wait, person, text in script:
        clock.advance(wait)
        assert engine.check(SendRequest("me", (person,), text)).allowed, (person, text)


def test_texts_to_someone_a_copy_reached_do_not_flush_it(
        engine_factory: EngineFactory, clock: VirtualClock, graph: MemoryGraph) -> None:
    # Round 9: per copy, a filler to X0 (reached already), the copy to X0 and a new
    # stranger, a short contact to X0, then 9 fillers to X0 that fill the trace. A version
    # of the parts rule gave the filler the copy's recipients: the copy had none of its
    # own, the trace dropped it first, and the campaign reached 12 strangers.
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
