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
from policy.normalize import read_contacts
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
    up to the strangers rule's 12. Now the text sent to the fewest goes: the duplicates
    cooldown at the 5th stranger."""
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
