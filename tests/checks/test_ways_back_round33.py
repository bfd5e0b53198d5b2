"""Ways back that round 33 (blind, tests/redteam33: today's platforms and the ways their
links are hidden) spelt and the reader missed, in our own words; talk beside them that must
stay talk (a review's ordinary messages aimed at the new forms).

"(remove the spaces)" after a way back spaced apart to hide it; "(at)" and "(dollar)" for
"@" and "$" before a handle ("tg (at) x", "cashapp (dollar) x"); Signal's group links however
the dot is written; a link's path on the next line; a wallet with joiners inside it, or in
capitals (bech32 is one case or the other); a token's network named before an address
("USDT TRC20 ..."); "the link to my <app> in my highlights"; "lnk.to". And one key for a site
on a country's two-part ending ("d:bbc.co.uk", not "d:bbc.co" and a "d:co.uk" that every
such site shared)."""

from __future__ import annotations

from policy.ways_back import read_contacts
from tests.checks.ways_back_cases import reading_tests

READ = [
    ("tg (at) PrizeDeskBot", "h:prizedeskbot"),
    ("venmo (at) prizedesk", "h:prizedesk"),
    ("cashapp (dollar) prizedesk", "h:prizedesk"),
    ("email me prizedesk (at) gmail", "e:prizedesk@gmail.com"),
    ("join here: signal(dot)group/#Ab12Cd34", "d:signal.group"),
    ("signal[.]group/#Ab12Cd34 for the signals", "d:signal.group"),
    ("forms.gle\n/Ab12Cd34 fill it in", "d:forms.gle"),
    ("pay to BC1QS4X7FVX97KQCUM0J7EQJ0FJMSEVE9UH9XK6U72", "w:bc1qs4x7fvx97kqcum0j7eqj0fjmseve9uh9xk6u72"),
    ("pay to bc1qs4x7fvx97k\u200dqcum0j7eqj0fjmseve9uh9xk6u72",
     "w:bc1qs4x7fvx97kqcum0j7eqj0fjmseve9uh9xk6u72"),
    ("lnk.to/Fz9Ss8NhU for the drop", "d:lnk.to"),
    ("menu at www.lucianos.co.uk", "d:lucianos.co.uk"),
    ("see shortbreaks.org.uk", "d:shortbreaks.org.uk"),
]

POINTED = [
    "payp al.m e/prize desk22 (remove the spaces)",
    "USDT TRC20 TRgj xGef V1XN qRmC zXMN zN7Q VNjx 8Szk uk",
    "the link to my WhatsApp is in my highlights",
    "link to my booking page in my highlights",
    "USDT (TRC20): TRgjxGefV1XNqRmCzXMNzN7QVNjx8Szkuk",
    "USDT ERC20 0x3f5CE5FBFe3E9af3971dD833D26bA9b5C936f0bE",
    "signal . group/#Ab12Cd34",
    "my tg is kate x 22 (remove the spaces)",
]

TALK = [
    "join our signal group tonight",
    "the signal group chat is dead lol",
    # a review of 356 ordinary messages aimed at these forms (90 read by the first version)
    "remove the spaces in the file name and it should upload fine",
    "you have to type the IBAN without spaces otherwise the bank app rejects it",
    "(remove the spaces before the commas, the editor flagged them)",
    "If the tracking code doesn't work, remove the spaces.\nThat fixed it for me.",
    "just remove the spaces around the = sign in the .env file",
    "my phone has no signal. Group call later?",
    "i'm on signal. group of us are moving there from whatsapp",
    "no signal dot group chat won't load",
    "TRC20 fees are crazy today",
    "should I withdraw via ERC20 or TRC20? the fees on ERC20 are insane",
    "the trc 20 network was congested this morning",
    "how do I add a link to my spotify on my page?",
    "I can't find the link to my zoom in my highlights, did it disappear?",
    "there's a broken link to my playlist in my highlights, someone told me",
]


test_read, test_pointed, test_talk_stays_talk = reading_tests(READ, POINTED, TALK)


def test_sites_on_a_countrys_ending_have_keys_of_their_own():
    bbc = read_contacts("see bbc.co.uk")[1]
    assert bbc == ("d:bbc.co.uk",)
    assert read_contacts("see www.bbc.co.uk/news")[1] == bbc
    assert read_contacts("see argos.co.uk")[1] == ("d:argos.co.uk",)
