"""Ways back that round 29's informed campaigns wrote and the reader missed: a campaign's
reply word after "DM me" or with digits that tell its senders apart ("DM me YES3"); an
app name of letters only, where the words say it is one ("my snap is katebelle", "add
katebelle on insta"); a site with a space for its dot, sent to, then the next clause
("visit dealchat com and claim"). The phrasings are our own; each kind has talk beside it
that must stay talk."""

from __future__ import annotations

import pytest

from policy.normalize import read_contacts

READ = [
    ("DM me YES for the free pics", "k:yes"),
    ("DM me YES3 for the free pics babe", "k:yes3"),
    ("msg me WIN7 and it's yours", "k:win7"),
    ("type CLAIM22 to get it", "k:claim22"),
    ("my snap is katebelle", "h:katebelle"),
    ("hey cutie, my snapchat is rosalindxo, add me", "h:rosalindxo"),
    ("my insta is katebelle. come say hi", "h:katebelle"),
    ("add katebelle on insta for the rest", "h:katebelle"),
    ("find marigoldxo on snap babe", "h:marigoldxo"),
    ("i'm sofiabrandt on snapchat", "h:sofiabrandt"),
    ("my snap is katebelle lol", "h:katebelle"),
    ("my ig is samirkhan_ follow back", "h:samirkhan"),
    ("find meganprice on insta thats me", "h:meganprice"),
    ("visit dealchat com and claim your prize", "d:dealchat.com"),
    ("go to winbig net n grab it", "d:winbig.net"),
    ("head to spinwin777 net and claim", "d:spinwin777.net"),
    ("visit luckyspin com to claim your spins", "d:luckyspin.com"),
]

TALK = [
    "DM me YOUR address when you can",
    "DM me NOW",
    "DM me HERE or on the other app",
    "DM me the PDF",
    "DM me yes or no",
    "did you dm me yes?",
    "my insta is pathetic",
    "my snap is hilarious lol",
    "my insta is beautiful",
    "my snap is different now",
    "my snap is katie, what's yours?",
    "my insta is brilliant",
    "my ig is aesthetic",
    "my snap is terrible",
    "my snap is somewhere",
    "my ig is overflowing",
    "my snap is glitching",
    "add everyone on snap",
    "find everything on insta",
    "add christmas on snap",
    "add memories on snap",
    "i'm literally on snap",
    "i'm constantly on snap",
    "i'm streaming on tiktok",
    "i'm homesick on snap",
    "go to football net practice",
    "i was at the agents com and they said no",
    "i'm at home com and get me",
    "go to mine com and see",
    # a review's (tests' talk that the first version read)
    "visit grandma com and have tea with us sunday",
    "go to church com and pray for me",
    "go to tesco com and grab milk pls",
    "go to tourist info and get a map",
    "go to cricket net and bowl a few overs",
    "DM me YES or NO by friday for the party",
    "DM ME YES OR NO BY TONIGHT",
    "DM me WIN or LOSE after the match",
    "my insta is football, nothing else",
    "i'm bedridden on snapchat all day lol",
    "add watermelon on snap emoji streak thing",
    "my snap is homework lol",
]


@pytest.mark.parametrize(("text", "key"), READ)
def test_read(text, key):
    found, keys = read_contacts(text)
    assert found and key in keys, (text, keys)


@pytest.mark.parametrize("text", TALK)
def test_talk_stays_talk(text):
    assert read_contacts(text) == (False, ()), text
