"""Red team, round 3: one spam account, obeying every refusal, against rules/default.toml.

The same harness as ``test_redteam_spam.py`` (24 simulated hours, memory://, a virtual
clock, at most 2,000 sends). Each test asserts a bound docs/spam.md promises and failed
when it was written:

- Ways back a reader of the message follows at once and
  ``policy.ways_back.read_contacts`` does not see: digits split by emoji, symbols,
  combining marks, format or control characters; numbers spelled out in other
  languages, in Chinese numerals, or as glued words; links with any top-level domain
  and a path, other schemes, other words and symbols for the dot, small capitals and
  enclosed letters, top-level domains of other scripts, an IP address spaced out;
  handles on more apps, after any arrow or punctuation, with the app named in another
  script, or before "on <app>" without an "@". Each reached the strangers rules' 20 a
  day (bound 4, ``links_to_strangers``), and the people followed first 50 a day (bound
  15, ``links_to_followed``).
- A link split across two messages ("go to winprize", then ".com/claim"): the second
  starts with the dot. (A number split into parts of 3 digits, "call 080", "then 012",
  "then 345", is not read: docs/spam.md, what it still does not catch.)
- The same number in other formats ("+44 800 ...", "0044 800 ...", "0800 ...") or
  grouped with spaced dashes is a different contact, or none, to the ``contacts`` rule:
  no cooldown at the 5th stranger (promise 2).
"""

from __future__ import annotations

import random

import pytest

from policy import SendRequest
from policy.decision import Verdict
from tests.checks.test_redteam_spam import (
    DAY,
    MAX_SENDS,
    SENDER,
    T0,
    _limit,
    _run,
    _salad,
    _setup,
)

FIRE = "\U0001F525"  # an emoji between digits
TAG = "\U000E0020"  # TAG SPACE: a format character, renders as nothing


@pytest.mark.parametrize("number", [
    FIRE.join("0800123456"),  # emoji between the digits
    "*".join("0800123456"),
    "~".join("0800123456"),
    "+".join("0800123456"),
    "\u0338".join("0800123456") + "\u0338",  # a combining long solidus on every digit
    "\u035f".join("0800123456") + "\u035f",  # a combining double macron below
    TAG.join("0800123456"),  # tag characters (emoji tag sequences): invisible
    "\U000E0100".join("0800123456"),  # a variation selector of plane 14
    "\u2800".join("0800123456"),  # the braille blank
    "\x00".join("0800123456"),  # a control character
    "185 . 12 . 34 . 56",  # an IP address, spaced dots (3 characters between groups)
])
def test_digits_split_by_symbols_marks_or_format_characters(number: str) -> None:
    """Only spaces, dots, dashes, slashes, bars, brackets and underscores (2 at most) are
    read between digits; symbols, emoji, combining marks and format characters outside
    ``_INVISIBLE`` hide the number. Now 20 strangers a day; bound 4."""
    reached, _, _ = _run(lambda rng: f"WIN cash now {_salad(rng)} call {number}")
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


@pytest.mark.parametrize("number", [
    "cero ocho cero cero uno dos tres cuatro",  # Spanish
    "null acht null null eins zwei drei vier",  # German
    "ноль восемь ноль ноль один два три четыре",  # Russian
    "〇八〇〇一二三四五六",  # Chinese numerals
    "零八零零一二三四五六",
    "zeroeightzerozeroonetwothreefour",  # English number words glued together
])
def test_number_spelled_in_other_languages_or_glued(number: str) -> None:
    """Only English number words, each a word of its own, are read. Now 20; bound 4."""
    reached, _, _ = _run(lambda rng: f"WIN cash now {_salad(rng)} call {number}")
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


@pytest.mark.parametrize("link", [
    "winprize.cash/claim",  # any top-level domain with a path (.cash .best .one .money ...)
    "winprize.fyi",  # a top-level domain outside the list, no English word
    "winprize.cash",  # word-like top-level domains no ordinary text puts after "name."
    "winprize.best",
    "linktr.ee/winner",
    "hxxp://winprize/claim",  # other schemes: hxxp, ftp, tg
    "tg://resolve?domain=winbot",
    "winprize punkt com",  # "dot" in other languages
    "winprize точка com",
    "winprize 点 com",
    "winprize d0t com",
    "winprize <dot> com",
    "winprize ( . ) com",
    "winprize\u25e6com",  # a white bullet: other dots
    "winprize\u2e31com",  # a word separator middle dot
    "winprize.\u1d04\u1d0f\u1d0d",  # small capitals: NFKC leaves them alone
    "winprize.\U0001F172\U0001F17E\U0001F17C",  # negative squared letters
    "winprize.c\u20ddo\u20ddm\u20dd",  # enclosing circles (combining)
    "winprize.рф",  # a top-level domain of another script
    "winprize . c o m",
    "winprize" + TAG + "." + TAG + "com",  # tag characters around the dot
])
def test_link_the_reader_misses_round3(link: str) -> None:
    """Links a reader follows at once. Now 20 strangers a day; bound 4."""
    reached, _, _ = _run(lambda rng: f"WIN cash now {_salad(rng)} at {link}")
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


@pytest.mark.parametrize("handle", [
    "add me on line: winprize22",  # apps outside _APPS: line, viber, wickr, fb, wechat ids
    "fb: winprize22",
    "viber: winprize22",
    "wechat id winbot",  # an explicit "id" before a name without a digit
    "snapchat username winbot",
    "snap \u2192 winbot22",  # an arrow, an emoji, an em dash, ">" between app and handle
    "snap \U0001F449 winbot22",
    "snap \u2014 winbot22",
    "snap>winbot22",
    "search winprize22 on telegram",  # the handle before the app, without "@"
    "find me on telegram, winbot22",
    "телеграм: winbot22",  # the app in another script
    "电报: winbot22",
    "venmo @winbot",
])
def test_handle_the_reader_misses_round3(handle: str) -> None:
    """Handles on messaging apps the reader does not see. Now 20; bound 4."""
    reached, _, _ = _run(lambda rng: f"WIN cash now {_salad(rng)} {handle}")
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


def test_follow_back_campaign_with_a_hidden_number_is_bounded_by_links_to_followed() -> None:
    """The same hole for a spammer that follows its targets first: ``links_to_followed``
    (15) never sees the number, ``fanout`` stops it at its limit."""
    number = FIRE.join("0800123456")
    reached, _, _ = _run(lambda rng: f"WIN cash now {_salad(rng)} call {number}",
                         strangers=0, followed=300)
    assert len(reached) <= _limit("links_to_followed"), len(reached)


def _split_campaign(parts: list[str], strangers: int = 300) -> set[str]:
    """Each target gets every part, in order, a minute apart (a refused part is retried
    after ``retry_after``): reached when all parts were delivered."""
    engine, clock, cold, _ = _setup(strangers)
    rng = random.Random(7)
    reached: set[str] = set()
    target = part = sends = 0
    while clock.now < T0 + DAY and target < len(cold) and sends < MAX_SENDS:
        text = parts[part].format(salad=_salad(rng))
        decision = engine.check(SendRequest(SENDER, (cold[target],), text))
        sends += 1
        if decision.allowed:
            part += 1
            if part == len(parts):
                reached.add(cold[target])
                target, part = target + 1, 0
            clock.advance(60)
        else:
            wait = decision.retry_after if decision.retry_after is not None else 600.0
            clock.advance(wait + 1)
    return reached


def test_link_split_across_messages_is_bounded_as_a_contact() -> None:
    """"go to winprize", then ".com/claim": the second text starts with the dot; the
    first has no top-level domain. Now 20 strangers a day; bound 4."""
    reached = _split_campaign(["WIN cash now {salad} go to winprize", ".com/claim {salad}"])
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


def test_same_text_in_one_conversation_with_members_swapped_starts_the_duplicates_cooldown(
) -> None:
    """Promise 4: the same text to a 5th stranger within 6 hours is a cooldown
    (``duplicates``). An existing conversation counts once for the duplicates and contacts
    rules, whoever its members are now: one group whose members the spammer swaps (invite
    4, they leave, invite 4 more) takes one text to 20 strangers a day and never a
    ``duplicate_content`` (the same text written to each stranger alone: 16, with
    cooldowns). The strangers rules still count each member."""
    text = ("Congratulations! You have been selected for our exclusive summer prize draw, "
            "reply YES now to enter")
    engine, clock, cold, _ = _setup(10)
    decision = None
    for i in range(5):
        decision = engine.check(SendRequest(SENDER, (cold[i],), text, conversation="c1"))
        clock.advance(60)
    assert decision is not None
    assert (decision.verdict, decision.code) == (Verdict.COOLDOWN, "duplicate_content"), (
        decision.verdict, decision.code)


def test_the_same_reminder_to_a_group_of_friends_as_it_grows_is_no_spam() -> None:
    """The other side (a review of the change above): friends who follow each other,
    one joining before each reminder, are the same group to the duplicates rule; only
    strangers swapped in and out make it another."""
    from policy import Engine, MemoryGraph
    from policy.clock import VirtualClock
    from policy.rules import load_rules

    graph, clock = MemoryGraph(), VirtualClock(T0)
    members = [f"m{i}" for i in range(10)]
    for m in members:
        graph.follow(m, "alice")
        graph.follow("alice", m)
    engine = Engine(load_rules("default"), storage="memory://", graph=graph, clock=clock)
    text = "Reminder: practice moves to the north field on Saturday at 10, bring water"
    for n in range(4, 10):
        decision = engine.check(SendRequest("alice", tuple(members[:n]), text,
                                            conversation="grp1"))
        assert decision.allowed, (n, decision.verdict, decision.code)
        clock.advance(1800)


def test_one_conversation_with_followed_members_swapped_is_bounded_by_mass_copies() -> None:
    """A second review: the group's key left out the people the sender follows, so a
    follow-back spammer swapping them in one conversation took one text to 50 in 6
    hours (``fanout`` alone stopped it) where written alone it stops at ``mass_copies``."""
    text = ("Congratulations! You have been selected for our exclusive summer prize draw, "
            "reply YES now to enter")
    engine, clock, _, warm = _setup(0, 300)
    reached: set[str] = set()
    i, start = 0, clock.now
    while clock.now < start + 6 * 3600 and i < len(warm):
        decision = engine.check(SendRequest(SENDER, (warm[i],), text, conversation="c1"))
        if decision.allowed:
            reached.add(warm[i])
            i += 1
            clock.advance(60)
        else:
            clock.advance((decision.retry_after or 600.0) + 1)
    from policy.rules import load_rules

    assert len(reached) < load_rules("default").get("mass_copies").params.recipients, len(reached)


def test_the_same_reminder_to_an_unchanged_group_whose_members_reply_is_no_spam() -> None:
    """A third review: keyed by its silent members, a group changed key each time one of
    them first wrote back, and a reminder re-sent to the same 7 people was refused at the
    5th send. Keyed by all its members, the same group stays one recipient."""
    from policy import Engine, MemoryGraph
    from policy.clock import VirtualClock
    from policy.rules import load_rules

    graph, clock = MemoryGraph(), VirtualClock(T0)
    members = [f"m{i}" for i in range(7)]
    for m in members:
        graph.follow(m, "alice")
    for m in members[1:]:
        graph.follow("alice", m)  # one stranger, six people alice follows
    engine = Engine(load_rules("default"), storage="memory://", graph=graph, clock=clock)
    text = "Reminder: dinner moves to Luigi's on Friday at eight, tell me if you can come"
    for n in range(7):
        decision = engine.check(SendRequest("alice", tuple(members), text, conversation="dinner"))
        assert decision.allowed, (n, decision.verdict, decision.code)
        if n + 1 < len(members):
            graph.record_message(members[n + 1], "alice")  # one more of them writes back
        clock.advance(900)


def _fifth_stranger(make_text) -> tuple[Verdict, str | None]:
    engine, clock, cold, _ = _setup(10)
    rng = random.Random(3)
    decision = None
    for i in range(5):
        decision = engine.check(SendRequest(SENDER, (cold[i],), make_text(i, rng)))
        clock.advance(60)
    assert decision is not None
    return decision.verdict, decision.code


@pytest.mark.parametrize("formats", [
    ["+44 800 123 456", "0044 800 123 456", "0800 123 456", "+44 (0)800 123 456",
     "44 800 123 456"],  # one number, international and national formats
    ["0800 - 123 - 456"] * 5,  # spaced dashes: a contact, but no number read
])
def test_same_number_to_a_fifth_stranger_starts_the_contacts_cooldown(formats: list[str]) -> None:
    """Promise 2: the same contact to a 5th stranger within 6 hours is a 30-minute
    cooldown (``contacts``: COOLDOWN duplicate_contact). Written in other formats, or with
    spaced dashes, the number reads as another contact or none: only the THROTTLE of
    ``links_to_strangers`` follows, no cooldown."""
    verdict, code = _fifth_stranger(lambda i, rng: f"WIN cash {_salad(rng)} call {formats[i]}")
    assert (verdict, code) == (Verdict.COOLDOWN, "duplicate_contact"), (verdict, code)
