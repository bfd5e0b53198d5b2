"""Red team, round 8: an independent campaign simulation on the public API (25 senders a
tactic, 3 to 200 templates, groups, splitting, pacing, follows): no tactic over the 50
people a day the rules promise, no ordinary sender of 800 refused by a spam rule. What it
found is pinned here; each test failed on the code before its fix."""

from __future__ import annotations

import pytest

from policy import Engine, MemoryGraph, SendRequest, Verdict
from policy.clock import VirtualClock
from policy.rules import parse_rules
from policy.ways_back import read_contacts
from tests.conftest import DEFAULT_RULES

T0 = 1_790_000_000.0
# A different text to each stranger (the same short greeting to 5 would be a campaign:
# test_short_copies)
TALK = ["hey, long time no see", "did you get home all right", "thanks for the book",
        "is the bakery still open", "my sister says hello", "save me a seat please",
        "what time is the match", "loved the photos from the trip", "how is the new job",
        "good luck with the exam", "the bike is fixed at last", "see you at the concert"]


def test_no_wait_is_promised_when_one_refusal_says_waiting_will_not_do() -> None:
    # 5 strangers sent a link at once is over links_to_strangers' 4 whatever the wait,
    # while the strangers rule's 12 in 6 hours would lift: the decision said "retry in 6
    # hours", and the same send was refused again then (a host retrying would loop).
    # (Without the strangers rule's at_once, which refuses 5 at once with no wait too.)
    graph, clock = MemoryGraph(), VirtualClock(T0)
    rules = DEFAULT_RULES.read_text(encoding="utf-8")
    assert "at_once = 4\n" in rules
    engine = Engine(parse_rules(rules.replace("at_once = 4\n", ""), file="<test>"),
                    storage="memory://", graph=graph, clock=clock)
    people = [f"t{i}" for i in range(17)]
    for p in people:
        graph.follow(p, "s")
    for p, text in zip(people[:12], TALK, strict=True):
        assert engine.check(SendRequest("s", (p,), text)).allowed
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
        assert engine.check(SendRequest("s", (f"t{i}",), TALK[i])).allowed
        clock.advance(1.0)
    decision = engine.check(SendRequest("s", ("t12",), "and one more hello to you"))
    assert decision.verdict is Verdict.THROTTLE
    assert decision.retry_after == max(r.retry_after for r in decision.reasons
                                       if r.retry_after is not None) > 0


# -- ways back the reader missed -------------------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    # a capital S, Z or B for 5, 2 or 8 beside the O, o, I, l read before
    ("hi, ring O8OO l23 4S6 x", "n:0800123456"),
    ("call 08OO 1Z3 4S6 to claim", "n:0800123456"),
    ("txt WIN to 0800 l23 4B6", "n:0800123486"),
    ("call 09061 7O1 46l now", "n:09061701461"),
])
def test_a_number_in_look_alike_letters_is_read(text: str, number: str) -> None:
    contact, keys = read_contacts(text)
    assert contact and number in keys


@pytest.mark.parametrize("text", [
    # codes and models in capitals: "S21 vs S22" is no number
    "my S21 vs your S22", "B2B sales 4 U", "iphone 4S or 5S", "the SOS 911 call",
    "vitamin B12 and D3", "Z3 4S", "the A4 and B5 sheets",
    # a reviewer's codes in capitals, read by the first version (a run of 9 was enough)
    "which is better S21/S22/S23?", "music of the 60S 70S 80S 90S",
    "aircraft B737 B747 B777 B787", "Z690 Z790 B660 B760 boards on sale",
    "vitamin B1 B2 B6 B12 all in one tablet", "we're in seats B12 B13 B14",
    "heart rate zones Z1 Z2 Z3 Z4 Z5", "bus routes S1 S2 S3 S4 S5 are diverted",
    "ref B12 S34 Z56 l78 for the invoice",
    # talk of my page, wall or highlights
    "i put it on my wall", "more pics on my page", "photos are on my page", "my page is new",
    "see it on my wall lol", "the highlights of my day", "my wall needs paint",
    # a reviewer's walls, pages and highlights of a room, a notebook, a game, read by the
    # first version (any subject)
    "the poster you gave me? it's on my wall x", "which page are you on? it's on my page.",
    "I keep everything on my wall.", "his number is on my wall.",
    "my mum keeps liking everything on my page", "I've put more on my page!",
    "the goal? it's in my highlights", "Bali pics? it's in my highlights",
])
def test_codes_and_talk_of_my_page_stay_talk(text: str) -> None:
    assert read_contacts(text) == (False, ())


def test_digits_beside_codes_read_as_before() -> None:
    # a run with codes that are no number: its O, I, l read as digits as they were
    assert read_contacts("I12 I19 B5 B9 bingo card") == (True, ("n:112119",))


@pytest.mark.parametrize("text", [
    "details pinned on my page", "link is on my wall!", "prices in my highlights!",
    "info on my page for more", "links on my page to claim", "rates are on my page x",
])
def test_a_pointer_to_my_page_wall_or_highlights_is_a_way_back(text: str) -> None:
    assert read_contacts(text)[0]



def test_the_look_alike_number_campaign_is_refused_by_the_5th_stranger() -> None:
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = Engine.from_file(DEFAULT_RULES, storage="memory://", graph=graph, clock=clock)
    reached = 0
    for i in range(12):
        graph.follow(f"t{i}", "s")
        decision = engine.check(SendRequest("s", (f"t{i}",), f"hi {i}, ring O8OO l23 4S6 x"))
        if not decision.allowed:
            assert decision.reasons[0].rule in {"contacts", "links_to_strangers", "duplicates"}
            break
        reached += 1
        clock.advance(900.0)
    assert reached == 4  # 12 before
