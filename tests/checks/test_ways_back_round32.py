"""Ways back that round 32 (blind, tests/redteam32: every copy reworded, as a spammer with
a language model writes them) spelt and the reader missed, in our own words; each kind has
talk beside it that must stay talk (a review's ordinary messages aimed at the new forms).

A circle emoji for a link's dot ("prizehub⚫vip", "t⚫ly/x"); a site's ending in brackets
or after a plus ("prizehub (.site)", "prizehub + .shop"), a message that starts with it (a
link cut in two), commas for the dots of ".co.uk"; "tly/x" (t.ly without its dot); an
envelope emoji for an address's "@" ("deskteam 📧 yahoo"), "at g mail"; an emoji to send back
("reply 🎁 and i'll send it", "drop a 🔥 here"); a keyword's capitals spaced or hyphened
("reply P R I Z E", "reply V-I-P"); "type WORD below"; "say win n it's urs"; apps by a
nickname or misspelt before a handle ("the paper plane app: x_y", "my gram is x.y22",
"telegrm x22", "s.n.a.p x_y"), 📸 before a handle with 2 digits; "my pinned post" pointed
at; a message cut in two at its handle: an app named last ("add me, dc:"), then a message
that starts with a handle ("rosa_win58 lol")."""

from __future__ import annotations

from tests.checks.ways_back_cases import reading_tests

READ = [
    ("go to prizehub⚫vip to claim", "d:prizehub.vip"),
    ("it's all on t⚫ly/9kQz2 hun", "d:t.ly"),
    ("have a look: rb⚪gy/x7Yq2", "d:rb.gy"),
    ("details at prizehub (.site) x", "d:prizehub.site"),
    ("claim at prizehub [.shop] today", "d:prizehub.shop"),
    ("open prizehub + .shop on ur phone", "d:prizehub.shop"),
    ("sign in at prizehub,co,uk", "d:prizehub.co.uk"),
    ("sorted mine at tly/6u36ug", "d:t.ly"),
    ("write to deskteam 📧 yahoo for the voucher", "e:deskteam@yahoo.com"),
    ("msg prize.desk ✉️ outlook", "e:prize.desk@outlook.com"),
    ("drop a line to winnerdesk at g mail", "e:winnerdesk@gmail.com"),
    ("reply 🎁 and i'll send it over", "k:🎁"),
    ("just drop a 🔥 here to get it", "k:🔥"),
    ("send a 💜 if you want in", "k:💜"),
    ("reply P R I Z E before midnight", "k:prize"),
    ("just reply V-I-P x", "k:vip"),
    ("ur reward: reply C-A-S-H", "k:cash"),
    ("the paper plane app: rosa.win58", "h:rosa.win58"),
    ("find me on the ghost app, rosa_win58", "h:rosa_win58"),
    ("my gram is rosa.win58, add me", "h:rosa.win58"),
    ("talk on telegrm rosawin58?", "h:rosawin58"),
    ("s.n.a.p rosa_win58 is better for me", "h:rosa_win58"),
    ("u won! 👉 📸 rosawin58", "h:rosawin58"),
    ("rosawin58 — message me", "h:rosawin58"),
    ("rosa_win58 is better for me 📲", "h:rosa_win58"),
]

POINTED = [
    "(.site) 👀",
    "hmu my pinned post",
    "add me, my pinned post 😘",
    "r u single? my pinned post",
    "got u the voucher like i promised, add me, dc:",
    "yo msg me there: wechat:",
    ".shop on ur phone hun",
    "i'm more active on telegrm",
]

TALK = [
    "what did u think of my pinned post?",
    "my pinned post got 2k likes lol",
    "I deleted my pinned post",
    "blood type AB here",
    "📸 day_3 in rome",
    "📸 iphone15pro, no filter",
    "prize47 win13",
    "squad22 🔥 online now",
    "the snap was great",
    "my gram is visiting us this weekend",
    "reply yes or no",
    "send a pic when u get there",
    # the review's ordinary messages that the first version read
    "love⚫live is my comfort anime",
    "bought a black tank⚫top and cargo shorts",
    "us⚫uk trip is finally booked!!",
    "hoodie + .shop bag were a gift",
    "3,co,uk... i mean 3 coats for the uk winter lol",
    "tly/ttyl gotta go",
    "my work 📧 outlook keeps crashing",
    "mum 📧 hotmail 🙄 she never checks it",
    "landlord 📧 outlook reply was rude tbh",
    "reply 👍 and i'll book the table",
    "send a 💜 to ur mom from me",
    "comment 🔥 below my selfie pls lol i need the hype",
    "drop a 🎉 for my sister she passed her driving test!!",
    "text ❤ n go to sleep u need rest",
    "txt R S V P by sunday x",
    "in the form type NONE below if u have no allergies",
    "type PAID below ur name on the list once u send the money",
    "say dibs n it's urs",
    "my gram is mary_lou's best friend since school",
    "the camera app galaxy_s24 has night mode",
    "📸 summer23 dump finally",
    "📸 glasto24 mud everywhere",
    "ur comment on my pinned post made me cry",
    "my pinned post went viral omg",
    "omg my pinned post, my mum found it",
    "things i hate about snap:",
    "my top 3 apps: spotify, snap:",
    "summer22 — best summer ever",
    "room_104 msg me when ur outside",
    # a second review's
    ".shop domains are so pricey lol",
    ".site visit is at 9, hard hats required",
    ".co is fine imo",
    "does the kit include the (.site) template you mentioned in the video?",
    "Our company, Co, UK branch, is hiring, would you be interested?",
]


test_read, test_pointed, test_talk_stays_talk = reading_tests(READ, POINTED, TALK)
