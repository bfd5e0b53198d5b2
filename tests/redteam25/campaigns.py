"""Round 25's spam campaign families, written blind from README.md, docs/*.md and rules/default.toml.

Each family is one idea of an adaptive spammer against the content detector (how texts are
compared, the duplicates rule) or the reader of ways back. Every copy and every retry is a new
text. The offers are the SMS Spam Collection's own (a cash draw, a holiday, a phone upgrade,
ringtones, chat lines, loans, a secret admirer, jobs), retold in words a person uses; the
campaign paces itself under the strangers rules it read (12 in 6 hours, 20 a day) and changes
its way back when a refusal says it was read.

Interface used by tests.redteam24.harness.run_sender: ``sid``, ``name``, ``next_size()``,
``plan()`` -> [(delay, kind)], ``text(kind)``, ``pace()``, ``after_refusal(codes)``.
"""
from __future__ import annotations

import random
import string
from typing import ClassVar

from tests.redteam25.corpus import load, stripped_spam, talk

MAX = 140

FIRST = ["Rosie", "Kayla", "Marisol", "Jenna", "Amber", "Chloe", "Nadia", "Leah", "Tasha", "Imogen",
         "Darren", "Marcus", "Gavin", "Lewis", "Connor", "Priya", "Rohan", "Anika", "Bella", "Sienna"]
LAST = ["Hartwell", "Ashdown", "Pembroke", "Whitlock", "Fairbairn", "Kingsley", "Marlowe", "Thornton",
        "Blackwood", "Ellery", "Hollins", "Carrow", "Wexley", "Danvers", "Stroud", "Vega", "Okafor"]
BRAND_A = ["Sunny", "Golden", "Bright", "Lucky", "Summit", "Harbour", "Crown", "Silver", "Maple", "Northgate",
           "Bluebell", "Redwood", "Kestrel", "Orchard", "Meadow"]
BRAND_B = ["Rewards", "Claims Desk", "Lettings", "Loans", "Holidays", "Mobile Direct", "Savings", "Partners",
           "Assist", "Benefits", "Treats", "Circle", "Club Online", "Finance", "Getaways"]
NAMES_TO = ["Sam", "Jess", "Tom", "Ellie", "Mo", "Becky", "Dan", "Aisha", "Kev", "Laura", "Jay", "Nat", "Chris",
            "Hannah", "Liam", "Zoe", "Ravi", "Megan", "Ollie", "Sophie"]
MAIL_HOSTS = ["tuta", "posteo", "mailfence", "disroot", "runbox", "pm", "gmx", "zoho", "tutanota", "hushmail"]

# Offers of the corpus's spam, retold: each a bank of hooks (what it is) and asks (why write back).
OFFERS = {
    "draw": {
        "hook": ["your number came up in this month's draw", "you're one of 3 people picked out of the summer draw",
                 "there's nine hundred quid set aside in your name", "your name was pulled out in last week's draw",
                 "you came out on top in our monthly draw, no joke", "a thousand pounds is sitting here with your name on it",
                 "you've landed the big one from the summer draw", "your entry from the spring draw just came good",
                 "we tried to reach you about the two grand from the draw", "a cheque for 2k is waiting on you"],
        "ask": ["it just needs your ok before Friday", "it goes back in the pot if nobody picks it up",
                "I only need a name and an address to send it", "it takes two minutes to sort",
                "the window closes at the weekend", "you don't pay a penny for it"],
    },
    "holiday": {
        "hook": ["you've got a week in Tenerife for two sorted", "there's a sun break in Spain booked in your name",
                 "you're down for a 4 night city break, flights included", "a week away in Cyprus is yours if you want it",
                 "our travel lot have a family getaway set aside for you", "you've bagged a cruise for two this autumn"],
        "ask": ["just pick your dates", "only the dates need confirming", "they need to hear from you this week",
                "it's all paid, you just turn up", "I can hold it till Sunday"],
    },
    "phone": {
        "hook": ["your line is due a new handset on us", "you're owed an upgrade to the newest camera phone",
                 "after 11 months with your network you can have the latest handset",
                 "your contract qualifies for a brand new phone at no cost", "you can swap to the newest model today"],
        "ask": ["they just need a quick yes", "the courier can bring it tomorrow", "it's first come first served",
                "your old one can go back in the same box"],
    },
    "chat": {
        "hook": ["I'm new round here and a bit bored tonight", "a friend showed me your pic, you look fun",
                 "some girls near you want to chat tonight", "I'm Kayla, 24, and honestly looking for company",
                 "there's someone who fancies you and wants you to know", "a secret admirer of yours wants to say hi"],
        "ask": ["come say hi properly", "tell me something about you", "I'll show you a pic of me", "don't be shy",
                "I'm up late anyway"],
    },
    "loan": {
        "hook": ["you could have up to 5k in your account by tomorrow", "homeowners near you are clearing their debts",
                 "your old credit card charges might be owed back to you", "you may be due a refund from your bank of a few grand",
                 "we can take your debts into one small monthly amount", "tenants can now get help with old debts"],
        "ask": ["bad history doesn't matter", "it's a quick chat, no forms", "most people hear back the same day",
                "there's nothing to pay up front"],
    },
    "job": {
        "hook": ["we need people to test apps from home for a few hours a day", "there's part of a team free for evening work",
                 "you could make 300 a week from your phone", "we're looking for people to rate hotels online",
                 "a friend of mine is taking on mystery shoppers in your area"],
        "ask": ["no experience needed", "you get paid every Friday", "spaces go quick", "training's done in a day"],
    },
    "tunes": {
        "hook": ["your phone can have this week's top 10 tunes", "we've got the chart songs as ringing sounds for your phone",
                 "a new jingle for your phone is ready to go", "the number one song can be your ringing sound tonight"],
        "ask": ["it takes a minute", "pick any three you like", "just say which ones"],
    },
}
OPEN = ["Hi", "Hey", "Hiya", "Hello", "Hey hun", "Hi there", "Morning", "Evening", "Hey you", "Good news", "Quick one",
        "Sorry to bother you", "Hope you're well", "Hey stranger", "Oh hi", "Listen", "Not spam I promise", "Heads up"]
GLUE = [", ", " - ", ". ", "! ", "... ", " :) "]


def fit(text: str, limit: int = MAX) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,-:")


def keep(before: str, way: str, after: str = "", limit: int = MAX) -> str:
    """The way back whole; what comes before it cut at a word to fit."""
    way = " ".join(way.split())
    after = " ".join(after.split())
    room = limit - len(way) - len(after) - 2
    before = " ".join(before.split())
    if len(before) > room:
        cut = fit(before, max(0, room))
        at = max(cut.rfind(c) for c in ".!?,-")
        before = (cut[:at].rstrip(" ,-") + ".") if at > 10 else ("" if room < 12 else cut.rstrip(" ,-:") + ",")
    out = f"{before} {way}" if before else way
    if after:
        out += " " + after
    return fit(out, limit)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


class Persona:
    def __init__(self, rng: random.Random) -> None:
        self.first = rng.choice(FIRST)
        self.last = rng.choice(LAST)
        self.brand = f"{rng.choice(BRAND_A)} {rng.choice(BRAND_B)}"
        self.handle = (self.first + self.last + rng.choice(["", "x", "xo", "official", "uk", "love", "real"])).lower()
        self.word = rng.choice(["sunshine", "treat", "yes please", "goodies", "ready", "deal", "me", "go", "now", "mine"])
        self.site = (rng.choice(BRAND_A) + rng.choice(["vault", "perks", "deals", "draws", "wins", "treats", "getaway"])).lower()
        self.host = rng.choice(MAIL_HOSTS)
        self.number = "07" + "".join(rng.choice(string.digits) for _ in range(9))
        self.offer = rng.choice(list(OFFERS))


# ---- numbers a person still reads --------------------------------------------------------------
EN = "oh one two three four five six seven eight nine".split()
ES = "cero uno dos tres cuatro cinco seis siete ocho nueve".split()
FR = "zéro un deux trois quatre cinq six sept huit neuf".split()
DE = "null eins zwei drei vier fünf sechs sieben acht neun".split()
TENS = {"2": "twenty", "3": "thirty", "4": "forty", "5": "fifty", "6": "sixty", "7": "seventy", "8": "eighty",
        "9": "ninety"}
EMOJI_SEP = ["✨", "💋", "🔥", "🌸", "👉", "•", "💕", "⭐", "~"]


def groups_of(number: str, rng: random.Random) -> list[str]:
    cuts = rng.choice([(3, 3, 2, 3), (5, 3, 3), (4, 3, 4), (3, 4, 4), (2, 3, 3, 3), (5, 6)])
    out, i = [], 0
    for c in cuts:
        out.append(number[i:i + c])
        i += c
    return out


def say_group(g: str, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.25:
        return g
    if style < 0.45 and len(g) >= 2 and len(set(g)) == 1:
        return ("double " if len(g) == 2 else "triple ") + EN[int(g[0])]
    if style < 0.55 and len(g) == 2 and g[0] in TENS:
        return TENS[g[0]] + ("" if g[1] == "0" else " " + EN[int(g[1])])
    lang = rng.choice([EN, EN, ES, FR, DE])
    words = []
    i = 0
    while i < len(g):
        if i + 1 < len(g) and g[i] == g[i + 1] and lang is EN and rng.random() < 0.6:
            words.append("double " + EN[int(g[i])])
            i += 2
        else:
            words.append(lang[int(g[i])])
            i += 1
    return " ".join(words)


def spoken_number(number: str, rng: random.Random) -> str:
    parts = [say_group(g, rng) for g in groups_of(number, rng)]
    seps = [", then ", ", ", " - ", " / ", " and ", ", after that ", " ... "]
    out = parts[0]
    for p in parts[1:]:
        out += rng.choice(seps) + p
    return out


def emoji_number(number: str, rng: random.Random) -> str:
    e = rng.choice(EMOJI_SEP)
    return f" {e} ".join(groups_of(number, rng)) if rng.random() < 0.5 else e.join(number[i:i + 2] for i in range(0, 11, 2))


def disguised_number(number: str, rng: random.Random) -> str:
    """Groups passed off as a date, a time, prices, a year: a person copies the digits."""
    a, b, c, d = number[:3], number[3:5], number[5:7], number[7:]
    forms = [
        f"starts {a}, then the date {b}/{c}, then {d}",
        f"it's {a} and then {b}:{c} like a time, and {d} to finish",
        f"{a} then {b}.{c} like a price, then {d}",
        f"write down {a}, then my birthday {b} {c}, then the year {d}",
        f"{a} (area bit), {b}-{c} (like the date), {d} (last bit)",
        f"number's {a}, room {b}{c}, flat {d} lol just put them together",
        f"£{a[1:]}.{b} + {c} pence + {d} - that's the number, put a 0 in front",
    ]
    return rng.choice(forms)


def letter_digits(number: str, rng: random.Random) -> str:
    """Lower-case letters for digits: o for 0, l for 1, z for 2, e for 3 backwards? no: only those a reader sees."""
    m = {"0": "o", "1": "l", "2": "z", "5": "s", "8": "b"}
    out = "".join(m.get(ch, ch) if rng.random() < 0.8 else ch for ch in number)
    return " ".join(out[i:i + 4] for i in range(0, len(out), 4)) if rng.random() < 0.5 else out


# ---- ways back that are no number ---------------------------------------------------------------
APPS = ["the green chat app (the one with the phone in a bubble)", "the app with the paper plane", "the purple camera app",
        "the yellow app with the little ghost", "the blue messenger one", "wsp", "the snaps app", "telly (the plane one)",
        "the app with the camera logo", "insta", "the other app, the green one", "WA", "tiktok", "the picture app"]


def app_handle(p: Persona, rng: random.Random) -> str:
    app = rng.choice(APPS)
    name = p.handle if rng.random() < 0.6 else f"{p.first} {p.last}"
    return rng.choice([
        f"I'm on {app} as {name}", f"find me on {app}, just search {name}", f"add {name} on {app}",
        f"message me on {app}, I'm {name} there", f"I'm {name} on {app}, talk there", f"{app}: {name}",
        f"easier on {app} - {name}", f"look for {name} on {app}, same pic as here",
    ])


def google_name(p: Persona, rng: random.Random) -> str:
    return rng.choice([
        f"google {p.brand} and use the chat box on their page", f"just search {p.brand} online, it's the first result",
        f"look up {p.brand}, the website has a form", f"type {p.brand} into google and ask for {p.first}",
        f"search for {p.brand} Ltd, they'll confirm it", f"it's all on {p.brand}'s site if you search them",
        f"ask for {p.first} {p.last} at {p.brand}, google them",
    ])


def site_words(p: Persona, rng: random.Random) -> str:
    s = p.site
    return rng.choice([
        f"pop {s} into your browser, it's the co uk one", f"the site is {s} with the usual com on the end",
        f"it's {s} (all one word) and then the UK ending", f"go to {s}·co·uk", f"tinyurl then a slash then {s}",
        f"type {s} plus com, no spaces", f"bitly forward slash {s}", f"{s} , com ending, not the net one",
        f"{s} [co] [uk]", f"{s} then com, you'll see the form", f"search bar: {s} and then com",
    ])


def mail_words(p: Persona, rng: random.Random) -> str:
    n = rng.choice([f"{p.first.lower()}{p.last.lower()}", f"{p.first.lower()} {p.last.lower()}", p.handle])
    return rng.choice([
        f"drop me an email, {n} at {p.host}", f"write to {n}, the {p.host} address", f"email {n} on {p.host} mail",
        f"my email's {n} @ {p.host} (dot com)", f"{n} at {p.host} mail, send me your details",
        f"mail me: {n} - it's a {p.host} one",
    ])


def reply_kw(p: Persona, rng: random.Random) -> str:
    w = p.word
    return rng.choice([
        f"just reply '{w}' and it's done", f"send me the word {w} and I'll sort the rest", f"answer with {w} to keep it",
        f"say {w} back if you want it", f"a quick '{w}' back is all I need", f"text me {w} and I'll send it over",
        f"write {w} under this and it's yours", f"if you're in, just answer {w}",
    ])


def voice_pic(p: Persona, rng: random.Random) -> str:
    sp = spoken_number(p.number, rng)
    return rng.choice([
        f"🎤 voice note (0:0{rng.randint(5, 9)}) \"ring me back on {sp}\"",
        f"[photo: a post-it on a fridge that says {sp}]", f"📷 screenshot: 'call {p.first} - {sp}'",
        f"(pic of my business card - {sp})", f"🖼 the number on the flyer is {sp}",
    ])


WAYS = {
    "spoken": lambda p, r: rng_pick(r, ["ring me on", "my number's", "call me on", "text me on", "it's"]) + " "
    + spoken_number(p.number, r),
    "emoji": lambda p, r: rng_pick(r, ["my number", "call", "text me", "wsp"]) + ": " + emoji_number(p.number, r),
    "disguised": lambda p, r: rng_pick(r, ["my number's easy:", "save it:", "ring me, it's easy:"]) + " "
    + disguised_number(p.number, r),
    "letters": lambda p, r: rng_pick(r, ["ring", "call me", "text", "my no is"]) + " " + letter_digits(p.number, r),
    "app": app_handle, "google": google_name, "site": site_words, "mail": mail_words, "reply": reply_kw,
    "voice": voice_pic,
}


def rng_pick(rng: random.Random, xs: list[str]) -> str:
    return rng.choice(xs)


# ---- the base campaign ---------------------------------------------------------------------------
class Campaign:
    name = "base"
    ways: tuple[str, ...] = ("app",)

    def __init__(self, rng: random.Random, sid: str) -> None:
        self.rng = rng
        self.sid = sid
        self.p = Persona(rng)
        self.way_order = list(self.ways)
        rng.shuffle(self.way_order)
        self.way_i = 0
        self.refused: list[set[str]] = []

    # pacing: under 12 strangers in 6 hours and 20 a day
    def next_size(self) -> int:
        return 1

    def plan(self) -> list[tuple[float, str]]:
        return [(0.0, "payload")]

    def pace(self) -> float:
        return self.rng.uniform(1850, 2300) * self.next_size_hint()

    def next_size_hint(self) -> int:
        return 1

    def after_refusal(self, codes: set[str]) -> None:
        self.refused.append(codes)
        if codes & {"links_to_strangers", "duplicate_contact"}:
            self.way_i += 1          # that way back was read: the next one
        if "duplicate_content" in codes:
            self.p.offer = self.rng.choice(list(OFFERS))

    def way(self) -> str:
        w = self.way_order[self.way_i % len(self.way_order)]
        return WAYS[w](self.p, self.rng)

    def pitch(self) -> str:
        o = OFFERS[self.p.offer]
        r = self.rng
        return cap(r.choice(o["hook"])) + r.choice([". ", ", ", " - "]) + r.choice(o["ask"])

    def text(self, kind: str) -> str:
        r = self.rng
        return keep(f"{r.choice(OPEN)}{r.choice(GLUE)}{self.pitch()}.", cap(self.way()))


# 1. an LLM-like paraphrase per copy: banks of openers, hooks, asks, closers combined, and a signature
class Paraphrase(Campaign):
    name = "paraphrase"
    ways = ("google",)
    CLOSE = ("Cheers", "Thanks!", "Speak soon", "x", "Have a good one", "Take care", "Ta", "Bye for now", "", "",
             "Talk later", "All the best")

    def text(self, kind: str) -> str:
        r = self.rng
        o = OFFERS[self.p.offer]
        hook, ask, way = r.choice(o["hook"]), r.choice(o["ask"]), self.way()
        sig = f"{r.choice(self.CLOSE)} {r.choice(['', self.p.first, '- ' + self.p.first])}".strip()
        if r.random() < 0.5:
            return keep(f"{r.choice(OPEN)}{r.choice(GLUE)}{cap(hook)}{r.choice(GLUE)}{ask}.", cap(way) + ".", sig)
        return keep(f"{r.choice(OPEN)}{r.choice(GLUE)}", cap(way) + ",", f"{hook}{r.choice(GLUE)}{ask}. {sig}")


# 2. a phone number said in groups: words of 3 languages, "double", tens, joined by words
class Spoken(Campaign):
    name = "spoken"
    ways = ("spoken",)


# 3. digits between emoji, two at a time or in groups
class EmojiNum(Campaign):
    name = "emojinum"
    ways = ("emoji",)


# 4. the number passed off as a date, a time, a price, a year
class Disguised(Campaign):
    name = "disguised"
    ways = ("disguised",)


# 5. a site said without a dot: "the co uk one", "·co·uk", "bitly forward slash x"
class Dotless(Campaign):
    name = "dotless"
    ways = ("site",)


# 6. an app named in words or by a nickname, a handle with no digit or "_"
class AppHandle(Campaign):
    name = "apphandle"
    ways = ("app",)


# 7. "reply with X": a lower-case keyword, quoted, after the ask
class ReplyWord(Campaign):
    name = "replyword"
    ways = ("reply",)


# 8. a natural opener first; the payload only in a second message, once the first was delivered
class TwoStep(Campaign):
    name = "twostep"
    ways = ("mail", "app", "google", "reply")
    OPENERS = (
        "hey! thanks for the follow, your posts are lovely. how's your week going?",
        "hiya, think we met at Jess's thing ages ago? anyway hope you're doing ok",
        "hello :) sorry random message, I just wanted to say your page made me smile today",
        "hi! saw you followed me, I'm {f}. what got you into all this then?",
        "hey, hope you don't mind me messaging, you seem really nice from your posts",
        "morning! are you the one who posted the dog pics last week? so cute",
        "hey hun, random but I love your style. where are you based?",
        "hi there, {f} here, just going through my new followers to say hello properly",
        "oh hey! you popped up in my suggestions, think we know some of the same people",
        "hello! hope your weekend was good, mine was chaos lol",
    )

    def plan(self) -> list[tuple[float, str]]:
        return [(0.0, "opener"), (self.rng.uniform(1200, 5400), "payload")]

    def text(self, kind: str) -> str:
        r = self.rng
        if kind == "opener":
            t = r.choice(self.OPENERS).format(f=self.p.first)
            return fit(t + r.choice(["", " x", " :)", " 😊", "!", " haha"]))
        lead = r.choice(["anyway, the reason I messaged:", "btw", "so, honestly", "ok so", "random but",
                         "I should say,", "oh and"])
        return keep(f"{lead} {self.pitch().lower()}.", cap(self.way()))


# 9. 120 templates in rotation, each from a real spam text of the corpus (its number and trade
#    words said otherwise), a new way back of 4 kinds
class Rotate120(Campaign):
    name = "rotate120"
    ways = ("google", "app", "mail", "site")

    def __init__(self, rng: random.Random, sid: str) -> None:
        super().__init__(rng, sid)
        self.templates = rng.sample(stripped_spam(), 120)
        self.k = 0

    def text(self, kind: str) -> str:
        r = self.rng
        t = self.templates[self.k % len(self.templates)]
        self.k += 1
        return keep(f"{r.choice(OPEN)}{r.choice(GLUE)}{cap(t)}.", cap(self.way()))


# 10. new groups of 2 to 4 strangers, each text spun apart, the way back an app in words
class SmallGroups(Campaign):
    name = "smallgroups"
    ways = ("app", "mail", "google")

    def __init__(self, rng: random.Random, sid: str) -> None:
        super().__init__(rng, sid)
        self._size = rng.randint(2, 4)

    def next_size(self) -> int:
        self._size = self.rng.randint(2, 4)
        return self._size

    def next_size_hint(self) -> int:
        return self._size

    def text(self, kind: str) -> str:
        r = self.rng
        hi = r.choice(["Hi all", "Hey guys", "Hiya everyone", "Hello you lot", "Hi both/all", "Morning gang"])
        return keep(f"{hi}{r.choice(GLUE)}{self.pitch()}.", cap(self.way()))


# 11. personalised: the recipient's name, a reference code, a signature; the way back an address said
class Personal(Campaign):
    name = "personal"
    ways = ("mail", "google")

    def text(self, kind: str) -> str:
        r = self.rng
        ref = "".join(r.choice(string.ascii_uppercase) for _ in range(2)) + str(r.randint(100, 9999))
        who = r.choice(NAMES_TO)
        greet = r.choice([f"Hi {who}", f"Dear {who}", f"{who}!", f"Hey {who}", f"Hello {who}, hope all's well"])
        sig = r.choice([f"{self.p.first}, {self.p.brand}", f"- {self.p.first} ({self.p.brand})", f"{self.p.first} x",
                        f"Kind regards, {self.p.first} {self.p.last}"])
        return keep(f"{greet}, {self.pitch().lower()}.", f"Your ref is {ref}. {cap(self.way())}.", sig)


# 12. invisible characters and look-alike letters of rarer tables; a number with letters for digits
ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u180e"]
LOOK = {"a": ["а", "ɑ", "α"], "e": ["е", "ҽ", "ė"], "o": ["о", "ο", "օ", "ᴏ"], "i": ["і", "ı", "ɩ"],
        "c": ["с", "ϲ", "ᴄ"], "p": ["р", "ρ"], "s": ["ѕ", "ꜱ"], "y": ["у", "ү"], "n": ["ո", "ռ"], "u": ["ս", "ᴜ"],
        "h": ["һ"], "l": ["ӏ", "ℓ"], "w": ["ԝ", "ᴡ"], "r": ["г", "ʀ"], "t": ["ᴛ", "т"], "m": ["ᴍ", "м"]}


def disguise(text: str, rng: random.Random, share: float = 0.35) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in LOOK and ch == low and rng.random() < share:
            out.append(rng.choice(LOOK[low]))
        else:
            out.append(ch)
        if ch.isalpha() and rng.random() < 0.12:
            out.append(rng.choice(ZW))
    return "".join(out)


class Invisible(Campaign):
    name = "invisible"
    ways = ("letters", "app", "mail")

    def text(self, kind: str) -> str:
        r = self.rng
        body = f"{r.choice(OPEN)}{r.choice(GLUE)}{self.pitch()}"
        return keep(disguise(body, r) + ".", cap(self.way()))


# 13. two languages mixed: Spanish, French or Hindi in Latin letters with English
class Bilingual(Campaign):
    name = "bilingual"
    ways = ("app", "google", "mail", "spoken")
    LEADS: ClassVar[dict[str, list[str]]] = {
        "es": ["Hola guapo!", "Hola, qué tal?", "Oye, mira esto:", "Buenas!", "Hola cariño,"],
        "fr": ["Coucou!", "Salut toi,", "Bonjour!", "Hé, regarde:", "Salut, ça va?"],
        "hi": ["Namaste ji,", "Arre yaar,", "Bhai sun,", "Hello ji, kaise ho?", "Suno,"],
    }
    MIDS: ClassVar[dict[str, list[str]]] = {
        "es": ["tengo algo para ti -", "es de verdad, te lo juro,", "no es broma:", "mira,"],
        "fr": ["j'ai un truc pour toi -", "c'est pas une blague,", "écoute,", "vite fait:"],
        "hi": ["ek kaam ki baat hai -", "sach mein,", "bas itna sun,", "bilkul free hai yaar,"],
    }
    ENDS: ClassVar[dict[str, list[str]]] = {
        "es": ["escríbeme allí", "te espero", "hablamos allí, besos", "no tardes"],
        "fr": ["écris-moi là-bas", "je t'attends", "à tout de suite", "bisous"],
        "hi": ["wahan baat karte hain", "jaldi karo", "wahan msg karo", "der mat karna"],
    }

    def text(self, kind: str) -> str:
        r = self.rng
        lang = r.choice(list(self.LEADS))
        return keep(f"{r.choice(self.LEADS[lang])} {r.choice(self.MIDS[lang])} {self.pitch().lower()}.",
                    f"{cap(self.way())},", r.choice(self.ENDS[lang]))


# 14. very short texts: 8 to 25 letters, each copy different, a handle or a name to search
class Tiny(Campaign):
    name = "tiny"
    ways = ("app",)

    def text(self, kind: str) -> str:
        r = self.rng
        h = self.p.handle
        forms = [f"snap me: {h}", f"add {h} on insta x", f"wsp? I'm {h}", f"{h} on tele 😘", f"find {h} on the ghost app",
                 f"hi! I'm {h} on snap", f"come chat, {h} on kik", f"{h} - my insta", f"bored? snap {h}",
                 f"psst, {h} on wsp", f"{self.p.first} here, snap {h}", f"u cute. snap: {h}", f"add me, {h} (snap)",
                 f"lonely? {h} on ig", f"{h} on telly x", f"dm {h} on ig babe"]
        return r.choice(forms) + r.choice(["", " x", "!", " 😊", " ;)", " 💋", ""])


# 15. near the 140-character limit: ordinary sentences of the corpus's ham around the pitch
class Long140(Campaign):
    name = "long140"
    ways = ("google", "app", "mail", "reply")

    def text(self, kind: str) -> str:
        r = self.rng
        way = cap(self.way()) + "."
        t = f"{talk(r).rstrip('.!?')}. {self.pitch()}."
        while len(t) + len(way) < 150:
            t = f"{talk(r).rstrip('.!?')}. {t}" if r.random() < 0.5 else f"{t} {talk(r)}"
        return keep(t, way)


# 16. the number in a picture's or a voice note's description
class VoicePic(Campaign):
    name = "voicepic"
    ways = ("voice",)


class Mix(Campaign):
    """Every family at once: each copy drawn from 3 to 5 of them, per sender."""
    name = "mix"

    def __init__(self, rng: random.Random, sid: str) -> None:
        super().__init__(rng, sid)
        names = [n for n in TACTICS if n != "mix"]
        picked = rng.sample(names, rng.randint(3, 5))
        self.parts = [TACTICS[n](random.Random(rng.random()), sid) for n in picked]
        for c in self.parts:
            c.p = self.p
        self.cur = rng.choice(self.parts)

    def next_size(self) -> int:
        self.cur = self.rng.choice(self.parts)
        return self.cur.next_size()

    def next_size_hint(self) -> int:
        return self.cur.next_size_hint()

    def plan(self) -> list[tuple[float, str]]:
        cur = self.cur
        return [(d, f"{self.parts.index(cur)}|{k}") for d, k in cur.plan()]

    def pace(self) -> float:
        return self.cur.pace()

    def text(self, kind: str) -> str:
        i, k = kind.split("|")
        return self.parts[int(i)].text(k)

    def after_refusal(self, codes: set[str]) -> None:
        for c in self.parts:
            c.after_refusal(codes)


TACTICS: dict[str, type[Campaign]] = {c.name: c for c in (
    Paraphrase, Spoken, EmojiNum, Disguised, Dotless, AppHandle, ReplyWord, TwoStep, Rotate120, SmallGroups,
    Personal, Invisible, Bilingual, Tiny, Long140, VoicePic, Mix)}

_ = load  # the corpus's loader, re-exported for callers that want its spam
