"""Ways back that round 37 (blind, tests/redteam37: the issue's evaluation as a 2026 spammer
runs it, with a local engine probed for what it misses) wrote and the reader missed, in our
own words; talk beside them that must stay talk.

A keyword said for a prize in text speak ("say HOT 2 win", "say C4SH 2 claim", spaced or
joined by invisible characters: "say Y E S 2 win"); a phone number in the radio alphabet's
digits ("zero niner zero six fower niner tree fife ait ..."): "niner", "fower" and "fife"
read as English number words do (4 in a row are a number), "tree", "ait", "wun" and "too",
words of talk, only in a run of 7 number words beside 4 others. A review of 400 ordinary
messages aimed at these forms: a first version that read "say X to win" read 11 games'
rules ("say BINGO to win a round"); now none, and 4 radio numbers, read as the same numbers
in English words are."""

from __future__ import annotations

from policy.ways_back import read_contacts
from tests.checks.ways_back_cases import reading_tests

READ = [
    ("say HOT 2 win", "k:hot"),
    ("say C4SH 2 claim", "k:c4sh"),
    ("say H O T 2 win", "k:hot"),
    ("say Y E S 2 win", "k:yes"),
    ("say Y\u200bE\u200bS 2 win", "k:yes"),
    ("just say 'bonus' 2 win", "k:bonus"),
    ("reply YES 2 claim", "k:yes"),
    ("reply Y E S to win", "k:yes"),
    ("Ring zero niner zero six fower niner tree fife ait niner niner", "n:09064935899"),
    ("call oh seven seven fower fife wun too tree niner niner", "n:0774512399"),
    # English digit words count beside the radio's words of talk (round 39's probe)
    ("Phone zero ait seven wun seven too wun zero fower zero wun", "n:08717210401"),
    ("Call zero ait zero ait fife fife tree seven ait fife wun and I'll explain", "n:08085537851"),
]

POINTED: list[str] = ["text zero niner zero fife for ur prize"]

TALK = [
    "just say YES",
    "Say Y E S",
    "say sorry to win her back",
    "say BINGO to win a round, Dave's idea",
    "say CAKE to win any argument with Lily",
    "say \"checkmate\" to win? no mate",
    "say SORRY 2 get back in her good books mate",
    "say hi to Jess 2 get her talking",
    "runway two niner, wind tree fower zero at fife",
    "climb flight level tree fife zero",
    "me too too too",
    "wun two tree, wun two tree, let's go",
    "one two tree four, I declare a thumb war",
    "moving to Fife next year, the tree house stays",
]

test_read, test_pointed, test_talk_stays_talk = reading_tests(READ, POINTED, TALK)


def test_a_radio_number_is_one_key_not_its_english_part_too():
    # the English words alone read "090649" before "tree" breaks them; the run reads it whole
    assert read_contacts("zero niner zero six fower niner tree fife ait niner niner")[1] == (
        "n:09064935899",)
