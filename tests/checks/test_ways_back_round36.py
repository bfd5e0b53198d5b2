"""Ways back that round 36 (blind, tests/redteam36: a docs reader's spellings of a call to
action) wrote and the reader missed, in our own words; talk beside them that must stay talk.

A site's dot said "full stop", "period" or "point", or written as a spaced comma, dash or
double dot, a "|", "~" or an emoji between name and ending ("getzed , co , uk", "o2 ❤ co ❤
uk"); "d0t c0m"; an ending to add ("go to prize4u and put com on the end"); a name to look up
("look getzed up online", "google getzed,"); a keyword asked back ("Pod? reply now", "type
subpoly back here"); what a scam asks to be sent in the reply ("leave ur address in ur
reply"); a short code with emoji or spaces between its digits after a keyword."""

from __future__ import annotations

from tests.checks.ways_back_cases import reading_tests

READ = [
    ("head to ringtoneking full stop com", "d:ringtoneking.com"),
    ("go to hotdate4u fullstop com tnx", "d:hotdate4u.com"),
    ("urawinner period co period uk b quick", "d:urawinner.co.uk"),
    ("head to lucozade point co point uk", "d:lucozade.co.uk"),
    ("head to t-c full stop biz while it lasts", "d:t-c.biz"),
    ("Visit dbuknet — com - ends today", "d:dbuknet.com"),
    ("seriously. visit urawinner — net. call now", "d:urawinner.net"),
    ("See getzed , co , uk, win a top Sony", "d:getzed.co.uk"),
    ("check getzed , net !!", "d:getzed.net"),
    ("Try txttowin .. co .. uk / oh and", "d:txttowin.co.uk"),
    ("Check getzed .. net / omg", "d:getzed.net"),
    ("see dbuknet|net soon as", "d:dbuknet.net"),
    ("pop over to smsco~net hurry", "d:smsco.net"),
    ("sooo, try getzed|co, tones 4u", "d:getzed.co"),
    ("have a look at getzed🔴co", "d:getzed.co"),
    ("Visit o2 ❤ co ❤ uk... btw", "d:o2.co.uk"),
    ("have a look at smsco • net / 29 ppl", "d:smsco.net"),
    ("Log on to tonez4u d0t c0m... hi Ravi", "d:tonez4u.com"),
    ("go to prize4u and put com on the end!", "d:prize4u.com"),
    ("go to txttowin then add .net after it", "d:txttowin.net"),
    ("go to gamb and put tv on the end", "d:gamb.tv"),
    ("look getzed up online ta", "h:getzed"),
    ("just search noworriesloans on google", "h:noworriesloans"),
    ("Noor? its Tom's mate, google getzed, ur number came up", "h:getzed"),
    ("Music? reply now while it lasts", "k:music"),
    ("Yes? say it back, Liam", "k:yes"),
    ("hit reply and type subpoly", "k:subpoly"),
    ("🤑 type subpoly back here 🔥", "k:subpoly"),
    ("msg subpoly to 8🌸1🌸6🌸1🌸8", "n:81618"),
    ("oh and, send sue to 8 9 5 5 5, Hi", "n:89555"),
    ("call 0🔥8🔥0🔥0 1🔥2🔥3 4🔥5🔥6", "n:0800123456"),
]

POINTED = [
    "Leave ur address in ur reply! omg r u the one from Leeds?",
    "a hamper is waiting 4 u, tell me where to post it",
    "Send ur email back here to get it",
]

TALK = [
    "hahaha.. com on then",
    "thanks.. net was slow today",
    "ok , com here",
    "I love it - com on",
    "the bar - co",
    "look it up online",
    "search recipes on google",
    "just google it.",
    "google maps, then turn left",
    "Ready? reply now",
    "what? reply now",
    "PICK ME UP OR MEET ME? TEXT BACK ON THIS NUMBER",
    "type it back here",
    "send it back to me",
    "send me your address",
    "score was 2*1 today",
    "5*4 = 20 and 6*3 = 18 and 7*2 = 14",
    "cricket — net session at 6",
    "the goal - net was torn",
]

test_read, test_pointed, test_talk_stays_talk = reading_tests(READ, POINTED, TALK)
