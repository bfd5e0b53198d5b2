"""Ways back that round 36 (blind, tests/redteam36: a docs reader's spellings of a call to
action) wrote and the reader missed, in our own words; talk beside them that must stay talk.

A site's dot said "full stop", "period", "(period)", "d o t" or "point" ("urawinner period co
period uk"); written apart (a spaced comma, colon, dash or double dot, a "|", "~" or an
emoji) before a country's "co" and "uk", or before "com" or "biz" after a word that sends the
reader there or a name with a digit ("visit dbuknet — com"; "com" is Portuguese for "with",
"biz" Turkish for "we"), before "net", "org", "info" or "co" only with a mark and such a word
or digit; "d0t c0m"; an ending to add ("go to prize4u and put com on the end"); a keyword
replied for a prize ("just reply subpoly to win"); a short code with emoji or spaces between
its digits after a keyword, a phone number so spelt. Two reviews of ordinary talk aimed at
these forms (461 and 398 messages) narrowed them: looking a name up online, typing a word
back, an address asked for in the reply and a keyword asked back with "?" are not read."""

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
    ("Visit dbuknet — com - ends today", "d:dbuknet.com"),
    ("See getzed , co , uk, win a top Sony", "d:getzed.co.uk"),
    ("Try txttowin .. co .. uk / oh and", "d:txttowin.co.uk"),
    ("Visit o2 ❤ co ❤ uk... btw", "d:o2.co.uk"),
    ("Log on to tonez4u d0t c0m... hi Ravi", "d:tonez4u.com"),
    ("go to prize4u and put com on the end!", "d:prize4u.com"),
    ("go to txttowin then add .net after it", "d:txttowin.net"),
    ("go to prize4u then add com to it", "d:prize4u.com"),
    ("prize4u, put com on the end", "d:prize4u.com"),
    ("getzed ; co ; uk", "d:getzed.co.uk"),
    ("visit getzed -- com", "d:getzed.com"),
    ("hotdate4u , com tonight", "d:hotdate4u.com"),
    ("go to dbuknet||com", "d:dbuknet.com"),
    ("just reply subpoly to win", "k:subpoly"),
    ("reply 'pod' to claim", "k:pod"),
    ("msg subpoly to 8🌸1🌸6🌸1🌸8", "n:81618"),
    ("oh and, send sue to 8 9 5 5 5, Hi", "n:89555"),
    ("call 0🔥8🔥0🔥0 1🔥2🔥3 4🔥5🔥6", "n:0800123456"),
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
    # a second review, out of sample: 398 ordinary messages aimed at the forms as they then
    # were (77ae9b0), 162 read; 19 now, all contrived but 2 ("i think its shopify and then add
    # com to it"); its kinds:
    "Bora galera , com certeza vou",
    "Parabéns pelo jogo ontem 👏 com certeza o melhor em campo",
    "Oi! Vi seu anúncio , com garantia ainda?",
    "Selam 👋 biz yeni taşındık",
    "Merhaba , biz de Ankara'dayız",
    "Grind 💰 biz never sleeps",
    "Go to reception , info desk is on the left",
    "log on to teams , info is in the channel",
    "check tesco , co op and aldi for it",
    "head to training -- net session at 7",
    "look up photosynthesis online",
    "search ps5 on google for the price",
    "if u agree type yes back here",
    "hit reply and type yes if u can make it",
    "reply ok to join",
    "reply hi to join our book club",
    "leave your email in the reply and ill send the pdf of the notes",
    "Write the essay then add info at the end",
    "the password is football and add tv at the end",
]

test_read, _, test_talk_stays_talk = reading_tests(READ, (), TALK)
