"""Ways back that round 34 (blind, tests/redteam34: the corpus's own ways back respelt by a
2026 spammer) spelt and the reader missed, in our own words; talk beside them that must stay
talk.

A phone number with a small "b" for 6 among its look-alikes, or cut in groups some of which
are look-alikes only ("call O9b4O SbZ Z4l"); a short code with look-alikes that a word is
sent to ("txt wIn to 8OO86"); ". co. uk" with a space after each dot; a site's name of a
campaign's words before " com" whatever follows ("txtwinnerz com then"); a claim code."""

from __future__ import annotations

import random

from policy.ways_back import read_contacts
from tests.checks.ways_back_cases import reading_tests

READ = [
    ("ring OBOO94l4lb7 u won!", "n:08009414167"),
    ("ring OBOO9 4l4 lb7", "n:08009414167"),
    ("call O9b4O SbZ Z4l today", "n:09640562241"),
    ("call O9O3b 4Zb ZlZ", "n:09036426212"),
    ("call OBZO4OSbOBb", "n:08204056086"),
    ("txt wIn to 8OO86", "n:80086"),
    ("send JOIN to 8OO86 now", "n:80086"),
    ("luckyprizehub. co. uk yes", "d:luckyprizehub.co.uk"),
    ("ok so txtwinnerz com then", "d:txtwinnerz.com"),
    ("google 'txtwinnerz com'", "d:txtwinnerz.com"),
    ("claim code X7K2Q", "k:x7k2q"),
    ("claim c0de: X7-K2Q", "k:x7k2q"),
    ("CLAIM-CODE=X7K2Q", "k:x7k2q"),
    ("X7K2Q is ur claim code", "k:x7k2q"),
]

TALK = [
    "Baby Ella arrived 6.32am, 7lb 2oz, both doing great",
    "send it to lol12 ok",
    "reply yes to 8Ol2O",
    "see you at 5. co. uk team wins",
    "the estate agents com is high",
    "i forgot my claim code for the parcel",
    "the claim code is 4 digits",
    "OOO lol bob 12",
    "O2 SOS bob lol",
    # a review of 238 ordinary messages aimed at these forms (85 read by the first version)
    "weights at birth 5lb10 6lb12",
    "model 20b1 10l4 0b2 - washer",
    "txt mum to 100lol",
    "send the kids to 1l00O club?",
    "Smith and Sons. Co. UK based",
    "Ik heb mijn promotie net gehad",
    "the giveaway com mittee meets friday",
    "rewarding com munity work",
    "insurance claim code is AB12C",
    "the 22nd is the claim code deadline",
    "expense claim code: M4",
]


test_read, _, test_talk_stays_talk = reading_tests(READ, (), TALK)


def test_before_is_no_digit_of_the_number():
    # "b4" is "before": the number and the date after it stay apart
    keys = read_contacts("call 09058099801 b4190604, POBOX 7876150")[1]
    assert "n:09058099801" in keys and not any(k.startswith("n:0905809980164") for k in keys)


def test_look_alike_numbers_of_every_kind_read_as_their_digits():
    rng = random.Random(34)
    leet = str.maketrans("015826", "OlSBZb")
    missed = []
    for _ in range(300):
        d = "0" + rng.choice("789") + "".join(rng.choice("0123456789") for _ in range(9))
        if sum(c in "34579" for c in d) < 2:
            continue  # (a number of look-alikes only, or one digit among them, is not read)
        spelt = d.translate(leet)
        for text in (f"call {spelt} now", f"ring {spelt[:5]} {spelt[5:8]} {spelt[8:]} x"):
            if "n:" + d not in read_contacts(text)[1]:
                missed.append(text)
    assert not missed, missed[:5]
