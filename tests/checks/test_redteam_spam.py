"""Red team: one spam account, obeying every refusal, against rules/default.toml.

Each test runs one campaign for 24 simulated hours (at most 2,000 sends, memory://, a
virtual clock) and asserts the bound the documentation promises. Each failed when the
red team wrote it (an evasion docs/spam.md did not list); policy/normalize.py and
policy/fingerprint.py were fixed after.

- A text carrying a phone number or a link (the campaign's way back) is bounded by
  ``links_to_strangers`` at 4 strangers a day. Contacts a person reads at a glance but
  ``policy.ways_back.read_contacts`` does not (other separators, other top-level
  domains, a one-letter name, a dot of another script), or one placed past the first
  ``policy.fingerprint.MAX_CHARS`` code points of a text that is still under the
  140-character limit after NFC composition, reach the plain strangers rules' 20.
- ``fanout`` counts only the people the sender follows, the strangers rules the others:
  mixing both reached 20 + 50 = 70 a day (its description said "whether you follow
  them or not": corrected; since round 6, fanout's 30 make it 50 in all).
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable

import pytest

from policy import Engine, MemoryGraph, SendRequest
from policy.checks.text_length import char_count
from policy.clock import VirtualClock
from policy.decision import Verdict
from policy.fingerprint import MAX_CHARS
from policy.rules import load_rules

T0 = 1_800_000_000.0
DAY = 86_400.0
MAX_SENDS = 2_000
SENDER = "spammer"
VOCAB = ("apple river stone cloud garden window candle market pepper violin harbor tiger "
         "lemon frost meadow copper silver planet rocket ocean forest desert island valley "
         "summer winter autumn spring orange purple yellow silent gentle rapid bright quiet "
         "hollow simple golden broken hidden frozen wooden marble velvet crystal thunder").split()


def _limit(name: str) -> int:  # the default rules' values, read rather than restated
    return load_rules("default").get(name).params.limit


def _salad(rng: random.Random) -> str:
    """Rotating filler, so that no two texts look alike (the duplicates rules stay quiet)."""
    return " ".join(rng.sample(VOCAB, 8))


def _setup(strangers: int, followed: int = 0) -> tuple[Engine, VirtualClock, list[str], list[str]]:
    clock = VirtualClock(T0)
    graph = MemoryGraph()
    cold = [f"s{i}" for i in range(strangers)]
    warm = [f"f{i}" for i in range(followed)]
    for target in cold + warm:
        graph.follow(target, SENDER)  # every target follows the spammer: it may write to them
    for target in warm:
        graph.follow(SENDER, target)  # a follow-back scheme: one click per target
    engine = Engine(load_rules("default"), storage="memory://", graph=graph, clock=clock)
    return engine, clock, cold, warm


def _campaign(engine: Engine, clock: VirtualClock, make_text: Callable[[random.Random], str],
              *queues: list[str]) -> set[str]:
    """Distinct people reached in 24 hours. The spammer writes to the first queue that
    accepts, one target at a time, a minute apart; when every queue refuses it waits the
    shortest ``retry_after`` (it never retries early)."""
    rng = random.Random(7)
    reached: set[str] = set()
    at = [0] * len(queues)
    sends = 0
    while clock.now < T0 + DAY and sends < MAX_SENDS:
        waits: list[float] = []
        for q, queue in enumerate(queues):
            if at[q] >= len(queue):
                continue
            decision = engine.check(SendRequest(SENDER, (queue[at[q]],), make_text(rng)))
            sends += 1
            if decision.allowed:
                reached.add(queue[at[q]])
                at[q] += 1
                waits = []
                break
            waits.append(decision.retry_after if decision.retry_after is not None else 600.0)
            if decision.verdict is Verdict.COOLDOWN:
                break  # any attempt restarts a cooldown: wait it out
        if waits:
            clock.advance(min(waits) + 1)
        else:
            clock.advance(60)
    return reached


def _run(make_text: Callable[[random.Random], str], strangers: int = 300,
         followed: int = 0) -> tuple[set[str], list[str], list[str]]:
    engine, clock, cold, warm = _setup(strangers, followed)
    return _campaign(engine, clock, make_text, cold, warm), cold, warm


def test_control_a_plain_phone_number_is_held_at_links_to_strangers() -> None:
    """Control (passes): the same campaign with the number written plainly."""
    reached, _, _ = _run(lambda rng: f"WIN cash now {_salad(rng)} call 0800 123 456")
    assert len(reached) <= _limit("links_to_strangers")


@pytest.mark.parametrize("number", [
    "077\u2013009\u2013001\u201323",  # en dashes: "077–009–001–23"
    "077|009|001|23",
    "(077)(009)(001)(23)",
])
def test_phone_number_split_by_unread_separators_is_bounded_as_a_contact(number: str) -> None:
    """A phone number in groups of at most 3 digits split by an en dash, a bar or
    brackets (only spaces, '.', '-' and '/' are read, 2 at most) is no contact: neither
    ``contacts`` nor ``links_to_strangers`` sees it. Now 20 strangers a day; bound 4."""
    reached, _, _ = _run(lambda rng: f"WIN cash now {_salad(rng)} call {number}")
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


@pytest.mark.parametrize("link", [
    "winprize.tk",  # a top-level domain outside ways_back._TLD (.tk .gg .ai .to .in ...)
    "t.me/winprize",  # a one-letter name: two name characters are required before the dot
    "winprize\u3002club",  # the ideographic full stop, which IDNA reads as a dot
])
def test_link_the_reader_misses_is_bounded_as_a_contact(link: str) -> None:
    """A link any reader follows but ``read_contacts`` does not see. Now 20 strangers a
    day; bound 4 (``links_to_strangers``)."""
    reached, _, _ = _run(lambda rng: f"WIN cash now {_salad(rng)} at {link}")
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


@pytest.mark.parametrize("way_back", [
    "winprize,com/claim",  # a comma for the dot
    "winprize. com",  # a space after the dot, as at the end of a sentence
    "winprize.c0m",  # digits for the letters of the top-level domain
    "09O6I79OI25",  # look-alike letters among the digits of a number
    "snap: winprize22",  # a handle on a messaging app: no number, no link
    "@winprizebot on telegram",
])
def test_way_back_the_reader_missed_is_bounded_as_a_contact(way_back: str) -> None:
    """A second red-team round: ways back that a reader of the message follows at once
    and ``read_contacts`` did not see (each reached 20 strangers a day). Bound 4
    (``links_to_strangers``)."""
    reached, _, _ = _run(lambda rng: f"WIN cash now {_salad(rng)} at {way_back}")
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


_HANGUL = [c for c in "축하합니다당첨금현금상품권특별혜택무료선물긴급확인즉시연락당신행운잡을"
           "오늘한정이벤트참여감사선착순금융대출승인완료입금신청문의환영보상적립금상품"
           if len(unicodedata.normalize("NFD", c)) == 3]


def _decomposed_korean(rng: random.Random) -> str:
    """104 Hangul syllables written as conjoining jamo (3 code points each, rendered as
    one syllable; the text rule counts them after NFC, as 1), then the number."""
    syllables = [rng.choice(_HANGUL) for _ in range(104)]
    body = " ".join("".join(syllables[i:i + 8]) for i in range(0, 104, 8))
    return unicodedata.normalize("NFD", body) + " 연락 0800 123 456"


def test_contact_past_the_fingerprinted_prefix_is_bounded_as_a_contact() -> None:
    """The text rule counts NFC code points (at most 140) but only the first MAX_CHARS
    (320) raw code points are read for contacts: decomposed Hangul puts the number past
    them. Now 20 strangers a day; bound 4 (``links_to_strangers``)."""
    text = _decomposed_korean(random.Random(1))
    assert char_count(text) <= 140 and text.index("0800") > MAX_CHARS  # the trick itself
    reached, _, _ = _run(_decomposed_korean)
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


def test_strangers_and_followed_targets_together_stay_within_both_bounds() -> None:
    """Targets split between strangers and people the spammer followed first: the plain
    strangers rules count the first, ``fanout`` the second (its record stays empty for
    senders who write to strangers and friends only: memory), so one account reaches at
    most strangers_daily + fanout people a day, whatever its texts (docs/spam.md)."""
    reached, cold, warm = _run(lambda rng: f"hey {_salad(rng)}", strangers=300, followed=300)
    assert len(reached & set(cold)) <= _limit("strangers_daily"), len(reached & set(cold))
    assert len(reached & set(warm)) <= _limit("fanout"), len(reached & set(warm))
    assert len(reached) <= _limit("strangers_daily") + _limit("fanout"), len(reached)


@pytest.mark.parametrize(("text", "contact"), [
    ("call 077\u2013009\u2013001\u201323", "n:07700900123"),
    ("ring (0800)(123)(456)", "n:0800123456"),
    ("see t.me/winprize", "d:t.me"),
    ("claim at winprize.in/now", "d:winprize.in"),
    ("claim at winprize.tk today", "d:winprize.tk"),
    ("go to winprize\u00b7club", "d:winprize.club"),
    ("go to winprize{.}club", "d:winprize.club"),
    ("go to winprize,com/claim", "d:winprize.com"),
    ("see bit,ly/3xYz", "d:bit.ly"),
    ("visit winprize. com today", "d:winprize.com"),
    ("visit winprize.c0m", "d:winprize.com"),
    ("visit winprize.n3t", "d:winprize.net"),
    ("call 09O6I79OI25", "n:09061790125"),
    ("call 0906 l79 OI25", "n:09061790125"),
    ("add me on snap: winprize22", "h:winprize22"),
    ("telegram @winbot", "h:winbot"),
    ("msg @winbot on telegram", "h:winbot"),
    ("kik win_bot", "h:win_bot"),
    # A second review of round 3: spellings its first fixes lost
    ("call \U0001F5250\U0001F5258\U0001F5250\U0001F5250\U0001F5251\U0001F5252\U0001F5253"
     "\U0001F5254\U0001F5255\U0001F5256\U0001F525", "n:0800123456"),
    ("call 08\U0001F52500\U0001F52512\U0001F52534\U0001F52556", "n:0800123456"),
    ("call +44+800+123+456", "n:44800123456"),
    ("call 0800*123*456", "n:0800123456"),
    ("call 09O6I79OI25 lol", "n:09061790125"),
    ("LINE ID: winbot", "h:winbot"),
    ("line: @winbot", "h:winbot"),
    ("line @winbot22", "h:winbot22"),
    ("line \u2192 winbot22", "h:winbot22"),
    ("telegram: winbot_", "h:winbot"),
])
def test_the_reader_sees_these_contacts(text: str, contact: str) -> None:
    from policy.ways_back import read_contacts

    assert read_contacts(text) == (True, (contact,))


@pytest.mark.parametrize("text", [
    "ok, going.to the mall later",  # a word-like top-level domain without a path
    "will be singing praises for her.life will be good",
    "see you at 10:30, bring 2, 3 or 4 friends",  # times and short lists: no number
    "I.m home",
    "ok,com on",  # a comma before a bare top-level domain needs a name of 3 or more
    "done. me too",  # a sentence's end before a word-like top-level domain
    "ok. net is down",
    "ig 2day?",  # a handle starts with a letter
    "snap them all later",  # a handle has a digit or "_" (or an "@")
    "no signal here",
    "good.morning/night",  # any top-level domain with a path: a name of 4, a domain of 2 or 3
    "my.bad/sorry",
    "ok.see/ya",
    "take line m103 downtown",  # LINE only with "id" or ":"
    "our team2 at line",
    "bottom line: this is it",
    "subject line: meeting",
    "rent 950+120+80 = a lot per month", "#1 #2 #3 #4 #5 #6 #7 on the chart",
    "11 ~ 22 ~ 33 ~ 44 yay", "see //notes.md for details",
    "\u4e09\u4e09\u4e24\u4e24",  # a Chinese idiom of 4 numerals
])
def test_ordinary_texts_carry_no_contact(text: str) -> None:
    from policy.ways_back import read_contacts

    assert read_contacts(text) == (False, ())


def test_a_mention_after_line_is_no_line_handle() -> None:
    from policy.ways_back import read_contacts

    # LINE's "@" needs "id", ":" or a digit; the account named is a key, not a contact
    assert read_contacts("great line @dave!") == (False, ("h:dave",))


@pytest.mark.parametrize("text", [
    "lol 1000 times",  # letters alone are no digits of a number: "1000", not "1011000"
    "see you at 12.10",  # no letter: no top-level domain with digits ("12.io")
    # A review of round 3: arithmetic, ranges, scores are no phone number
    "10 + 5 = 15", "what is 12 * 12 = 144?", "2+2+2+2=8", "in 2023 - 2024 season",
    "My grades: 90 - 85 - 77", "Lakers 112 \U0001F3C0 108 Celtics",
    "scores: 3\U0001F5252\U0001F5251\U0001F5250",
])
def test_ordinary_numbers_read_as_no_fixed_contact(text: str) -> None:
    from policy.ways_back import read_contacts

    assert read_contacts(text)[1] == ()
