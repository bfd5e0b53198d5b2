"""Spam campaigns of round 22, written blind (README, docs/*.md and the rules only).

Every campaign starts from the real spam of the SMS Spam Collection, read at run time.
The attacker knows what the docs say: duplicates at the 5th recipient in 6 hours (0.5
alike, 0.25 with a contact, traced from 32 letters and digits, 12 with a contact, from 8
as near copies at 0.8), one number or link to a 5th stranger in 6 hours, a way back or a
promotion to 4 strangers a day, ways back in 3 messages arm a limit of 4 strangers, 12
strangers in 6 hours, 20 a day, 4 at once in a new group or a conversation the sender
started, texts under 8 letters and digits to 4 strangers a day. It does not know the
reader's word lists beyond the examples the docs print.

A generator is a ``Tactic``: ``next(ctx)`` gives the next ``Msg`` (one to three parts,
the number of new strangers it wants, how the group is made, the waits), ``respin``
a fresh text for a retry after a refusal.
"""
from __future__ import annotations

import html
import random
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "sms_spam_collection.tsv"
MAX_CHARS = 140


# --------------------------------------------------------------------------- corpus

def load_corpus(path: Path | str = CORPUS) -> tuple[list[str], list[str]] | None:
    """(ham, spam) texts of the SMS Spam Collection, or None when the file is absent."""
    path = Path(path)
    if not path.is_file():
        return None
    ham, spam = [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            label, _, text = line.rstrip("\n").partition("\t")
            text = " ".join(html.unescape(text).split())
            if not text:
                continue
            if label == "spam":
                spam.append(text)
            elif label == "ham":
                ham.append(text)
    seen: set[str] = set()
    uniq = [t for t in spam if not (t in seen or seen.add(t))]
    return ham, uniq


# --------------------------------------------------------------------------- what the attacker calls a contact

NUMBER_RE = re.compile(r"\+?\d(?:[ \-]?\d){4,}")
URL_RE = re.compile(r"(?:https?://\S+|www\.\S+|\b[\w\-]+\.(?:com|co\.uk|net|org|biz|info|tv|uk|mobi)\b\S*)",
                    re.I)
KEYWORD_RE = re.compile(r"\b(?:txt|text|send|reply|sms)\s+[A-Z][A-Z0-9]{1,}\b")
SHORT_NUM_RE = re.compile(r"\b\d{1,4}\b")


def has_contact(text: str) -> bool:
    return bool(NUMBER_RE.search(text) or URL_RE.search(text) or KEYWORD_RE.search(text))


def contact_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for r in (NUMBER_RE, URL_RE) for m in r.finditer(text)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


_DANGLING = re.compile(r"\b(?:call|ring|dial|txt|text|send|reply|sms|on|to|at|or|from|via|visit|go)"
                       r"(?:\s+(?:on|to|at|now|us|free|the))*\s*(?=[.,!?;:)]|$)", re.I)


def strip_contacts(text: str) -> str:
    """The text without its numbers, links and keywords, and the words left dangling."""
    out = URL_RE.sub(" ", text)
    out = NUMBER_RE.sub(" ", out)
    out = re.sub(r"\b(?:txt|text|send|reply)\s+[A-Z][A-Z0-9]+\b", " ", out)
    out = re.sub(r"\b(?:PO\s*Box|POBox|BOX)\s*\w+", " ", out, flags=re.I)
    out = re.sub(r"\s+", " ", out)
    for _ in range(3):
        out = _DANGLING.sub("", out)
        out = re.sub(r"\s+([.,!?;:])", r"\1", out)
    out = re.sub(r"([.,!?;:]){2,}", r"\1", out)
    return " ".join(out.split()).strip(" ,;:-")


# --------------------------------------------------------------------------- fitting 140 characters

def sentences(text: str) -> list[str]:
    parts = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    return parts or [text]


def cut_words(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0]
    return cut[:limit].rstrip(" ,;:-")


def fit(text: str, limit: int = MAX_CHARS) -> str:
    """Make ``text`` fit ``limit`` characters as an attacker would: its way back kept."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    sents = sentences(text)
    must = [i for i, s in enumerate(sents) if has_contact(s)]
    order = must + [i for i in range(len(sents)) if i not in must]
    keep: list[int] = []
    total = 0
    for i in order:
        add = len(sents[i]) + (1 if keep else 0)
        if total + add <= limit:
            keep.append(i)
            total += add
    out = " ".join(sents[i] for i in sorted(keep))
    if keep and (not must or must[0] in keep) and len(out) >= limit * 0.4:
        return out
    # a window of words around the way back
    words = text.split()
    idx = next((i for i, w in enumerate(words) if has_contact(w)), 0)
    lo = hi = idx
    while True:
        grew = False
        if lo > 0 and len(" ".join(words[lo - 1:hi + 1])) <= limit:
            lo -= 1
            grew = True
        if hi < len(words) - 1 and len(" ".join(words[lo:hi + 2])) <= limit:
            hi += 1
            grew = True
        if not grew:
            break
    return cut_words(" ".join(words[lo:hi + 1]), limit)


def alnum(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


# --------------------------------------------------------------------------- folding

HOMO = {
    "a": "аɑ", "c": "сϲ", "e": "еҽ", "i": "іɩ", "j": "ј", "o": "оοօ", "p": "рρ", "s": "ѕ",
    "x": "хⅹ", "y": "уγ", "d": "ԁ", "h": "һ", "l": "ӏⅼ", "n": "ո", "u": "υս", "v": "νѵ",
    "w": "ԝ", "g": "ɡ", "q": "ԛ", "k": "κ",
    "A": "АΑ", "B": "ВΒ", "C": "СϹ", "E": "ЕΕ", "H": "НΗ", "I": "ІΙ", "J": "Ј", "K": "КΚ",
    "M": "МΜ", "N": "Ν", "O": "ОΟ", "P": "РΡ", "S": "Ѕ", "T": "ТΤ", "X": "ХΧ", "Y": "ҮΥ",
    "Z": "Ζ",
}
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u2062",
             "\u2063", "\u180e"]
LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "l": "1", "g": "9", "b": "8"}
EMOJI = ["🎉", "✨", "👉", "🔥", "💰", "🎁", "😍", "⭐", "‼️", "📲", "💯", "🙌", "😉", "❤️"]


def _protected_map(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    mask = [False] * len(text)
    for a, b in spans:
        for i in range(a, b):
            mask[i] = True
    return mask


def change_digits(text: str, rng: random.Random) -> str:
    """Amounts, codes and counts (not the way back) get other digits."""
    spans = contact_spans(text)

    def swap(m: re.Match) -> str:
        if any(a <= m.start() < b for a, b in spans):
            return m.group(0)
        s = m.group(0)
        if len(s) == 1:
            return s if rng.random() < 0.6 else str(rng.randint(1, 9))
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in s[1:])
    return SHORT_NUM_RE.sub(swap, text)


def reformat_number(num: str, rng: random.Random) -> str:
    digits = re.sub(r"\D", "", num)
    style = rng.random()
    if style < 0.35 or len(digits) < 7:
        return digits
    if style < 0.6:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}".strip()
    if style < 0.8:
        return f"{digits[:5]}-{digits[5:]}"
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}".strip()


class NumberPolicy:
    """How a spammer's phone numbers change from copy to copy: one kept, a pool, or new
    last digits each time (premium-rate ranges)."""

    def __init__(self, rng: random.Random, kind: str | None = None) -> None:
        self.rng = rng
        self.kind = kind or rng.choice(["keep", "keep", "pool", "fresh"])
        self.pool: dict[str, list[str]] = {}

    def apply(self, text: str) -> str:
        def sub(m: re.Match) -> str:
            num = re.sub(r"\D", "", m.group(0))
            if self.kind == "keep":
                new = num
            elif self.kind == "pool":
                pool = self.pool.setdefault(num, [num] + [num[:-3] + "".join(
                    str(self.rng.randint(0, 9)) for _ in range(3)) for _ in range(self.rng.randint(2, 4))])
                new = self.rng.choice(pool)
            else:
                new = num[:-3] + "".join(str(self.rng.randint(0, 9)) for _ in range(3))
            return reformat_number(new, self.rng)
        return NUMBER_RE.sub(sub, text)


def fold(text: str, rng: random.Random, strength: float = 1.0, limit: int = MAX_CHARS,
         digits: bool = True) -> str:
    """A copy that differs by look-alike letters, invisible characters, case, spacing and
    digits (contacts left working: a link with a look-alike letter leads nowhere)."""
    for attempt in range(6):
        s = strength * (1.0 - attempt * 0.18)
        out = _fold_once(text, rng, max(s, 0.05), digits)
        if len(out) <= limit:
            return out
    return cut_words(text, limit)


def _fold_once(text: str, rng: random.Random, s: float, digits: bool = True) -> str:
    if digits and rng.random() < 0.7 * s:
        text = change_digits(text, rng)
    spans = contact_spans(text)
    mask = _protected_map(text, spans)
    words = re.split(r"(\s+)", text)
    # case
    if rng.random() < 0.6 * s:
        mode = rng.choice(["upper", "lower", "title", "words", "random"])
        pos = 0
        new = []
        for w in words:
            prot = any(mask[pos:pos + len(w)])
            pos += len(w)
            if prot or not w.strip():
                new.append(w)
                continue
            if mode == "upper":
                w = w.upper()
            elif mode == "lower":
                w = w.lower()
            elif mode == "title":
                w = w.capitalize()
            elif mode == "words" and rng.random() < 0.3:
                w = w.upper()
            elif mode == "random" and rng.random() < 0.25:
                w = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in w)
            new.append(w)
        text = "".join(new)
        mask = _protected_map(text, contact_spans(text))
    chars = list(text)
    # look-alike letters and leetspeak
    homo_rate = rng.uniform(0.05, 0.35) * s if rng.random() < 0.8 else 0.0
    leet_rate = rng.uniform(0.03, 0.15) * s if rng.random() < 0.3 else 0.0
    for i, ch in enumerate(chars):
        if mask[i] if i < len(mask) else False:
            continue
        r = rng.random()
        if r < homo_rate and ch in HOMO:
            chars[i] = rng.choice(HOMO[ch])
        elif r < homo_rate + leet_rate and ch.lower() in LEET:
            chars[i] = rng.choice(LEET[ch.lower()])
    # spacing
    out: list[str] = []
    space_mode = rng.random() < 0.5 * s
    for i, ch in enumerate(chars):
        prot = mask[i] if i < len(mask) else False
        if space_mode and ch == " " and not prot:
            r = rng.random()
            if r < 0.08:
                continue  # words glued
            if r < 0.2:
                out.append("  ")
                continue
            if r < 0.23:
                out.append("\n")
                continue
        out.append(ch)
    text = "".join(out)
    if rng.random() < 0.2 * s:  # one word spaced out, F R E E
        ws = text.split(" ")
        cands = [k for k, w in enumerate(ws) if 3 <= len(w) <= 6 and w.isalpha()]
        if cands:
            k = rng.choice(cands)
            ws[k] = " ".join(ws[k])
            text = " ".join(ws)
    # invisible characters inside words
    if rng.random() < 0.7 * s:
        n = rng.randint(1, max(1, int(8 * s)))
        mask = _protected_map(text, contact_spans(text))
        positions = [i for i in range(1, len(text)) if text[i - 1].isalpha() and text[i].isalpha()
                     and not mask[i]]
        for i in sorted(rng.sample(positions, min(n, len(positions))), reverse=True):
            text = text[:i] + rng.choice(INVISIBLE) + text[i:]
    return text


# --------------------------------------------------------------------------- spinning (our own table)

SYNONYMS: dict[str, list[str]] = {
    "call": ["ring", "phone", "dial", "buzz", "give a bell to"],
    "free": ["no-cost", "on the house", "gratis", "at zero charge", "without paying"],
    "now": ["right away", "asap", "straight away", "this minute", "pronto"],
    "txt": ["msg", "drop a line", "ping"],
    "text": ["msg", "ping", "drop a line"],
    "mobile": ["handset", "cell", "phone", "device"],
    "claim": ["grab", "pick up", "get hold of", "secure", "take"],
    "reply": ["answer", "respond", "write back", "get back"],
    "prize": ["reward", "gift", "surprise", "treat", "goodie"],
    "cash": ["money", "dosh", "funds", "quid"],
    "won": ["bagged", "landed", "scooped", "secured"],
    "win": ["bag", "land", "scoop", "take home"],
    "winner": ["lucky one", "top pick", "chosen one"],
    "urgent": ["time-sensitive", "important", "pressing", "act fast"],
    "week": ["wk", "7 days", "seven days"],
    "weekly": ["every week", "each wk", "once a week"],
    "service": ["club", "line", "system", "desk"],
    "contact": ["reach", "get in touch with", "connect with"],
    "please": ["pls", "kindly", "plz"],
    "guaranteed": ["assured", "certain", "promised", "locked in"],
    "customer": ["member", "user", "subscriber", "client"],
    "phone": ["handset", "device", "cell"],
    "chat": ["talk", "natter", "convo"],
    "receive": ["get", "be sent", "obtain"],
    "draw": ["raffle", "lottery", "pick"],
    "awarded": ["given", "granted", "allocated", "set aside"],
    "award": ["gift", "reward", "allocation"],
    "latest": ["newest", "brand-new", "most recent"],
    "camera": ["cam", "photo phone", "snapper"],
    "holiday": ["trip", "getaway", "vacation", "break"],
    "video": ["vid", "clip", "movie"],
    "cost": ["price", "charge", "fee"],
    "offer": ["deal", "promo", "special"],
    "chance": ["shot", "opportunity", "go"],
    "selected": ["chosen", "picked", "shortlisted"],
    "collect": ["pick up", "fetch", "get"],
    "delivery": ["drop-off", "dispatch", "shipping"],
    "attempt": ["try", "go"],
    "update": ["upgrade", "refresh"],
    "tones": ["sounds", "jingles", "alerts"],
    "tone": ["sound", "jingle", "alert"],
    "ringtone": ["ring sound", "call jingle", "ringer"],
    "congratulations": ["congrats", "big news", "well done", "great stuff"],
    "today": ["2day", "this very day", "before midnight"],
    "tonight": ["2nite", "this evening", "later tonight"],
    "new": ["fresh", "brand new", "shiny"],
    "secret": ["hidden", "mystery", "private"],
    "someone": ["a person", "somebody", "an admirer"],
    "dating": ["matchmaking", "meet-up", "singles"],
    "sexy": ["hot", "cheeky", "naughty", "flirty"],
    "nokia": ["handset", "smartphone"],
    "voucher": ["coupon", "gift card", "token"],
    "bonus": ["extra", "top-up", "add-on"],
    "entry": ["ticket", "place", "spot"],
    "valid": ["good", "active", "open"],
    "get": ["grab", "score", "receive"],
    "just": ["only", "simply", "merely"],
    "your": ["ur", "yr", "your own"],
    "you": ["u", "ya", "you"],
    "send": ["fire off", "shoot", "forward"],
    "message": ["msg", "note", "line"],
    "number": ["no.", "digits", "line"],
    "want": ["fancy", "would like", "wish"],
    "find out": ["discover", "see", "learn"],
    "apply": ["are applicable", "hold"],
    "stop": ["end", "quit", "halt"],
    "landline": ["home phone", "fixed line"],
    "network": ["carrier", "operator", "provider"],
}
FILLERS = ["honestly", "no joke", "fr", "(seriously)", "just saying", "heads up:", "btw", "ok so",
           "listen", "genuinely", "quick one:", "hey", "!!", "lol", "trust me", "I promise",
           "don't miss this", "for real", "psst", "good news", "right?", "wow"]

_SYN_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b",
                     re.I)


def _case_like(src: str, new: str) -> str:
    if src.isupper() and len(src) > 1:
        return new.upper()
    if src[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def spin(text: str, rng: random.Random, swap: float = 0.7, fillers: int = 2, reorder: bool = True,
         limit: int = MAX_CHARS) -> str:
    """Synonyms, fillers and reordered sentences; the way back left as it is."""
    for attempt in range(8):
        sw = swap
        n_fill = max(0, fillers - attempt // 2)
        spans = contact_spans(text)

        def sub(m: re.Match, spans: list = spans, sw: float = sw) -> str:
            if any(a <= m.start() < b for a, b in spans) or rng.random() > sw:
                return m.group(0)
            return _case_like(m.group(0), rng.choice(SYNONYMS[m.group(0).lower()]))
        out = _SYN_RE.sub(sub, text)
        sents = sentences(out)
        if reorder and len(sents) > 1 and rng.random() < 0.7:
            rng.shuffle(sents)
        for _ in range(rng.randint(0, n_fill)):
            k = rng.randrange(len(sents) + 1)
            sents.insert(k, rng.choice(FILLERS))
        if rng.random() < 0.4:
            sents.append(rng.choice(EMOJI))
        out = " ".join(sents)
        if len(out) <= limit:
            return out
    return fit(out, limit)


# --------------------------------------------------------------------------- what the docs say the reader reads: the attacker avoids it

DOCS_TRADE = {
    r"claim(?:ed|ing)?": ["grab", "pick up", "collect"],
    r"vouchers?": ["gift card", "coupon"],
    r"winnings": ["takings", "haul"],
    r"ringtones?": ["ring sound", "jingle"],
    r"unsubscribe|unsub|opt-?out|optout": ["say no more", "leave the list"],
    r"t\s*&\s*c'?s|ts\s*&\s*cs|t&c": ["small print", "rules"],
    r"valued customer": ["dear friend", "lovely member"],
    r"you have won|you've won|u have won": ["you got", "it's yours", "you're lucky"],
    r"prizes?": ["reward", "surprise"],
    r"winners?": ["lucky one", "chosen one"],
    r"congratulations|congrats": ["great stuff", "well well"],
    r"quiz": ["little game", "puzzle"],
    r"latest": ["newest", "most recent"],
    r"bonus": ["extra", "top-up"],
    r"dating": ["meeting people", "singles"],
    r"free(?:msg)?": ["on the house", "no charge"],
    r"win": ["bag", "land"],
    r"won": ["bagged", "landed"],
    r"txt|text": ["msg", "write"],
    r"urgent!?": ["important", "time sensitive"],
    r"cash": ["money", "dosh"],
    r"mobile": ["handset", "cell"],
    r"great news": ["good stuff", "nice one"],
    r"complimentary": ["included", "thrown in"],
    r"(?:been )?awarded": ["set aside", "earmarked"],
    r"redeem": ["use", "swap"],
    r"secret admirer": ["someone who likes you", "a fan of yours"],
    r"guaranteed": ["sure", "for certain"],
    r"reply": ["answer", "write back"],
    r"stop": ["no more", "enough"],
    r"\d+p(?:/|\s*per\s*)(?:msg|min|week|wk)|\d+ppm|\d+p": ["a small fee", "pennies"],
    r"[£$€]\s?\d[\d,.]*": ["a big sum", "hundreds", "a few hundred pounds", "serious money"],
}
_DOCS_RE = [(re.compile(r"\b(?:" + k + r")(?!\w)", re.I), v) for k, v in DOCS_TRADE.items()]


def depromote(text: str, rng: random.Random) -> str:
    """Replace the trade words the docs print as examples (the attacker knows no more)."""
    for rx, alts in _DOCS_RE:
        text = rx.sub(lambda m, alts=alts: _case_like(m.group(0), rng.choice(alts)), text)
    return " ".join(text.split())


# --------------------------------------------------------------------------- personalising

NAMES = ["Amy", "Ben", "Chloe", "Dan", "Ella", "Femi", "Grace", "Hugo", "Isla", "Jack", "Kira", "Leo",
         "Maya", "Noah", "Olu", "Priya", "Quinn", "Ravi", "Sara", "Tom", "Uma", "Vik", "Wen", "Xan",
         "Yusuf", "Zoe", "Aisha", "Bruno", "Carla", "Dev", "Erin", "Farah", "Gus", "Hana", "Ivan",
         "Jade", "Kofi", "Lena", "Marco", "Nia", "Oscar", "Paula", "Rosa", "Sam", "Tariq", "Vera",
         "Will", "Yara", "Zack", "Mia", "Luca", "Ana", "Jon", "Kim", "Raj", "Sofia", "Theo", "Ines"]
GREETINGS = ["Hi {n}!", "Hey {n},", "{n} -", "Dear {n},", "Hello {n}!", "Good news {n}:", "{n}, quick one:",
             "Hiya {n}", "{n}!!", "Morning {n},", "Evening {n} x", "Yo {n}"]
SIGNATURES = ["- {s}, Rewards Team", "Regards, {s}", "Team {b}", "xx {s}", "-- {s} @ Customer Care",
              "Thanks, {s}", "{s} ({b})", "Cheers, {s} from {b}", "~{s}"]
BRANDS = ["PrizeHub", "WinZone", "LuckyLine", "TopDeals", "StarClub", "MegaDraw", "FunTones", "GoldDesk"]


def ref_code(rng: random.Random) -> str:
    L = string.ascii_uppercase
    form = rng.choice(["LLD-DLL", "LDLDL", "DDDDD", "LL-DDD", "LLLDD", "DLLD", "LLDDL"])
    code = "".join(rng.choice(L) if c == "L" else str(rng.randint(0, 9)) if c == "D" else c for c in form)
    return rng.choice(["Ref: {c}", "Code {c}", "ID#{c}", "ref {c}", "Your code: {c}", "({c})", "PIN {c}"]).format(c=code)


def personalise(base: str, rng: random.Random, name: str) -> str:
    greet = rng.choice(GREETINGS).format(n=name)
    sig = rng.choice(SIGNATURES).format(s=rng.choice(NAMES), b=rng.choice(BRANDS)) if rng.random() < 0.8 else ""
    code = ref_code(rng) if rng.random() < 0.8 else ""
    room = MAX_CHARS - len(greet) - len(sig) - len(code) - 3
    body = fit(base, max(room, 60))
    pieces = [greet, body]
    if code:
        pieces.insert(rng.choice([1, 2]), code)
    if sig:
        pieces.append(sig)
    return fit(" ".join(pieces))


# --------------------------------------------------------------------------- messages and tactics

@dataclass
class Msg:
    parts: list[str]
    n: int = 1                 # new strangers wanted (a group when more than 1)
    kind: str = "direct"       # direct | group (conversation made by its first message) | invite | borrowed
    gap: float = 20.0          # seconds between parts
    delay: float = 0.0         # seconds to wait before the message
    pace: float = 60.0         # seconds to wait after it
    label: str = ""            # the tactic that wrote it (for the mix)


@dataclass
class Ctx:
    """What a spammer knows of itself."""
    now: float
    start: float
    reached: int = 0
    messages: int = 0
    refusals: int = 0
    max_group: int = 19
    notes: dict = field(default_factory=dict)


def fit_base(spam: list[str], rng: random.Random, limit: int = 120, need_contact: bool | None = None) -> str:
    for _ in range(50):
        t = rng.choice(spam)
        if need_contact is not None and has_contact(t) != need_contact:
            continue
        return fit(t, limit)
    return fit(rng.choice(spam), limit)


class Tactic:
    name = "base"
    label = "base"

    def __init__(self, rng: random.Random, spam: list[str]) -> None:
        self.rng = rng
        self.spam = spam

    def next(self, ctx: Ctx) -> Msg:
        raise NotImplementedError

    def respin(self, msg: Msg, part: int, ctx: Ctx) -> str:
        fresh = self.next(ctx)
        return fresh.parts[min(part, len(fresh.parts) - 1)]

    def pace(self) -> float:
        return self.rng.uniform(20, 180)


class Folded(Tactic):
    name, label = "folded", "one text, folded (look-alikes, invisibles, case, spacing, digits)"

    def __init__(self, rng, spam):
        super().__init__(rng, spam)
        self.base = fit_base(spam, rng, 118)
        self.numbers = NumberPolicy(rng)

    def copy(self) -> str:
        return fold(self.numbers.apply(self.base), self.rng, self.rng.uniform(0.5, 1.0))

    def next(self, ctx):
        return Msg([self.copy()], pace=self.pace(), label=self.name)


class Personalised(Tactic):
    name, label = "personalised", "personalised (name, reference code, signature)"

    def __init__(self, rng, spam):
        super().__init__(rng, spam)
        self.base = fit_base(spam, rng, 125)
        self.numbers = NumberPolicy(rng)

    def next(self, ctx):
        text = personalise(self.numbers.apply(self.base), self.rng, self.rng.choice(NAMES))
        if self.rng.random() < 0.6:
            text = fold(text, self.rng, self.rng.uniform(0.2, 0.7))
        return Msg([text], pace=self.pace(), label=self.name)


class Spun(Tactic):
    name, label = "spun", "spun (own synonyms, fillers, reordered) and folded"

    def __init__(self, rng, spam):
        super().__init__(rng, spam)
        self.base = fit_base(spam, rng, 112)
        self.numbers = NumberPolicy(rng)

    def copy(self) -> str:
        t = spin(self.numbers.apply(self.base), self.rng, swap=self.rng.uniform(0.5, 0.95),
                 fillers=self.rng.randint(1, 3))
        return fold(t, self.rng, self.rng.uniform(0.3, 0.9))

    def next(self, ctx):
        return Msg([self.copy()], pace=self.pace(), label=self.name)


class Rotating(Tactic):
    name, label = "rotating", "K templates in rotation, folded"

    def __init__(self, rng, spam, k: int = 10):
        super().__init__(rng, spam)
        self.k = k
        self.name = f"rotating-{k}"
        self.label = f"{k} templates in rotation, folded"
        picks = rng.sample(spam, min(k, len(spam)))
        self.templates = [fit(t, 122) for t in picks]
        self.numbers = NumberPolicy(rng)
        self.i = rng.randrange(k)

    def next(self, ctx):
        t = self.templates[self.i % len(self.templates)]
        self.i += 1
        return Msg([fold(self.numbers.apply(t), self.rng, self.rng.uniform(0.2, 0.8))], pace=self.pace(),
                   label=self.name)


class Groups(Tactic):
    name, label = "groups", "new groups of 4 to 19 strangers (invited, made by a message, or plain)"

    def __init__(self, rng, spam):
        super().__init__(rng, spam)
        self.base = fit_base(spam, rng, 115)
        self.numbers = NumberPolicy(rng)
        self.kind = rng.choice(["invite", "group", "direct"])
        # naive (19), under the strangers rule's 12 in 6 hours, or the docs' 4 at once
        self.size = rng.choice([19, 12, 8, 5, 4])

    def next(self, ctx):
        t = self.numbers.apply(self.base)
        if self.rng.random() < 0.5:
            t = spin(t, self.rng, swap=0.5, fillers=1, reorder=False)
        return Msg([fold(t, self.rng, self.rng.uniform(0.3, 0.9))], n=self.size, kind=self.kind,
                   pace=self.rng.uniform(60, 600), label=self.name)


def split_parts(text: str, rng: random.Random, n: int) -> list[str]:
    """The hook first, the way back last."""
    sents = sentences(text)
    plain = [s for s in sents if not has_contact(s)]
    way = [s for s in sents if has_contact(s)]
    if not way:
        way = [sents[-1]]
        plain = sents[:-1]
    if not plain:  # one sentence: cut before the way back
        words = text.split()
        idx = next((i for i, w in enumerate(words) if has_contact(w)), len(words) // 2)
        idx = max(1, min(idx, len(words) - 1))
        cut = max(1, idx - rng.randint(0, 2))
        plain = [" ".join(words[:cut])]
        way = [" ".join(words[cut:])]
    if n >= 3 and len(plain) >= 2:
        k = rng.randint(1, len(plain) - 1)
        return [" ".join(plain[:k]), " ".join(plain[k:]), " ".join(way)]
    if n >= 3 and len(plain[0].split()) >= 6:
        ws = plain[0].split()
        k = len(ws) // 2
        return [" ".join(ws[:k]), " ".join(ws[k:]) + " " + " ".join(plain[1:]), " ".join(way)]
    return [" ".join(plain), " ".join(way)]


class Split(Tactic):
    name, label = "split", "one message in 2 or 3 parts, the way back last"

    def __init__(self, rng, spam):
        super().__init__(rng, spam)
        self.base = fit(rng.choice([t for t in spam if has_contact(t)] or spam), 260)
        self.numbers = NumberPolicy(rng)

    def next(self, ctx):
        parts = split_parts(self.numbers.apply(self.base), self.rng, self.rng.choice([2, 3]))
        out = []
        for p in parts:
            p = spin(p, self.rng, swap=0.5, fillers=1, reorder=False) if self.rng.random() < 0.5 else p
            out.append(fold(fit(p), self.rng, self.rng.uniform(0.2, 0.8)))
        return Msg([p for p in out if p.strip()] or [self.base[:MAX_CHARS]], gap=self.rng.uniform(5, 40),
                   pace=self.pace(), label=self.name)


class Slow(Tactic):
    """Paced under every limit the docs print: 11 strangers in the first 6 hours, 20 in the
    day; a new template every 4 recipients (the duplicates rule's 5th); a way back in 2
    messages a day to one stranger each (3 messages arm the lower limit, 4 strangers fill
    the links rule); the other texts without their number and without the trade words
    the docs print."""
    name, label = "slow", "slow (paced under every threshold the docs print)"

    def __init__(self, rng, spam):
        super().__init__(rng, spam)
        self.numbers = NumberPolicy(rng, "keep")
        self.plan_order = rng.choice(["end", "start", "random"])
        idx = list(range(20))
        if self.plan_order == "end":
            self.armed = {18, 19}
        elif self.plan_order == "start":
            self.armed = {0, 1}
        else:
            self.armed = set(rng.sample(idx, 2))
        self.sent = 0
        self.template = None
        self.uses = 0
        self.with_contact = [fit(t, 120) for t in rng.sample([t for t in spam if has_contact(t)], 4)]

    def _plain(self) -> str:
        for _ in range(20):
            t = strip_contacts(self.rng.choice(self.spam))
            t = depromote(t, self.rng)
            if alnum(t) >= 32:
                return fit(t, 125)
        return fit(t, 125)

    def next(self, ctx):
        k = self.sent
        self.sent += 1
        if k >= 20:
            return Msg([self._plain()], delay=24 * 3600, label=self.name)  # done for the day
        # timing: 11 in the first 6 h (every ~32 min), then 9 over the next 18 h (every ~2 h)
        delay = self.rng.uniform(28, 34) * 60 if k < 11 else self.rng.uniform(115, 125) * 60
        if k == 0:
            delay = 0.0
        if self.plan_order == "start" and k == 2:
            delay = 6.1 * 3600  # let the traced copies with a way back leave the 6 hours
        if k in self.armed:
            text = fold(self.numbers.apply(self.rng.choice(self.with_contact)), self.rng, 0.6)
        else:
            if self.template is None or self.uses >= 4:
                self.template = self._plain()
                self.uses = 0
            self.uses += 1
            text = fold(spin(self.template, self.rng, swap=0.3, fillers=1, reorder=False), self.rng, 0.5)
        return Msg([text], delay=delay, pace=0.0, label=self.name)

    def respin(self, msg, part, ctx):
        return fold(msg.parts[part], self.rng, 0.5)


TINY = ["u won!", "WIN £££", "call me", "FREE 4 U", "txt me", "claim it", "ur prize", "hot pics",
        "2nite?", "u up?", "cash 4 u"]
SHORT_VERBS = ["call {n} now", "ring {n}", "txt WIN to {n}", "text YES to {n}", "call {n} 2day",
               "{n} - call now"]


def short_snippets(spam: list[str], rng: random.Random, n: int) -> list[str]:
    """Hooks of the corpus's spam cut under 32 letters and digits, a number with a verb, and
    hooks under 8 (the attacker's own)."""
    hooks = []
    for t in rng.sample(spam, min(len(spam), 80)):
        first = strip_contacts(sentences(t)[0])
        words = first.split()
        out = []
        for w in words:
            if alnum(" ".join([*out, w])) > 31:
                break
            out.append(w)
        hook = " ".join(out).strip(" ,;:-")
        if alnum(hook) >= 8 and len(out) >= 3:
            hooks.append(hook)
    rng.shuffle(hooks)
    picks = hooks[:n]
    if rng.random() < 0.5:
        nums = [m.group(0) for t in spam for m in [NUMBER_RE.search(t)] if m]
        num = re.sub(r"\D", "", rng.choice(nums))
        picks.append(rng.choice(SHORT_VERBS).format(n=num))
    if rng.random() < 0.5:
        picks.append(rng.choice(TINY))
    return picks or ["U have won a prize", "call me now"]


class Short(Tactic):
    name, label = "short", "short (under 32 letters and digits), varied per copy"

    def __init__(self, rng, spam):
        super().__init__(rng, spam)
        self.pool = short_snippets(spam, rng, rng.randint(2, 6))
        self.vary = rng.random() < 0.7

    def next(self, ctx):
        t = self.rng.choice(self.pool)
        if self.vary:
            t = spin(t, self.rng, swap=0.6, fillers=1, reorder=False, limit=80)
            if self.rng.random() < 0.5:
                t = t + " " + self.rng.choice(EMOJI)
        t = fold(t, self.rng, self.rng.uniform(0.3, 1.0))
        return Msg([t], pace=self.pace(), label=self.name)


class Mix(Tactic):
    name, label = "mix", "2 or 3 of the above at random"

    def __init__(self, rng, spam):
        super().__init__(rng, spam)
        makers = [Folded, Personalised, Spun, lambda r, s: Rotating(r, s, r.choice([3, 10, 33, 200])),
                  Groups, Split, Short, Slow]
        self.parts = [m(rng, spam) for m in rng.sample(makers, rng.choice([2, 3]))]
        self.label = "mix of " + "+".join(p.name for p in self.parts)

    def next(self, ctx):
        t = self.rng.choice(self.parts)
        msg = t.next(ctx)
        msg.label = t.name
        self._last = t
        return msg

    def respin(self, msg, part, ctx):
        for t in self.parts:
            if t.name == msg.label:
                return t.respin(msg, part, ctx)
        return msg.parts[part]


# --------------------------------------------------------------------------- tactics of our own

LURE_OPENERS = ["hey", "hi there", "hello", "hiya", "heyy", "good evening", "sorry to bother you",
                "hey stranger", "hi hi", "um hi", "evening", "hey you"]
LURE_HOOKS = [
    "I think we met at {place} a while back?", "is this {name} from {place}?",
    "you popped up in my suggestions and you look really familiar",
    "{name} gave me your name, said you might be up for the {thing} thing",
    "I'm new in {city} and trying to meet people who actually reply lol",
    "{name} said you were looking for a {thing}", "did you drop your {item} at {place} on {day}?",
    "I've got something of yours from {place}, long story", "we were both at {place} on {day} I swear",
    "I saw your comment on {name}'s post and had to say hi",
    "my cousin {name} says you two used to work together", "quick question about the {thing} you posted",
]
LURE_ASKS = ["write back when you see this", "let me know if it's you", "message me back so I can explain",
             "answer when you're free, it's worth it", "are you around this week?", "tell me I'm not crazy",
             "get back to me?", "hope you don't mind me asking", "would love to hear from you", "x"]
PLACES = ["the gym", "Tesco", "the yoga class", "Dave's party", "the station", "uni", "the dog park",
          "the conference", "the pub quiz", "the festival", "church", "the coffee place on the corner"]
THINGS = ["flat", "bike", "tickets", "job", "photoshoot", "course", "car", "sofa", "side project"]
ITEMS = ["keys", "scarf", "card", "phone charger", "wallet", "sunglasses"]
CITIES = ["Leeds", "Bristol", "Manchester", "Glasgow", "Brighton", "Cardiff", "Leicester"]
DAYS = ["Saturday", "Friday night", "last week", "Sunday", "Tuesday"]


def lure_text(rng: random.Random) -> str:
    hook = rng.choice(LURE_HOOKS).format(place=rng.choice(PLACES), name=rng.choice(NAMES),
                                         thing=rng.choice(THINGS), city=rng.choice(CITIES),
                                         item=rng.choice(ITEMS), day=rng.choice(DAYS))
    parts = [rng.choice(LURE_OPENERS), hook, rng.choice(LURE_ASKS)]
    if rng.random() < 0.3:
        parts.append(rng.choice(EMOJI))
    sep = rng.choice([" ", ", ", "! ", "... "])
    return fit(sep.join(parts))


class Lures(Tactic):
    """Paraphrase by templates with no number, link or trade word: an opener that waits for
    the answer (the answer is the way back)."""
    name, label = "lures", "(own) lures by templates, no way back at all"

    def next(self, ctx):
        return Msg([fold(lure_text(self.rng), self.rng, self.rng.uniform(0.0, 0.4))], pace=self.pace(),
                   label=self.name)


def hidden_wayback(rng: random.Random, handle: str, brand: str, digits: str) -> str:
    """Ways back the docs say the reader misses (spam.md "what it still does not catch")."""
    g = [digits[i:i + 3] for i in range(0, len(digits), 3)]
    forms = [
        f"search {brand} on the blue app",
        f"google {brand} and you'll find us",
        f"my wpp is {handle}",
        "it's all on my page",
        "dm me for the link",
        "check my pfp",
        "same name on the paper plane app",
        f"ring {g[0]} and {g[1]} and {g[2]} and {g[3] if len(g) > 3 else '0'}",
        f"the digits: {' and '.join(g)}",
        f"T3legram: {handle}",
        f"find {brand} in the store, the one with the gold logo",
        "my number is my handle here backwards",
    ]
    return rng.choice(forms)


class Hidden(Tactic):
    """The corpus's pitch without its number and the docs' trade words, spun, with a way
    back the docs list as unread."""
    name, label = "hidden", "(own) pitch, depromoted and spun, way back hidden in words"

    def __init__(self, rng, spam):
        super().__init__(rng, spam)
        self.handle = rng.choice(["annatrades", "luckydesk", "primeoffers", "goldline", "vipclubuk"])
        self.brand = rng.choice(BRANDS)
        self.digits = "07" + "".join(str(rng.randint(0, 9)) for _ in range(9))
        self.bases = []
        for _ in range(30):
            t = depromote(strip_contacts(rng.choice(spam)), rng)
            if alnum(t) >= 25:
                self.bases.append(t)
        self.bases = self.bases or ["I have something for you"]

    def next(self, ctx):
        way = hidden_wayback(self.rng, self.handle, self.brand, self.digits)
        body = fit(self.rng.choice(self.bases), MAX_CHARS - len(way) - 12)
        body = spin(body, self.rng, swap=0.6, fillers=1, limit=MAX_CHARS - len(way) - 2)
        text = fit(body + (". " if self.rng.random() < 0.5 else " - ") + way)
        return Msg([fold(text, self.rng, self.rng.uniform(0.1, 0.5), digits=False)], pace=self.pace(),
                   label=self.name)


class Borrowed(Tactic):
    """A conversation someone else started: a second account that never sends a message
    starts it and invites the spammer, which invites 12 of its followers into it and posts
    one folded text (its way back hidden in words). The docs: at_once and the per-member
    duplicates count apply to conversations the sender started."""
    name, label = "borrowed", "(own) conversations a silent 2nd account starts, 12 strangers each"

    def __init__(self, rng, spam):
        super().__init__(rng, spam)
        self.hidden = Hidden(rng, spam)
        self.base = self.hidden.next(Ctx(0, 0)).parts[0]

    def next(self, ctx):
        return Msg([fold(self.base, self.rng, self.rng.uniform(0.2, 0.8), digits=False)], n=12, kind="borrowed",
                   pace=self.rng.uniform(60, 300), label=self.name)


# Look-alikes the public engine does not fold, found by probing ``Engine.check`` only (no
# source read): a short text to 4 strangers, then the same text with every such letter swapped
# to a 5th; no duplicates refusal means the swap is not folded (``probe_unfolded`` redoes it).
UNFOLDED = {"a": "ɑ", "e": "ҽ", "i": "ɩ", "o": "օ", "y": "γ", "n": "ո", "u": "ս", "v": "ѵ",
            "H": "Η", "M": "Μ", "N": "Ν", "Y": "Υ", "Z": "Ζ"}
PROBE_TEXTS = {"a": "banana salad was amazing", "e": "seven eerie elder trees", "i": "inside his tiki bistro bikini",
               "o": "good looking school books", "y": "yummy yearly yoyo party", "n": "nine nannies ninety noon",
               "u": "unusual tutu guru untrue", "v": "vivid velvet vivo vave", "H": "HIGH HASH HOTHOUSE",
               "M": "MAMMA MIA MUMMY", "N": "NINE NANNIES NOON", "Y": "YUMMY YEARLY YOYO",
               "Z": "ZIZZ ZOOZ PIZZA ZAP"}


def probe_unfolded(rules, table: dict[str, str] = UNFOLDED) -> dict[str, str]:
    """The look-alikes of ``table`` that the engine built on ``rules`` does not fold."""
    from policy import Engine, MemoryGraph, SendRequest
    out = {}
    for src, alt in table.items():
        base = PROBE_TEXTS.get(src, src * 10)
        graph = MemoryGraph()
        engine = Engine(rules, storage="memory://", graph=graph, clock=lambda: 1_900_000_000.0)
        for i in range(5):
            graph.follow(f"p{i}", "prober")
        for i in range(4):
            engine.check(SendRequest("prober", (f"p{i}",), base))
        d = engine.check(SendRequest("prober", ("p4",), base.replace(src, alt)))
        engine.close()
        if d.allowed:
            out[src] = alt
    return out


class Unfolded(Tactic):
    """One pitch (the corpus's, its number and the docs' trade words out), its way back hidden in
    words, each copy with a different half of its letters swapped for look-alikes the public
    engine does not fold."""
    name, label = "unfolded", "(own) one pitch, way back hidden, look-alikes the engine does not fold"

    def __init__(self, rng, spam):
        super().__init__(rng, spam)
        self.hidden = Hidden(rng, spam)
        self.base = self.hidden.next(Ctx(0, 0)).parts[0]
        self.base = "".join(ch for ch in self.base if ch not in INVISIBLE)

    def next(self, ctx):
        rate = self.rng.uniform(0.3, 0.7)
        text = "".join(UNFOLDED[ch] if ch in UNFOLDED and self.rng.random() < rate else ch for ch in self.base)
        return Msg([text], pace=self.pace(), label=self.name)


# --------------------------------------------------------------------------- the families

def families() -> list[tuple[str, str, object]]:
    """(name, label, maker(rng, spam) -> Tactic), in table order."""
    out: list[tuple[str, str, object]] = [
        ("folded", Folded.label, Folded),
        ("personalised", Personalised.label, Personalised),
        ("spun", Spun.label, Spun),
    ]
    for k in (3, 10, 33, 200):
        out.append((f"rotating-{k}", f"{k} templates in rotation, folded",
                    lambda r, s, k=k: Rotating(r, s, k)))
    out += [
        ("groups", Groups.label, Groups),
        ("split", Split.label, Split),
        ("slow", Slow.label, Slow),
        ("short", Short.label, Short),
        ("mix", Mix.label, Mix),
        ("lures", Lures.label, Lures),
        ("hidden", Hidden.label, Hidden),
        ("borrowed", Borrowed.label, Borrowed),
        ("unfolded", Unfolded.label, Unfolded),
    ]
    return out
