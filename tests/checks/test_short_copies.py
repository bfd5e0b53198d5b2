"""The duplicates rule's ``short_similarity`` (0.8 in the default and strict rules; off in a
rule without it): texts under the tracing minimums (32, and 12 with a contact) are traced too, from 8
letters and digits, and count as one only as near copies. A short text also sent to
someone the sender follows or who wrote to it is talk among friends: its short copies
never fire. On every storage (the Lua twin)."""

from __future__ import annotations

import pytest

from policy import MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.decision import Verdict
from policy.errors import RulesError
from policy.rules import load_rules, parse_rules
from tests.conftest import DEFAULT_RULES, EngineFactory

SENDER = "bait"
# 12 lines of a chat with a friend, each its own text
CHAT = ["did you see the match last night, what a finish", "my sister moved to Leeds in May",
        "the bakery on Elm street closed down sadly", "can you send me that soup recipe again",
        "I finally fixed the bike's back wheel myself", "we should book the cabin before June",
        "grandma turns ninety next Sunday, party at noon", "the new album grows on me slowly",
        "traffic on the ring road was awful this morning", "my laptop fan makes a weird noise",
        "the kids want a puppy, send help please", "that documentary about whales was great"]
# The default rules trace short texts (short_similarity = 0.8)
SHORT_RULES = DEFAULT_RULES.read_text(encoding="utf-8")
assert "short_similarity = 0.8\n" in SHORT_RULES
# Under 12 letters and digits: never traced before short_similarity.
SHORT = "check my pics ;)"
FOLDED = ["check my pics ;)", "CHECK MY PICS ;)", "chеck my pіcs ;)", "check  my pics;)",
          "Check my pics \u200b;)", "check my p1cs ;)"]


@pytest.fixture
def fans(graph: MemoryGraph) -> list[str]:
    people = [f"fan{i:02d}" for i in range(12)]
    for person in people:
        graph.follow(person, SENDER)  # followers the sender does not follow back
    for friend in ("pal1", "pal2"):
        graph.follow(SENDER, friend)
        graph.follow(friend, SENDER)
    return people


def send(engine, to: str, text: str):
    return engine.check(SendRequest(SENDER, (to,), text))


def test_the_same_short_text_to_a_5th_stranger_is_spam(
        engine_factory: EngineFactory, fans: list[str]) -> None:
    """The `short` campaign: one text under the minimum, folded per copy (case, look-alike
    letters, spacing, invisible characters, digits), refused at the 5th stranger."""
    engine = engine_factory(SHORT_RULES)
    for i in range(4):
        assert send(engine, fans[i], FOLDED[i]).allowed, i
    fifth = send(engine, fans[4], FOLDED[4])
    assert (fifth.verdict, fifth.code, fifth.reasons[0].rule) == (
        Verdict.COOLDOWN, "duplicate_content", "duplicates")


def test_different_short_texts_do_not_add_up(
        engine_factory: EngineFactory, fans: list[str]) -> None:
    """Short texts count as one only as near copies (0.8): 'hi' then 'see you at 8' to
    different strangers is not a campaign."""
    engine = engine_factory(SHORT_RULES)
    texts = ["hi there", "see you at 8", "thanks a lot!", "where are you?", "lol ok",
             "good night", "nice pic", "happy birthday!"]
    for i, text in enumerate(texts):
        assert send(engine, fans[i], text).allowed, (i, text)


def test_a_short_text_also_sent_to_a_friend_is_talk(
        engine_factory: EngineFactory, fans: list[str]) -> None:
    """The same short phrase to friends and to a few followers (the ordinary users'
    phrase): once a copy went to someone who follows the sender back, its short copies
    never fire, before or after."""
    engine = engine_factory(SHORT_RULES)
    assert send(engine, fans[0], SHORT).allowed
    assert send(engine, "pal1", SHORT).allowed  # a friend: the text is talk
    for i in range(1, 8):
        assert send(engine, fans[i], FOLDED[i % len(FOLDED)]).allowed, i


def test_a_friend_first_then_strangers_is_talk_too(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    engine = engine_factory(SHORT_RULES)
    assert send(engine, "pal2", SHORT).allowed
    for i in range(6):
        clock.advance(60)
        assert send(engine, fans[i], SHORT).allowed, i


def test_a_friendly_text_keeps_its_mark_when_the_trace_is_full(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    """A reviewer's case: "Happy New Year!!" to a friend, then a dozen other lines to
    friends (the trace holds 10 texts; the friendly one, with nobody counted, was the
    first dropped), then the greeting to followers: still talk."""
    engine = engine_factory(SHORT_RULES)
    assert send(engine, "pal1", "Happy New Year!!").allowed
    for i in range(12):
        clock.advance(60)
        assert send(engine, "pal2", CHAT[i]).allowed
    for fan in fans[:8]:
        clock.advance(60)
        assert send(engine, fan, "Happy New Year!!").allowed, fan


def test_long_texts_are_unchanged_by_a_friendly_short_one(
        engine_factory: EngineFactory, fans: list[str]) -> None:
    """Friendliness is the short path's only: a long campaign text after a short one to a
    friend still fires at its 5th stranger."""
    engine = engine_factory(SHORT_RULES)
    assert send(engine, "pal1", SHORT).allowed
    long_text = "Hello, please look at the new pictures I posted today, tell me what you think"
    for i in range(4):
        assert send(engine, fans[i], long_text).allowed, i
    assert send(engine, fans[4], long_text).code == "duplicate_content"


def test_a_refused_short_copy_records_nothing_and_stays_refused(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock) -> None:
    """Each attempt restarts the 30-minute wait (spam_cooldown); after it, the campaign's
    trace still holds 4 strangers: the next short copy to someone new is refused again."""
    engine = engine_factory(SHORT_RULES)
    for i in range(4):
        assert send(engine, fans[i], SHORT).allowed
    refused = send(engine, fans[4], SHORT)
    assert refused.code == "duplicate_content"
    clock.advance(refused.retry_after + 1)
    assert send(engine, fans[5], SHORT).code == "duplicate_content"


def test_off_unless_set_and_validated() -> None:
    rules = parse_rules('[[rules]]\nname = "d"\ncheck = "duplicates"\n')
    assert rules.get("d").params.short_similarity == 0.0
    with pytest.raises(RulesError) as err:
        parse_rules('[[rules]]\nname = "d"\ncheck = "duplicates"\nshort_similarity = 1.5\n')
    assert "short_similarity" in str(err.value) and "'d'" in str(err.value)
    assert load_rules(DEFAULT_RULES).get("duplicates").params.short_similarity == 0.8
    strict = load_rules(DEFAULT_RULES.parent / "strict.toml")
    assert strict.get("duplicates").params.short_similarity == 0.8
    assert strict.get("duplicates_new").params.short_similarity == 0.0


def test_a_short_welcome_to_each_new_follower_is_the_seeds_duplicate(
        engine_factory: EngineFactory, fans: list[str]) -> None:
    """The seed: "Sending duplicate Direct Messages to multiple accounts may be flagged as
    spam activity", however short: a greeter's "Thanks for the follow!" to a 5th new
    follower it does not follow back within 6 hours waits, as a longer welcome does."""
    engine = engine_factory()
    for fan in fans[:4]:
        assert send(engine, fan, "Thanks for the follow!").allowed
    fifth = send(engine, fans[4], "Thanks for the follow!")
    assert (fifth.code, fifth.reasons[0].rule) == ("duplicate_content", "duplicates")
    longer = engine_factory()
    for fan in fans[:4]:
        assert send(longer, fan, "Thanks so much for the follow, lovely to meet you!").allowed
    assert send(longer, fans[4], "Thanks so much for the follow, lovely to meet you!"
                ).code == "duplicate_content"


def test_the_refusal_that_starts_a_days_pause_says_a_day(
        engine_factory: EngineFactory, fans: list[str], clock: VirtualClock,
        graph: MemoryGraph) -> None:
    """Strict rules: the copy to a 5th stranger starts spam_cooldown (30 minutes) and
    spam_strangers_pause (a day, strangers only). The send was to a stranger: the decision
    says a day, and the same send is indeed refused until then (it said 30 minutes)."""
    from policy.requests import SenderContext

    engine = engine_factory(DEFAULT_RULES.parent / "strict.toml")
    ctx = SenderContext(account_age=90 * 86400, verified_email=True, verified_phone=True)
    text = "Hello, please look at the new pictures I posted today, tell me what you think"
    for fan in fans[:4]:
        assert engine.check(SendRequest(SENDER, (fan,), text, context=ctx)).allowed
    fifth = engine.check(SendRequest(SENDER, (fans[4],), text, context=ctx))
    assert (fifth.code, fifth.retry_after) == ("duplicate_content", 86400)
    clock.advance(1801)
    assert not engine.check(SendRequest(SENDER, (fans[5],), "how was the trip?",
                                        context=ctx)).allowed
    graph.record_message("pal1", SENDER)  # a friend who wrote: never held
    assert engine.check(SendRequest(SENDER, ("pal1",), "see you at the game",
                                    context=ctx)).allowed


def test_digits_inside_a_word_read_as_letters() -> None:
    """A digit or two between letters stand for letters ("th1s", "fr33dom"): a short copy
    spelt so, per recipient, is the same text. So do they at a word's edge beside 2
    letters or more; text speak is the words it stands for ("b4", "gr8", "ur", "2nite");
    numbers, and two digits beside one letter ("x22"), fold to "0" as before."""
    from policy.normalize import normalize

    assert normalize("hEy, іs th1S SAm?\U0001f970") == normalize("hey, is this Sam?") == (
        "hi is this sam")  # "hey" is "hi" (policy/synonyms.py)
    # ("l" reads as "i": "1", "l" and "I" look alike)
    assert normalize("fr33dom pr1ze c4sh w1n h3llo") == "freedom prize cash win hi"
    assert normalize("call 0800 123 456, b4 gr8 x22") == "caii 0 before great x0"
    assert normalize("hey u, ur prize is ready 4 u 2nite, pls txt back") == normalize(
        "hey you, your prize is ready for you tonight, please text back")
    # a lone 2 or 4 is a word between words only: "2 for 1", "4 days", "£4" stay numbers
    assert normalize("buy 2 for 1, 4 days, £4, come 2 me") == "buy 0 for 0 days i0 come to me"


def test_digits_at_a_words_edge_read_as_letters() -> None:
    """A round-22 spinner's copies: "7he clu8", "fr33", "7h3", "3asy", "dur1n9" are the
    words they spell, so its copies compare as one text; a number with what it counts
    ("8pm", "3rd", "10am", "5days", "50gb") stays a number (copies that change it are one
    text), and so do codes of one letter and digits."""
    from policy.fingerprint import signature, similarity
    from policy.normalize import normalize

    assert normalize("7he clu8 is fr33 4 u, 7h3 3asy w4y, dur1n9 7he d4y") == (
        "the ciub is free 0 you the easy way during the day")
    assert normalize("Open 8pm till 10am on the 3rd, 1st and 4th, 5days, 50gb, 7am") == (
        "open 0pm tiii 0am on the 0rd 0st and 0th 0days 0gb 0am")
    # one letter and a digit stays a code ("i7", "a7" could be "it", "at", or a digit glued
    # at random), and a price ("£4", "$5", "€3")
    assert normalize("ref 48213 code i7 a7 u2 £4 $5 €3") == "ref 0 code i0 a0 u0 i0 s0 e0"
    # "!" and "|" between letters are letters too; after a word, punctuation
    assert normalize("W!NNER: unl!mited pr!zes! he||o wow!! u|") == normalize(
        "winner unlimited prizes hello wow you")
    plain = "Xmas & Shiny Years Eve tickets are now on sale from the club, during the day"
    leet = "Xm4s & Sh1ny Y3ars Ev3 7ickets are n0w on 5ale fr0m 7he clu8, dur1n9 7h3 d4y"
    # ("Ev3": "eve" is no word the edges read, it stays "ev0")
    assert similarity(signature(plain), signature(leet)) >= 0.8


def test_a_short_opener_folded_and_spelt_with_digits_is_one_text(
        engine_factory: EngineFactory, fans: list[str]) -> None:
    """A red team's short campaign: the same opener with capitals, look-alike letters, a
    digit for a letter and an emoji that change per copy (round 19, folded_opener)."""
    engine = engine_factory()
    copies = ["hey, is this Sam?", "hEy, іs thIs SAm?\U0001f642", "HеY, Is th1S SAM?\U0001f970",
              "h3y, is TH1S sam? \U0001f440", "hey, іs this S4m?"]
    for fan, text in zip(fans[:4], copies[:4], strict=True):
        assert send(engine, fan, text).allowed, text
    fifth = send(engine, fans[4], copies[4])
    assert (fifth.code, fifth.reasons[0].rule) == ("duplicate_content", "duplicates")
