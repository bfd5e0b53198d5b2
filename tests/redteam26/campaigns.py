"""Round 26: campaigns written blind from README.md, docs/*.md, rules/default.toml and issue 12.

Each spam sender takes one real spam text of the SMS corpus (a rotating one K of them) and gives
its ways back fresh values of the same kind (its own number, short code or site). What the
attacker read and acts on: every text is cut to 140 characters; a way back (number, link,
address, keyword, or a promotion's words) reaches 4 strangers a day (`links_to_strangers`),
and in 3 messages arms the 4-strangers-in-all limit; one text or one contact to a 5th stranger
in 6 hours is a cooldown; 12 strangers in 6 hours, 20 a day; a new group reaches 4 strangers
at once; texts under 8 letters and digits reach 4 strangers a day, texts under 32 are traced
only as near copies (0.8) unless they carry a way back."""
from __future__ import annotations

import random
import re
import zlib

from tests.redteam26.corpus import Spam, fresh_contact, spam_texts

MAX = 140

# --- folding: what normalize is said to fold, and letters it is said not to --------------------
_LOOK = {
    "a": "аɑα", "e": "еҽ", "o": "оοօɵ", "p": "рρ", "c": "сϲ", "x": "хχ", "y": "уү", "i": "іɩɨ",
    "n": "ոƞ", "u": "սʉ", "r": "ɍ", "b": "ƀ", "k": "κ", "h": "һ", "s": "ѕ", "l": "ӏ", "t": "ŧ",
}
_LEET = {"e": "3", "a": "4", "o": "0", "i": "1", "s": "5", "t": "7", "l": "1", "g": "9"}
_ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad"]


def fold_word(w: str, rng: random.Random, p: float) -> str:
    if w.startswith("\x01"):
        return w
    r = rng.random()
    if r < p / 2:
        w = w.upper()
    elif r < p:
        w = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in w)
    out = []
    for c in w:
        lc = c.lower()
        q = rng.random()
        if lc in _LOOK and q < p * 0.5:
            c = rng.choice(_LOOK[lc])
        elif lc in _LEET and q < p * 0.8:
            c = _LEET[lc]
        out.append(c)
        if c.isalpha() and rng.random() < p * 0.25:
            out.append(rng.choice(_ZW))
    w = "".join(out)
    if 3 <= len(w) <= 6 and rng.random() < p * 0.2:
        w = " ".join(w)
    return w


def change_digits(w: str, rng: random.Random) -> str:
    """Prices, codes and dates that are no way back: new digits per copy."""
    if w.startswith("\x01") or not re.search(r"\d{3}|[£$]\d|\d+p\b", w):
        return w
    return re.sub(r"\d", lambda m: str(rng.randrange(10)), w)


# --- spinning: synonym sets, fillers, reordered sentences ------------------------------------
_SETS = [
    ["won", "been awarded", "bagged", "scooped", "landed", "secured"],
    ["win", "bag", "scoop", "land", "take home"],
    ["prize", "reward", "award", "jackpot", "payout"],
    ["claim", "collect", "redeem", "pick up", "grab"],
    ["call", "ring", "phone", "dial", "give a bell to"],
    ["now", "today", "right away", "asap", "straight away"],
    ["free", "complimentary", "at no cost", "gratis", "on the house"],
    ["urgent", "important", "attention", "time sensitive", "act fast"],
    ["congratulations", "congrats", "well done", "great news", "good news"],
    ["mobile", "phone", "handset", "cell"],
    ["text", "txt", "sms", "message"],
    ["reply", "respond", "answer", "text back"],
    ["customer", "subscriber", "user", "member"],
    ["guaranteed", "assured", "certain", "definite"],
    ["cash", "money", "dosh", "pounds"],
    ["latest", "newest", "brand new", "hottest"],
    ["offer", "deal", "promotion", "bargain"],
    ["contact", "reach", "get hold of", "get in touch with"],
    ["you", "u", "ya"], ["your", "ur", "yr"], ["are", "r"], ["for", "4"], ["to", "2"],
    ["tonight", "2nite", "this evening"], ["before", "b4"], ["please", "pls", "plz"],
    ["chance", "opportunity", "shot"], ["week", "wk"], ["special", "exclusive", "unique"],
    ["selected", "chosen", "picked"], ["tried", "attempted"], ["just", "only", "simply"],
    ["get", "receive", "grab"], ["draw", "lottery", "sweepstake"],
    ["holiday", "vacation", "trip", "getaway"], ["entry", "ticket", "place"],
    ["send", "txt", "forward"], ["find out", "discover", "learn"], ["someone", "somebody"],
    ["sexy", "hot", "naughty"], ["meet", "hook up with", "date"], ["dating", "matchmaking", "singles"],
    ["tone", "ringtone", "tune"], ["awarded", "given", "granted"], ["valid", "good", "available"],
    ["great", "gr8", "fantastic", "amazing"], ["new", "fresh", "brand-new"], ["code", "ref", "pin"],
    ["expires", "ends", "runs out"], ["statement", "notice", "record"], ["account", "acct", "profile"],
    ["landline", "home phone", "fixed line"], ["pounds", "quid", "GBP"], ["delivery", "dispatch"],
]
_SYN = {w.lower(): s for s in _SETS for w in s}
_SYN_RE = re.compile(r"\b(" + "|".join(sorted((re.escape(w) for w in _SYN), key=len, reverse=True)) + r")\b",
                     re.I)
_FILLERS = ["hey", "ok so", "honestly", "listen", "btw", "no joke", "seriously", "just saying", "fyi",
            ":)", "lol", "trust me", "dont miss this", "wow", "really", "yeah", "basically", "oh and",
            "as promised", "quick note", "good news", "hiya", "right", "so", "anyway"]


def spin(body: str, rng: random.Random, p: float = 0.75, fillers: tuple[int, int] = (1, 3),
         reorder: bool = True) -> str:
    def sub(m: re.Match) -> str:
        w = m.group(0)
        if rng.random() > p:
            return w
        alt = rng.choice(_SYN[w.lower()])
        return alt.capitalize() if w[:1].isupper() else alt
    body = _SYN_RE.sub(sub, body)
    if reorder:
        sents = re.split(r"(?<=[.!?])\s+", body)
        if len(sents) > 1:
            rng.shuffle(sents)
            body = " ".join(sents)
    words = body.split()
    for _ in range(rng.randint(*fillers)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(_FILLERS))
    return " ".join(words)


# --- softening: a lure without a way back or the promotion words the README lists ------------
_SOFT = [
    (r"you(?:'ve| have)? (?:been )?(?:won|awarded|selected|chosen)|u (?:have )?won", "you got lucky"),
    (r"congratulations|congrats", "nice one"), (r"urgent!?", "quick one"), (r"won|awarded", "got"),
    (r"winners?", "lucky one"), (r"win|winning", "get"), (r"prizes?|rewards?|awards?|jackpot", "something nice"),
    (r"claim|redeem|collect", "pick up"), (r"free\w*|complimentary", "on the house"),
    (r"cash|money", "dosh"), (r"guaranteed", "for sure"), (r"mobiles?|phones?|handsets?|nokia", "blower"),
    (r"ringtones?|tones?|polys?", "tunes"), (r"txt|text|sms|msg", "write"),
    (r"reply|call|ring|dial|contact", "buzz"), (r"offers?|deals?|bonus|latest|discount", "thing"),
    (r"entry|draw|quiz|competition", "lucky dip"), (r"holidays?|cruise", "getaway"),
    (r"dating|sexy|horny|sex|xxx|chat", "company"), (r"customer|subscriber|account", "mate"),
    (r"vouchers?|gift|camera|video|dvd|ipod", "goodies"), (r"valued|exclusive|special|selected", "dear"),
    (r"unsubscribe|opt ?out|stop", ""), (r"pounds?|£\S*|\$\S+", "a tidy sum"),
    (r"delivery|receive|download", "get"), (r"service|network|club|member", "crew"),
    (r"laid|naughty|flirt|babe", "fun"), (r"T ?& ?Cs?\S*|\S*ppm\S*|\S*p/\S*|\S*150p\S*|pobox\S*|po box\S*", ""),
]
_SOFT_RE = [(re.compile(r"\b(?:" + a + r")\b", re.I), b) for a, b in _SOFT]
_ASKS = ["just answer this and I'll explain", "write back here if ur curious", "say hi back and I'll tell u more",
         "answer me here x", "tell me if u want to know more", "let me know here :)", "lmk if ur up for it",
         "drop me a line here", "answer and I'll fill u in", "ask me how"]


def soften(text: str, rng: random.Random) -> str:
    t = re.sub(r"\S*\d\S*", " ", text)
    t = re.sub(r"[#*&@/+<>()\[\]\"=~^_|\\]", " ", t)
    for pat, alt in _SOFT_RE:
        t = pat.sub(alt, t)
    t = re.sub(r"\b[A-Z]{2,}\b", lambda m: m.group(0).lower(), t)
    t = re.sub(r"\s+([.,!?])", r"\1", t)
    t = re.sub(r"[.!?,:;-]{2,}", ".", t)
    return re.sub(r"\s{2,}", " ", t).strip(" .,:;-!")


def alnum(s: str) -> int:
    return sum(c.isalnum() for c in s)


# --- personalising ---------------------------------------------------------------------------
_NAMES = ["Sarah", "Tom", "Jess", "Amir", "Chloe", "Dan", "Priya", "Mike", "Laura", "Ben", "Zoe", "Kwame",
          "Olivia", "Jack", "Fatima", "Liam", "Emma", "Raj", "Sophie", "Luke", "Hannah", "Marco", "Aisha"]
_GREET = ["Hi {n},", "Dear {n}", "Hey {n}!", "{n},", "Hello {n} -", "Gd evening {n}", "{n}!!", "Yo {n}"]
_SIGN = ["- {n}, Prize Team", "Regards, {n} (Customer Care)", "xx {n}", "~{n} @ head office", "Cheers, {n}",
         "Team {n}", "from {n} in claims"]
_REF = ["Ref: {c}", "your code {c}", "ID {c}", "claim no. {c}", "(#{c})", "PIN {c}", "ref {c}."]


def code(rng: random.Random) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(rng.randint(4, 7)))


def name_of(recipient: str) -> str:
    # a stable hash: str's hash() changes with each process (PYTHONHASHSEED), and the
    # measured floors with it
    return _NAMES[zlib.crc32(recipient.encode()) % len(_NAMES)]


class Campaign:
    """One spam sender: one real spam text, fresh ways back; ``text`` writes every copy anew."""

    name = "base"
    fold_p = 0.12

    def __init__(self, rng: random.Random, sid: str, spam: Spam | None = None):
        self.rng = rng
        self.sid = sid
        pool = [s for s in spam_texts() if s.has_contact]
        self.spam = spam or rng.choice(pool)
        self.contacts = {}
        for p in self.spam.parts:
            if p.startswith("\x00"):
                _, kind, orig = p.split("\x00")
                self.contacts.setdefault(orig, fresh_contact(kind, orig, rng))
        self.units = 0

    # the harness's questions
    def more(self) -> bool:
        return True

    def pace(self) -> float:
        return self.rng.uniform(120, 600)

    def next_unit(self) -> tuple[int, list]:
        self.units += 1
        return 1, [(0, "copy")]

    def way_back(self, kind, text: str) -> bool:
        return kind != "lure"

    def delivered(self, kind, recips) -> None:
        pass

    def refused(self, kind, codes: set[str]) -> None:
        pass

    # writing
    def body(self, spam: Spam | None = None) -> tuple[str, list[str]]:
        """The text with its ways back as placeholders, and those ways back (fresh)."""
        spam = spam or self.spam
        words, ways = [], []
        for p in spam.parts:
            if p.startswith("\x00"):
                orig = p.split("\x00")[2]
                ways.append(self.contacts.get(orig) or self.contacts.setdefault(
                    orig, fresh_contact(p.split("\x00")[1], orig, self.rng)))
                words.append(f"\x01{len(ways) - 1}\x01")
            else:
                words.append(p)
        return " ".join(words), ways

    def render(self, body: str, ways: list[str], fold: float | None = None, digits: bool = True,
               prefix: str = "", suffix: str = "") -> str:
        """Folds the copy and cuts the body's words (never a way back, the prefix or the
        suffix) until it fits 140 characters."""
        rng = self.rng
        fold = self.fold_p if fold is None else fold
        pre = [fold_word(w, rng, fold) for w in prefix.split()]
        suf = [fold_word(w, rng, fold) for w in suffix.split()]
        words = body.split()
        words = [change_digits(w, rng) if digits and rng.random() < 0.8 else w for w in words]
        words = [fold_word(w, rng, fold) for w in words]

        def full(ws: list[str]) -> str:
            s = " ".join(pre + ws + suf)
            if rng.random() < 0.3:
                s = s.replace(" ", "  ", rng.randint(1, 3))
            return re.sub("\x01(\\d+)\x01", lambda m: ways[int(m.group(1))], s)
        text = full(words)
        while len(text) > MAX:
            # cut the last word that is not a way back; keep the first way back at least
            idx = [i for i, w in enumerate(words) if not w.startswith("\x01")]
            ways_idx = [i for i, w in enumerate(words) if w.startswith("\x01")]
            if not idx:
                words = words[:-1] if len(ways_idx) > 1 else words
                if len(words) <= 1:
                    break
            else:
                drop = idx[-1] if rng.random() < 0.7 else rng.choice(idx)
                if len(ways_idx) > 1 and ways_idx[-1] > drop and rng.random() < 0.5:
                    drop = ways_idx[-1]
                del words[drop]
            text = re.sub("\x01(\\d+)\x01", lambda m: ways[int(m.group(1))], " ".join(pre + words + suf))
        return text[:MAX]

    def copy(self, recips=()) -> str:
        body, ways = self.body()
        return self.render(body, ways)

    def text(self, kind, recips) -> str:
        return self.copy(recips)


class Folded(Campaign):
    """One text; each copy with look-alike letters, invisible characters, case, spacing, digits."""
    name = "folded"
    fold_p = 0.25


class Personalised(Campaign):
    """A greeting with the recipient's name, a code, a signature; lightly folded."""
    name = "personalised"
    fold_p = 0.08

    def copy(self, recips=()) -> str:
        rng = self.rng
        body, ways = self.body()
        n = name_of(recips[0]) if len(recips) == 1 else "all"
        pre, suf = [rng.choice(_GREET).format(n=n)], []
        ref = rng.choice(_REF).format(c=code(rng))
        if rng.random() < 0.8:
            (pre if rng.random() < 0.5 else suf).append(ref)
        if rng.random() < 0.7:
            suf.append(rng.choice(_SIGN).format(n=rng.choice(_NAMES)))
        return self.render(body, ways, prefix=" ".join(pre), suffix=" ".join(suf))


class Spun(Campaign):
    """Spintax: synonym sets, 1 to 3 fillers, sentences reordered; lightly folded."""
    name = "spun"
    fold_p = 0.08

    def copy(self, recips=()) -> str:
        body, ways = self.body()
        return self.render(spin(body, self.rng), ways)


class Rotating(Campaign):
    """K templates (K from 2 to 200), each a corpus spam text with its own fresh way back, spun."""
    name = "rotating"
    KS = (2, 3, 5, 10, 33, 50, 100, 200)

    def __init__(self, rng, sid, spam=None):
        super().__init__(rng, sid, spam)
        pool = [s for s in spam_texts() if s.has_contact]
        self.k = rng.choice(self.KS)
        self.templates = rng.sample(pool, self.k)

    def copy(self, recips=()) -> str:
        body, ways = self.body(self.templates[(self.units - 1) % self.k])
        return self.render(spin(body, self.rng, p=0.5, fillers=(0, 2)), ways, fold=0.06)


class Groups(Campaign):
    """New groups of strangers, every group's text spun: the README says 4 at once, so groups
    of 3 or 4; a quarter of the senders try up to 19 first and are cut to 4 by the harness."""
    name = "groups"

    def __init__(self, rng, sid, spam=None):
        super().__init__(rng, sid, spam)
        self.big = rng.random() < 0.25

    def pace(self) -> float:
        return self.rng.uniform(600, 1500)

    def next_unit(self):
        self.units += 1
        size = self.rng.randint(5, 19) if self.big and self.units <= 2 else self.rng.randint(3, 4)
        return size, [(0, "copy")]

    def copy(self, recips=()) -> str:
        body, ways = self.body()
        return self.render(spin(body, self.rng, p=0.6), ways, fold=0.08)


class Split(Campaign):
    """One message in 2 or 3 parts seconds apart, the way back in the last; each part spun."""
    name = "split"

    def next_unit(self):
        self.units += 1
        n = self.rng.choice([2, 3])
        t, plan = 0.0, []
        for i in range(n):
            plan.append((t, ("part", i, n)))
            t += self.rng.uniform(3, 40)
        return 1, plan

    def way_back(self, kind, text) -> bool:
        return kind[1] == kind[2] - 1

    def text(self, kind, recips) -> str:
        _, i, n = kind
        body, ways = self.body()
        words = [w for w in body.split() if not w.startswith("\x01")]
        cut = [round(len(words) * j / n) for j in range(n + 1)]
        piece = " ".join(words[cut[i]:cut[i + 1]])
        piece = spin(piece, self.rng, p=0.7, fillers=(0, 1), reorder=False)
        if i == n - 1:
            piece = piece + " " + " ".join(f"\x01{j}\x01" for j in range(len(ways)))
        return self.render(piece, ways, fold=0.08)


class Slow(Campaign):
    """Paced under every threshold it read: a stranger every 31 minutes (under 12 in 6 hours),
    20 a day; its way back in 2 messages a day (3 would arm the 4-in-all limit), to one stranger
    each; the others get the spam text as a lure: no number, link or listed promotion word,
    spun apart, asking for an answer."""
    name = "slow"
    per_day = 20
    way_msgs = 2

    def __init__(self, rng, sid, spam=None):
        super().__init__(rng, sid, spam)
        self.way_at = set(rng.sample(range(self.per_day), self.way_msgs))
        self.kinds: list[str] = []

    def more(self) -> bool:
        return self.units < self.per_day

    def pace(self) -> float:
        return self.rng.uniform(1860, 2100)

    def next_unit(self):
        kind = "way" if self.units in self.way_at else "lure"
        self.units += 1
        return 1, [(0, kind)]

    def lure(self) -> str:
        rng = self.rng
        t = soften(self.spam.text, rng)
        t = spin(t, rng, p=0.8, fillers=(1, 3)) + " " + rng.choice(_ASKS)
        words = [fold_word(w, rng, 0.06) for w in t.split()]
        while len(" ".join(words)) > MAX and len(words) > 3:
            del words[rng.randrange(len(words) - 1)]
        return " ".join(words)

    def text(self, kind, recips) -> str:
        if kind == "lure":
            return self.lure()
        body, ways = self.body()
        return self.render(spin(body, self.rng), ways)


class Short(Slow):
    """Texts of 8 to 31 letters and digits, a new cut of the spam text per copy (under the
    tracing minimum; near copies only at 0.8); its way back ("<hook> <number>") in 2 messages a
    day; a stranger every 5 to 15 minutes."""
    name = "short"

    def pace(self) -> float:
        return self.rng.uniform(300, 900)

    def more(self) -> bool:
        return True

    def next_unit(self):
        kind = "way" if self.units in self.way_at else "lure"
        self.units += 1
        return 1, [(0, kind)]

    def hook(self, lo: int = 10, hi: int = 28) -> str:
        rng = self.rng
        words = spin(soften(self.spam.text, rng), rng, p=0.8, fillers=(0, 1), reorder=False).split()
        starts = [0] + [k + 1 for k, w in enumerate(words[:-1]) if w[-1:] in ".!?,"]
        for _ in range(30):
            i = rng.choice(starts)
            j = i
            while j < len(words) and alnum(" ".join(words[i:j])) < rng.randint(lo, hi):
                j += 1
            s = " ".join(words[i:j])
            if 8 <= alnum(s) < 32 and len(s.split()) >= 3:
                return s
        return "u there? got sth 4 u"

    def text(self, kind, recips) -> str:
        rng = self.rng
        if kind == "lure":
            s = self.hook() + " " + rng.choice(["?", "!!", " x", " :)", " lol", "", " ..."])
            return " ".join(fold_word(w, rng, 0.1) for w in s.split())
        way = next(iter(self.contacts.values()))
        s = self.hook(4, 12) + " " + way
        return s


class Mix(Campaign):
    """2 or 3 of the tactics above; each unit one of them at random."""
    name = "mix"

    def __init__(self, rng, sid, spam=None):
        super().__init__(rng, sid, spam)
        names = rng.sample([n for n in TACTICS if n != "mix"], rng.choice([2, 3]))
        self.subs = [TACTICS[n](rng, sid, self.spam) for n in names]
        for s in self.subs:
            s.contacts = self.contacts
        self.cur = 0

    def more(self) -> bool:
        return any(s.more() for s in self.subs)

    def pace(self) -> float:
        return self.subs[self.cur].pace()

    def next_unit(self):
        live = [i for i, s in enumerate(self.subs) if s.more()]
        self.cur = self.rng.choice(live)
        size, plan = self.subs[self.cur].next_unit()
        return size, [(d, (self.cur, k)) for d, k in plan]

    def way_back(self, kind, text) -> bool:
        return self.subs[kind[0]].way_back(kind[1], text)

    def text(self, kind, recips) -> str:
        return self.subs[kind[0]].text(kind[1], recips)


TACTICS: dict[str, type[Campaign]] = {
    c.name: c for c in (Folded, Personalised, Spun, Rotating, Groups, Split, Slow, Short, Mix)}
