"""Red team, round 4: an outside team's own campaigns (its own spintax, personalisation,
rotation, hidden ways back, pacing) against rules/default.toml, memory://.

What held: every campaign whose way back the reader saw stopped at 4 strangers. What
leaked, each now a test that failed when it was written:

- ways back the reader missed: an app handle without a digit after an invitation
  ("find me on kik prizedeskuk"), shorteners with their dot left out ("bitly/x7Kq2"),
  a lower-case keyword at the end ("- reply win"), "type WIN", "DM us WIN", "reply 1
  to claim": 20 strangers a day, bound 4 (``links_to_strangers``);
- the trace flushed: 12 texts to someone already reached pushed the campaign's text,
  4 strangers in, out of the duplicates trace; its next copy was a first copy again.
"""

from __future__ import annotations

import random

import pytest

from policy import SendRequest
from policy.decision import Verdict
from policy.ways_back import read_contacts
from tests.checks.test_redteam_spam import SENDER, VOCAB, _limit, _run, _salad, _setup


@pytest.mark.parametrize(("text", "contact"), [
    ("Find me on kik prizedeskuk to claim", "h:prizedeskuk"),
    ("add me on snap prizedesk", "h:prizedesk"),
    ("find me on telegram: cashqueen", "h:cashqueen"),
    ("kik: prizedeskuk", "h:prizedeskuk"),
    ("Go to bitly/x7Kq2P to enter", "d:bit.ly"),
    ("tinyurl com/abc12", "d:tinyurl.com"),
    ("goo gl/xyz", "d:goo.gl"),
    ("cutt-ly/abc", "d:cutt.ly"),
    ("great prize - reply win", "k:win"),
    ("reply claim.", "k:claim"),
    ("type WIN to claim", "k:win"),
    ("hit reply and type WIN", "k:win"),
    ("DM us WIN", "k:win"),
    ("reply 1 to claim", "k:1"),
])
def test_the_reader_sees_these_ways_back(text: str, contact: str) -> None:
    assert read_contacts(text) == (True, (contact,))


@pytest.mark.parametrize("text", [
    "add me on snap later", "snap them all later", "text win now?", "reply win or lose",
    "I replied win lol", "did u reply yes?", "text 2 u later", "reply 2 me", "dm me JOHN",
    "type here", "my type LOL", "this is/that", "go/come back",
    # words of talk where the new patterns looked for a name or a keyword
    "message me on whatsapp about the job", "hit me up on snap after work",
    "find me on facebook under my maiden name", "reach me on whatsapp during lunch",
    "dm me on insta sometime", "whatsapp: broken again lol", "telegram: cannot log in",
    "my dad has type II diabetes", "blood type AB here", "then type ENTER",
    "just type enter",
])
def test_ordinary_texts_are_still_no_way_back(text: str) -> None:
    assert read_contacts(text) == (False, ())


@pytest.mark.parametrize("way_back", ["Find me on kik prizedeskuk", "Go to bitly/x7Kq2P",
                                      "- reply win", "DM us WIN"])
def test_rotating_texts_with_these_ways_back_are_bounded(way_back: str) -> None:
    """Texts that never repeat with a way back the reader missed: 20 strangers a day; 4."""
    reached, _, _ = _run(lambda rng: f"Great news {_salad(rng)} {way_back}")
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


def test_texts_to_someone_already_reached_do_not_flush_the_campaign_from_the_trace() -> None:
    """One text, to a new stranger each time, and between two copies 12 ordinary texts
    to a stranger already reached (the strangers rules do not count them). The trace
    dropped its oldest text: the campaign's text left it and each copy was a first copy,
    up to the strangers rule's 12. Now the least recent text with no recipient of its own
    goes: the duplicates cooldown at the 5th stranger."""
    engine, clock, cold, _ = _setup(30)
    rng = random.Random(4)
    campaign = "Well done, you have been chosen for a cash award, collect it at the desk today"
    verdict = None
    reached = 0
    for i in range(20):
        if i:
            for _ in range(12):
                filler = " ".join(rng.sample(VOCAB, 9))
                assert engine.check(SendRequest(SENDER, (cold[0],), filler)).allowed
                clock.advance(5)
        decision = engine.check(SendRequest(SENDER, (cold[i],), campaign))
        clock.advance(300)
        if not decision.allowed:
            verdict = (decision.verdict, decision.code)
            break
        reached += 1
    assert (reached, verdict) == (4, (Verdict.COOLDOWN, "duplicate_content"))


@pytest.mark.parametrize("rules", ["strict", "default"])
def test_after_a_caught_campaign_strangers_wait_a_day_people_known_do_not(rules: str) -> None:
    """The red team's adaptive campaign: caught at its 5th stranger (one number), it
    waits the 30 minutes and goes on with a way back the reader misses. Under the strict
    rules ``spam_strangers_pause`` holds every stranger for a day, and anyone it follows
    who never wrote (a reviewer followed the next target first); a friend who writes to
    it is not held, and the refusal that started it says a day (it was to a stranger). The
    default rules run it in shadow: the send goes through, reported in Decision.shadow."""
    from policy import Engine, MemoryGraph
    from policy.clock import VirtualClock
    from policy.rules import load_rules
    from tests.checks.test_redteam_spam import T0

    clock, graph = VirtualClock(T0), MemoryGraph()
    for target in [f"s{i}" for i in range(10)] + ["friend", "followed"]:
        graph.follow(target, SENDER)
    graph.follow(SENDER, "friend")
    graph.record_message("friend", SENDER)  # a friend who writes to the sender
    graph.follow(SENDER, "followed")  # followed first (one click), never wrote
    engine = Engine(load_rules(rules), storage="memory://", graph=graph, clock=clock)
    rng = random.Random(2)
    for i in range(5):
        caught = engine.check(SendRequest(SENDER, (f"s{i}",), f"{_salad(rng)} call 0800 123 456"))
        clock.advance(60)
    assert (caught.verdict, caught.code) == (Verdict.COOLDOWN, "duplicate_contact")
    # the contacts rule's wait: 30 minutes, or, where the day's pause is enforced, the day
    # (this send is to a stranger: the same send 30 minutes later is held; round 13's review)
    assert [r.retry_after for r in caught.reasons if r.rule == "contacts"] == (
        [86400] if rules == "strict" else [1800])
    clock.advance(31 * 60)
    text = f"{_salad(rng)} snap prizedesk"  # a way back the reader does not see (9 letters)
    stranger = engine.check(SendRequest(SENDER, ("s6",), text))
    assert engine.check(SendRequest(SENDER, ("friend",), "see you later at the game")).allowed
    followed = engine.check(SendRequest(SENDER, ("followed",), text))
    if rules == "strict":
        assert (stranger.verdict, stranger.reasons[0].rule) == (
            Verdict.COOLDOWN, "spam_strangers_pause")
        # following the next target first does not get round it (count_followed)
        assert (followed.verdict, followed.reasons[0].rule) == (
            Verdict.COOLDOWN, "spam_strangers_pause")
        assert stranger.retry_after == pytest.approx(24 * 3600 - 31 * 60 - 60, abs=1)
        clock.advance(24 * 3600)
        assert engine.check(SendRequest(SENDER, ("s7",), text)).allowed
    else:
        # 4 strangers were sent the number: a 5th gets nothing within the day, whatever
        # the words (strangers_daily once links_to_strangers is full)
        assert (stranger.verdict, stranger.reasons[0].rule, stranger.code) == (
            Verdict.THROTTLE, "strangers_daily", "links_to_strangers")
        assert [r.rule for r in stranger.shadow] == ["spam_strangers_pause"]


@pytest.mark.parametrize("text", ["call 077 then 81 then 482 then 378",
                                  "077 followed by 81 followed by 482 378",
                                  "call 0 7 7 dash 8 1 4 8 2 3 7 8"])
def test_a_number_whose_groups_are_joined_by_words_is_read(text: str) -> None:
    """Words between a number's groups ("then", "dash", "followed by"): a number at a
    phone number's length, 10 digits or more in 3 groups or more."""
    assert "n:07781482378" in read_contacts(text)[1]


@pytest.mark.parametrize("text", ["room 101 then 202 then 303", "scores 3 then 2 then 1",
                                  "I have 2 and 3 and 4 and 5 and 6 and 7 and 8 and 9 and 10",
                                  "in 2023 and 2024 and 2025"])
def test_lists_of_numbers_are_no_phone_number(text: str) -> None:
    assert not any(c.startswith("n:") for c in read_contacts(text)[1])


def test_rotating_texts_with_a_number_in_words_and_groups_are_bounded() -> None:
    """The red team's "077 then 81 then 482 then 378": 15% contained, 15 strangers a day;
    now a contact, bound 4."""
    reached, _, _ = _run(lambda rng: f"Great news {_salad(rng)} call 077 then 81 then 482 "
                                     "then 378")
    assert len(reached) <= _limit("links_to_strangers"), len(reached)
