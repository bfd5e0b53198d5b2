"""Copies spelt apart: digits and symbols for letters anywhere in a word ("fr33", "7he",
"clu8", "w!n", "dur1n9") and text speak for words ("u", "ur", "4 u", "2nite", "pls"),
drawn again for each copy. ``normalize`` reads them as the words they spell, so the copies
of one pitch are one text to the duplicates rule: refused by the 5th stranger, with no
number or link in it. A round-22 spinner's copies ("7he clu8", "onsale") kept 3 of 20
campaigns apart at seed 1 before. On every storage (the Lua twin)."""

from __future__ import annotations

import random
import re

import pytest

from policy import MemoryGraph, SendRequest
from policy.decision import Verdict
from policy.fingerprint import signature, similarity
from policy.normalize import normalize, normalize_counted
from policy.ways_back import read_contacts
from tests.conftest import EngineFactory

SENDER = "speller"
# Pitches with no number, link or promotion's words: only the duplicates rule sees them
PITCHES = [
    "Xmas and New Years Eve tickets are now on sale from the club, during the day and on "
    "Thursday and Friday, get yours before they are gone",
    "Your friends are waiting for you tonight at the rooftop party, the best night out in "
    "town, please come along and bring your mates",
    "I am looking for people to join my little team working from home, easy and flexible "
    "hours, message me back if you are interested",
]
LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "b": "8", "g": "9",
        "l": "1"}
SPEAK = {"you": ("u", "ya"), "your": ("ur", "yr"), "for": ("4",), "to": ("2",),
         "tonight": ("2nite", "2night"), "please": ("pls", "plz"), "before": ("b4",),
         "are": ("r",), "great": ("gr8",), "people": ("ppl",), "message": ("msg",),
         "friends": ("frnds",)}
WORD = re.compile(r"[A-Za-z]+")


def spelt(text: str, rng: random.Random, share: float = 0.25) -> str:
    """One copy: text speak for some words, digits and symbols for some letters of the
    others (inside and at the edges), case changed now and then."""
    def word(m: re.Match[str]) -> str:
        w = m.group()
        if w.lower() in SPEAK and rng.random() < 0.6:
            return rng.choice(SPEAK[w.lower()])
        out = "".join(rng.choice(LEET[c.lower()]) if c.lower() in LEET and rng.random() < share
                      else c for c in w)
        return out.upper() if rng.random() < 0.1 else out

    return WORD.sub(word, text)


@pytest.fixture
def strangers(graph: MemoryGraph) -> list[str]:
    people = [f"st{i:02d}" for i in range(8)]
    for person in people:
        graph.follow(person, SENDER)  # they follow the sender; it follows none of them
    return people


@pytest.mark.parametrize("pitch", range(len(PITCHES)))
def test_copies_spelt_apart_are_one_text_by_the_5th_stranger(
        engine_factory: EngineFactory, strangers: list[str], pitch: int) -> None:
    engine = engine_factory()
    rng = random.Random(pitch)
    # 5 different copies, none read as carrying a number, link or pitch (digits spread
    # over a copy may read as one: drawn again), so the duplicates rule compares them at
    # its plain similarity
    copies: list[str] = []
    while len(copies) < 5:
        copy = spelt(PITCHES[pitch], rng)
        if not read_contacts(copy)[0] and copy not in copies:
            copies.append(copy)
    for i in range(4):
        assert engine.check(SendRequest(SENDER, (strangers[i],), copies[i])).allowed, i
    fifth = engine.check(SendRequest(SENDER, (strangers[4],), copies[4]))
    assert (fifth.verdict, fifth.code, fifth.reasons[0].rule) == (
        Verdict.COOLDOWN, "duplicate_content", "duplicates")


def test_spelt_copies_compare_as_the_plain_text() -> None:
    """Many draws: nearly every copy is within the rule's 0.5 of the plain text (what is
    left: a letter a digit stands for that is not the one it replaced, "l" written "1"
    read "i"). Before the edges and text speak were read: 175, 57 and 109 of 200."""
    rng = random.Random(7)
    for text in PITCHES:
        plain = signature(text)
        sims = [similarity(plain, signature(spelt(text, rng))) for _ in range(200)]
        assert sum(s >= 0.5 for s in sims) >= 195
        assert sum(s >= 0.75 for s in sims) >= 100 and min(sims) >= 0.4


def test_numbers_with_what_they_count_stay_numbers() -> None:
    """Copies that change a time, a date, a size or an amount are one text: "8pm" and
    "9pm", "3rd" and "4th", "5days", "50gb", "£4" fold to a number, not to letters."""
    assert normalize("doors 8pm, the 3rd, 5days left, 50gb, £4, 10am") == normalize(
        "doors 9pm, the 23rd, 7days left, 20gb, £6, 11am")
    # a lone 2 or 4 before a word it joins is a word; before a count, a number
    assert normalize("come 2 me 4 a chat") == "come to me for a chat"
    assert normalize("I bought 2 eggs, level 4 is hard") == normalize("I bought 6 eggs, level 9 is hard")
    assert normalize("in 4 days, 2 people, 2 or 3") == normalize("in 6 days, 5 people, 7 or 8")


def test_digits_glued_at_random_stay_a_number() -> None:
    """A reviewer's evasion of the first version: 1 or 2 random digits glued to each word's
    edge, redrawn per copy ("3Congratulations 7you", "prize47"), read as different letters
    in each copy kept them apart (0.25); digits at an edge are letters only when they spell
    a word ("7he", "fr33", "clu8", "dur1n9"), else a number, "0", in every copy."""
    a = ("3Congratulations 7you 1have 4been 9selected 5to 8receive 0a 3free 1holiday 7call "
         "4now 5to 9claim 3your 8prize")
    b = ("8Congratulations 4you 9have 1been 5selected 0to 3receive 7a 8free 4holiday 1call "
         "0now 9to 5claim 8your 3prize")
    assert similarity(signature(a), signature(b)) == 1.0
    assert normalize("prize47 win13") == normalize("prize85 win70") == "prize0 win0"


def test_the_rules_count_what_was_written() -> None:
    """The lengths the rules count (min_chars, texts_under) are the text's own letters and
    digits, as before text speak and digits read as letters: "u up?" is 3, "c u 2nite" 7."""
    for text, chars in (("u up?", 3), ("c u 2nite", 7), ("fr33 the clu8", 10),
                        ("Do u want 2 come 4 dinner at mine 2nite?", 30),
                        ("call 07781234567 now", 8)):
        assert normalize_counted(text)[1] == chars, text


def test_ordinary_words_are_left_alone() -> None:
    """What the reading must not do: merge different talk, or turn a word spaced out
    into text speak ("W I N N E R", "a n n a" are words, not "w", "i", "n", "and"...)."""
    assert normalize("W I N N E R") == normalize("winner") == "winner"
    assert normalize("good news A n n a") == normalize("good news") + " a n n a"  # 4 letters: no word
    assert normalize("u r a star") != normalize("ura star")
    assert normalize("u up? pls txt me") == normalize("you up? please text me")
    # one letter is "u" only: "C all", "n ow" are words cut in two, not "see", "and"
    assert normalize("C all me n ow") == "c aii me n ow"
    assert normalize("mp3 player, 4x4, covid19") != normalize("mpe player, axa, covidl")
    assert normalize("see you at 8") != normalize("see you at b")
