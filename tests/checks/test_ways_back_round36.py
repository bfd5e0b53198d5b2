"""Ways back that round 36 (blind, tests/redteam36: a docs reader's spellings of a call to
action) wrote and the reader missed, in our own words; talk beside them that must stay talk.

A site's dot said "full stop", "period", "(period)", "d o t" or "point", or written as a
spaced comma, dash or double dot, a "|", "~" or an emoji before "com", "biz" or a country's
"co" and "uk" ("getzed , co , uk", "o2 ❤ co ❤ uk"; "net" and "info" after a name with a
digit only); "d0t c0m"; an ending to add ("go to prize4u and put com on the end"); a name
with a digit, or of 10 letters, to look up online; a keyword to type in the reply ("type
subpoly back here"); what a scam asks to be sent in the reply ("leave ur address in ur
reply"); a short code with emoji or spaces between its digits after a keyword, a phone
number so spelt."""

from __future__ import annotations

from tests.checks.ways_back_cases import reading_tests

READ = [
    ("head to ringtoneking full stop com", "d:ringtoneking.com"),
    ("go to hotdate4u fullstop com tnx", "d:hotdate4u.com"),
    ("urawinner period co period uk b quick", "d:urawinner.co.uk"),
    ("head to lucozade point co point uk", "d:lucozade.co.uk"),
    ("head to t-c full stop biz while it lasts", "d:t-c.biz"),
    ("go to urawinner (period) com", "d:urawinner.com"),
    ("winprize d o t com", "d:winprize.com"),
    ("visit prize4u ~ net", "d:prize4u.net"),
    ("look getzed22 up online", "h:getzed22"),
    ("Visit dbuknet — com - ends today", "d:dbuknet.com"),
    ("See getzed , co , uk, win a top Sony", "d:getzed.co.uk"),
    ("Try txttowin .. co .. uk / oh and", "d:txttowin.co.uk"),
    ("Visit o2 ❤ co ❤ uk... btw", "d:o2.co.uk"),
    ("Log on to tonez4u d0t c0m... hi Ravi", "d:tonez4u.com"),
    ("go to prize4u and put com on the end!", "d:prize4u.com"),
    ("go to txttowin then add .net after it", "d:txttowin.net"),
    ("go to gamb and put tv on the end", "d:gamb.tv"),
    ("go to prize4u then add com to it", "d:prize4u.com"),
    ("prize4u, put com on the end", "d:prize4u.com"),
    ("getzed ; co ; uk", "d:getzed.co.uk"),
    ("getzed -- com", "d:getzed.com"),
    ("dbuknet||com", "d:dbuknet.com"),
    ("look up noworriesloans online", "h:noworriesloans"),
    ("just reply subpoly to win", "k:subpoly"),
    ("reply 'pod' to claim", "k:pod"),
    ("just search noworriesloans on google", "h:noworriesloans"),
    ("hit reply and type subpoly", "k:subpoly"),
    ("tap reply, type 'subpoly'", "k:subpoly"),
    ("type subpoly in ur reply", "k:subpoly"),
    ("🤑 type subpoly back here 🔥", "k:subpoly"),
    ("msg subpoly to 8🌸1🌸6🌸1🌸8", "n:81618"),
    ("oh and, send sue to 8 9 5 5 5, Hi", "n:89555"),
    ("call 0🔥8🔥0🔥0 1🔥2🔥3 4🔥5🔥6", "n:0800123456"),
]

POINTED = [
    "Leave ur address in ur reply! omg r u the one from Leeds?",
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
    # a review's 461 ordinary messages aimed at these forms (262 read by the first version, 18
    # now: 9 ask for an address or an e-mail in the reply, 3 name the sender's own page)
    "Pizza? reply asap",
    "Still available? reply asap",
    "Price? text back",
    "send the pic and tag me on it",
    "gg, finish ur game and add me after",
    "found ur wallet tell me where to send it",
    "look for presents online",
    "search bitcoin on google",
    "log into your google account.",
    "just google photosynthesis!",
    "Matchday – info below",
    "Training — net practice then fielding drills",
    "the return period online is 14 days so send it back",
    "for the reporting period net revenue is up 4%",
    "I'm done full stop online dating is a waste of time",
    "free period club meeting is cancelled today",
    "need goalposts , net , cones and bibs for saturday",
    "i couldnt connect to the game .. net was down all night",
    "Goal ⚽ net bulging!",
    "hello 👋 info please",
    "Hello 👋 co op is closed",
    "John ~ co founder",
    "invoice | net 30",
    "sorry autocorrect *net",
    "heyyy 😍 com over later",
    "good game 🔥 com back tmrw",
    "send mine back to me when ur done",
    "put everything back here when ur done",
    "hit reply and say thanks",
    "the answer to 2*2*2*2*2 is 32",
    "predictions: 2*1 3*0 1*1 2*2 1*0",
    "scores 3~1 2~2 0~1 4~0 1~1",
    "open day ~ info session",
    "grab the remote and put tv on after",
    "reply asap to get the tickets",
    "Fishing | net | rod",
    "meet at 5 : com on",
]

test_read, test_pointed, test_talk_stays_talk = reading_tests(READ, POINTED, TALK)
