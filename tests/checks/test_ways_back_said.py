"""Ways back with no number or link (policy/ways_back.py: ``_MY_PAGE``, ``_HERE``,
``_SEARCH_FOR``): a pointer to the sender's own profile, the conversation itself, a name
to search for. Round 23's blind campaigns pitched with them and reached 12 to 20
strangers a day; read as a way back, a campaign meets ``links_to_strangers`` at its 5th
stranger. Written for this test (other words than round 23's), with the talk that must
stay talk."""

from __future__ import annotations

import pytest

from policy import Engine, MemoryGraph, SendRequest
from policy.rules import load_rules
from policy.ways_back import read_contacts

POINTERS = [
    "the whole plan is on my profile, go see",
    "swipe through my highlights for the prices",
    "tap on my avatar to join",
    "read my pinned post for details",
    "look at my feed, it's there",
    "latest post on my page explains everything",
    "the sign-up is pinned on my profile!",
    "it's all in the about section of my profile.",
    "the link is pinned to my page",
    "hit my profile and look at the saved highlights",
    "visit my about section to start",
]
CONVERSATION = [
    "You are owed a rebate. Reply to this message to receive it",
    "answer this text and the parcel is yours",
    "just respond here and we will sort it",
    "reply with your full name and date of birth",
    "write back with your email to get the voucher",
    "respond with ur sort code to release the funds",
    "send us a text back to claim",
]
SEARCHES = [
    "google luckyjane77 for the rest",
    "look up #cashwithkim and follow",
    "type bestdeals4u into tiktok",
    "search for 'ellaxo' on the app",
    "find quickloan24 in the app store",
    "add me on the green app, same name",
]
TALK = [
    "reply when you can", "answer me!", "text me back", "google it", "look up the recipe",
    "search for flights to rome", "my page is broken lol", "check my page later",
    "I posted it on my profile", "did you see my story", "look at my pic haha",
    "answer the phone", "reply to my message about dinner", "type it in", "find the remote",
    "send me a message back when you land", "my account got hacked", "tap my shoulder",
    "check out my new car", "search 4ever", "is it on my page?", "see my story?",
    "have you seen my profile pic", "reply with your thoughts", "answer with a yes or no",
    "feel free to reply here with any questions", "reply to this message if you're coming",
    "look up 2 me", "the answer is here", "did u check my account",
]


# Alone a way back: what a scam asks for, a handle-like name to search for ("reply here",
# "answer this message", a pointer to my page need a pitch beside them: they are talk too)
ALONE = [
    "reply with your full name and date of birth",
    "respond with ur sort code to release the funds",
    "send me your card number",
    "google luckyjane77 for the rest",
    "look up #cashwithkim and follow",
    "type bestdeals4u into tiktok",
    "find quickloan24 in the app store",
    "search me: ellaxo",
]


@pytest.mark.parametrize("text", ALONE)
def test_what_a_scam_asks_for_is_a_way_back_alone(text: str) -> None:
    assert read_contacts(text)[0], text


@pytest.mark.parametrize("pitch", ["I paid off my mortgage with one trick",
                                   "hey handsome, lonely tonight?", "a refund of 200 pounds is waiting"])
@pytest.mark.parametrize("text", POINTERS + CONVERSATION + SEARCHES)
def test_a_way_back_said_in_words_with_a_pitch_is_a_contact(text: str, pitch: str) -> None:
    assert read_contacts(f"{pitch}, {text}")[0], text


def test_a_name_to_look_up_is_a_contact_and_keeps_its_key() -> None:
    # round 7 read it as a key only (the contacts rule); a name to search for is a way back
    assert read_contacts("look up trader.jess on here, she's legit") == (True, ("h:trader.jess",))


@pytest.mark.parametrize("text", TALK)
def test_talk_is_no_way_back(text: str) -> None:
    assert read_contacts(text) == (False, ()), text


PITCHES = [
    "I paid off my mortgage with one trick",
    "earn at home with this simple method",
    "my group shares wins every day",
    "new pics every night, just for you",
    "a refund of 200 pounds is waiting",
]


@pytest.mark.parametrize("ways", [POINTERS, CONVERSATION, SEARCHES],
                         ids=["profile", "conversation", "search"])
def test_rotating_pitches_with_such_ways_back_stop_at_the_5th_stranger(ways: list[str]) -> None:
    """A different pitch and way back to each stranger (nothing for the duplicates rule to
    join): refused at the 5th, by links_to_strangers or strangers_daily."""
    graph = MemoryGraph()
    now = [1_900_000_000.0]
    engine = Engine(load_rules("default"), storage="memory://", graph=graph, clock=lambda: now[0])
    reached = 0
    for i in range(12):
        recipient = f"r{i}"
        graph.follow(recipient, "spammer")
        text = f"{PITCHES[i % len(PITCHES)]}, {ways[i % len(ways)]}"
        decision = engine.check(SendRequest("spammer", (recipient,), text))
        now[0] += 600
        if not decision.allowed:
            # links_to_strangers, or strangers_daily's lower limit (4 got a way back)
            assert {r.rule for r in decision.reasons} & {"links_to_strangers", "strangers_daily"}
            break
        reached += 1
    engine.close()
    assert reached == 4


# Two helpers' blind probes (tests/checks/ways_back/): share read as a way back, per kind,
# and share of their talk wrongly read. Before these readers: 10, 24, 6% and 1.4% wrongly
# (round 24), 2, 22, 2% and 0.4% (round 25).
PROBE_FLOORS = {
    "probe24": {"PROFILE": 0.75, "CONVERSATION": 0.72, "SEARCH": 0.68, "TALK": 0.055},
    "probe25": {"PROFILE": 0.80, "CONVERSATION": 0.55, "SEARCH": 0.40, "TALK": 0.03},
}


@pytest.mark.parametrize("probe", sorted(PROBE_FLOORS))
def test_the_blind_probes_recall_and_talk(probe: str) -> None:
    import importlib

    texts = importlib.import_module(f"tests.checks.ways_back.{probe}")
    floors = PROBE_FLOORS[probe]
    for kind in ("PROFILE", "CONVERSATION", "SEARCH"):
        found = [read_contacts(text)[0] for text in getattr(texts, kind)]
        assert sum(found) / len(found) >= floors[kind], (probe, kind, sum(found), len(found))
    wrong = [text for text in texts.TALK if read_contacts(text)[0]]
    assert len(wrong) / len(texts.TALK) <= floors["TALK"], wrong


def test_spaces_between_a_search_verb_and_a_name_cost_no_time() -> None:
    """A review's: "google", 200 spaces, "my name", 400 spaces: 1.2 s in a first version
    (cubic: two runs of spaces each split two ways), under a millisecond now. Asserted as
    work, not time: the same answer, and well under the cap on what is read."""
    import re

    from policy.ways_back import _SEARCH_FOR, _SEARCH_PITCHED
    text = "google" + " " * 200 + "my name" + " " * 400 + "x me"
    for pattern in (_SEARCH_FOR, _SEARCH_PITCHED):
        # no optional separator between two runs of spaces, which is what made it cubic
        assert not re.search(r"\\s\*\[:\\-\]\?\\s\*|\\s\*:\?\\s\*", pattern.pattern)
    assert read_contacts(text) == (False, ())
