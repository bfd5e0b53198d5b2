"""Generators for red-team round 37: spam copies and ordinary (ham) traffic.

Everything here is built at run time from the SMS Spam Collection (read from its path,
never copied): a spam campaign is one corpus spam text whose calls to action (phone
numbers, short codes, sites, reply keywords) are cut out as slots, given fresh values
for the campaign and written back, copy by copy, in one of many spellings a human still
reads (look-alike digits, words, keycaps, "dot", full-width, invisible joiners, ...).
The words around them are folded, personalised, spun, paraphrased in the style of a
language model, padded with real ham sentences, translated, cut to fit 140 characters.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

MAX_CHARS = 140

# --------------------------------------------------------------------------- corpus


def load_corpus(path: str) -> tuple[list[str], list[str]]:
    ham: list[str] = []
    spam: list[str] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            label, _, text = line.rstrip("\n").partition("\t")
            text = text.strip()
            if not text:
                continue
            if label == "ham":
                ham.append(text)
            elif label == "spam":
                spam.append(text)
    return ham, spam


# --------------------------------------------------------------------------- calls to action

PHONE_RE = re.compile(r"(?<![\w£$])(?:\+?44 ?)?0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}(?!\d)|(?<![\w£$.,])[6-8]\d{4}(?![\d,])")
URL_RE = re.compile(
    r"(?:https?://)?(?:www\.|wap\.\s?)?[A-Za-z0-9-]+\.(?:co\.uk|com|net|org|biz|info|tv|mobi)(?:/[^\s]*)?",
    re.I,
)
KW_RE = re.compile(r"\b((?:txt|text|reply|send|sms)(?: the word:?| word:?)?:?\s+)([A-Z][A-Z0-9#]{1,9})\b")

BRANDS = ["luxbox", "winzone", "prizeclub", "tonez4u", "datemate", "cashnow", "promoplus",
          "gift-hub", "claimit", "hotchat", "mobiledeals", "ringking", "voucherme", "spinwin"]
TLDS = [".co.uk", ".com", ".net", ".biz", ".info"]
KEYWORDS = ["WIN", "GO", "CLAIM", "PRIZE", "YES", "MUSIC", "TONE", "DATE", "CASH", "GIFT", "HOT", "PLAY"]


@dataclass
class Slot:
    kind: str  # phone, code, url, kw
    value: str


@dataclass
class Campaign:
    source: str          # the corpus spam text
    template: str        # with {0}, {1} ... for the slots
    slots: list[Slot] = field(default_factory=list)
    category: str = "prize"


def _fresh_digits(s: str, rng: random.Random) -> str:
    digits = re.sub(r"\D", "", s)
    if len(digits) <= 5:
        return str(rng.choice("678")) + "".join(rng.choice("0123456789") for _ in range(4))
    keep = 4 if digits.startswith("0") else 1
    return digits[:keep] + "".join(rng.choice("0123456789") for _ in range(len(digits) - keep))


def category_of(text: str) -> str:
    t = text.lower()
    for cat, words in (
        ("dating", ("date", "admirer", "chat", "flirt", "dogging", "sexy", "babe", "darling", "fun")),
        ("tones", ("tone", "ringtone", "poly", "wap", "download", "video", "game")),
        ("phone", ("upgrade", "camera phone", "nokia", "mobile", "phone")),
        ("loan", ("loan", "debt", "credit")),
        ("prize", ("won", "win", "prize", "award", "claim", "cash", "voucher", "draw", "£")),
    ):
        if any(w in t for w in words):
            return cat
    return "prize"


def make_campaign(spam_text: str, rng: random.Random) -> Campaign | None:
    """Cut the calls to action out of a corpus spam text and give them fresh values."""
    slots: list[Slot] = []
    template = spam_text
    brand = rng.choice(BRANDS) + str(rng.randint(2, 99))
    tld = rng.choice(TLDS)

    def url_sub(m: re.Match) -> str:
        slots.append(Slot("url", brand + tld))
        return f"{{{len(slots) - 1}}}"

    def kw_sub(m: re.Match) -> str:
        slots.append(Slot("kw", rng.choice(KEYWORDS)))
        return m.group(1) + f"{{{len(slots) - 1}}}"

    def phone_sub(m: re.Match) -> str:
        raw = m.group(0)
        digits = re.sub(r"\D", "", raw)
        kind = "code" if len(digits) <= 5 else "phone"
        slots.append(Slot(kind, _fresh_digits(digits, rng)))
        return f"{{{len(slots) - 1}}}"

    template = URL_RE.sub(url_sub, template)
    template = KW_RE.sub(kw_sub, template)
    template = PHONE_RE.sub(phone_sub, template)
    if not slots:
        return None
    # the corpus's tails of small print (T&Cs, 150ppm, postcodes) go: a 2026 DM has none
    template = re.sub(r"\s*(T&C'?s?|TnCs|Ts&Cs|T&C)[^{]*$", "", template)
    template = re.sub(r"\s+", " ", template).strip()
    return Campaign(spam_text, template, slots, category_of(spam_text))


# --------------------------------------------------------------------------- spellings of a way back

LOOK_DIGIT = {"0": "O", "1": "l", "5": "S", "8": "B", "2": "Z", "6": "b", "9": "g"}
WORDS = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
NATO = ["zero", "wun", "too", "tree", "fower", "fife", "six", "seven", "ait", "niner"]
TENS = ["", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _tens(p: str) -> str:
    if len(p) == 1:
        return WORDS[int(p)]
    if p[0] == "0":
        return "oh " + WORDS[int(p[1])]
    if p[0] == "1":
        return ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen"][int(p[1])]
    return TENS[int(p[0])] + ("-" + WORDS[int(p[1])] if p[1] != "0" else "")


WORDS_ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
KEYCAP = {d: d + "\ufe0f\u20e3" for d in "0123456789"}
FULLW = {d: chr(0xFF10 + int(d)) for d in "0123456789"}
BOLD = {d: chr(0x1D7CE + int(d)) for d in "0123456789"}
CIRCLED = {"0": "\u24ea", **{str(i): chr(0x2460 + i - 1) for i in range(1, 10)}}
ZW = "\u200b"
CYR = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "x": "\u0445", "y": "\u0443"}


def _groups(d: str, sep: str) -> str:
    if len(d) <= 5:
        return sep.join([d[:2], d[2:]])
    return sep.join([d[:4], d[4:7], d[7:]])


DIGIT_STYLES = {
    "plain": lambda d, r: d,
    "spaced": lambda d, r: _groups(d, " "),
    "dashed": lambda d, r: _groups(d, "-"),
    "dotted": lambda d, r: _groups(d, "."),
    "each_spaced": lambda d, r: " ".join(d),
    "lookalike": lambda d, r: "".join(LOOK_DIGIT.get(c, c) if r.random() < 0.6 else c for c in d),
    "words": lambda d, r: " ".join(WORDS[int(c)] for c in d),
    "words_es": lambda d, r: " ".join(WORDS_ES[int(c)] for c in d),
    "mixed_words": lambda d, r: " ".join(WORDS[int(c)] if i % 2 else c for i, c in enumerate(d)),
    "keycap": lambda d, r: "".join(KEYCAP[c] for c in d),
    "fullwidth": lambda d, r: "".join(FULLW[c] for c in d),
    "bold": lambda d, r: "".join(BOLD[c] for c in d),
    "circled": lambda d, r: "".join(CIRCLED[c] for c in d),
    "zw": lambda d, r: ZW.join(d),
    "intl": lambda d, r: ("+44 " + d[1:]) if d.startswith("0") else d,
    "halves": lambda d, r: f"{d[:len(d)//2]} then {d[len(d)//2:]}",
    "brackets": lambda d, r: f"({d[:4]}) {d[4:]}" if len(d) > 5 else f"({d[:2]}){d[2:]}",
    "slashes": lambda d, r: "/".join(d[i:i + 2] for i in range(0, len(d), 2)),
    "nato": lambda d, r: " ".join(NATO[int(c)] for c in d),
    "tens_words": lambda d, r: ", ".join(_tens(d[i:i + 2]) for i in range(0, len(d), 2)),
    "hyph_words": lambda d, r: "-".join(("zero" if c == "0" else WORDS[int(c)]) for c in d),
    "emoji_sep": lambda d, r: "\U0001f538".join(d),
    "arabic": lambda d, r: "".join(chr(0x0660 + int(c)) for c in d),
    "zero_first": lambda d, r: f"{d.lstrip('0')} (with {'a zero' if d.startswith('0') else 'nothing'} in front)",
}


def _url_parts(u: str) -> tuple[str, list[str]]:
    name, *rest = u.split(".")
    return name, rest


URL_STYLES = {
    "plain": lambda u, r: u,
    "www": lambda u, r: "www." + u,
    "dot_word": lambda u, r: " dot ".join(u.split(".")),
    "paren_dot": lambda u, r: "(.)".join(u.split(".")),
    "bracket_dot": lambda u, r: " [dot] ".join(u.split(".")),
    "space_dot": lambda u, r: " ".join(u.split(".")),
    "ideo_dot": lambda u, r: "\u3002".join(u.split(".")),
    "mid_dot": lambda u, r: "\u00b7".join(u.split(".")),
    "caps": lambda u, r: "".join(c.upper() if r.random() < 0.5 else c for c in u),
    "cyrillic": lambda u, r: "".join(CYR.get(c, c) for c in u),
    "zw": lambda u, r: ZW.join(u),
    "spaced_letters": lambda u, r: " ".join(u),
    "google": lambda u, r: f"google '{_url_parts(u)[0]}' (1st result)",
    "hxxp": lambda u, r: "hxxps://" + u.replace(".", "[.]"),
    "put_dots": lambda u, r: f"{' '.join(u.split('.'))} (add the dots)",
    "comma_dot": lambda u, r: " , ".join(u.split(".")),
    "emoji_dot": lambda u, r: "\U0001f539".join(u.split(".")),
    "insta": lambda u, r: f"find {_url_parts(u)[0]} on insta",
    "telegram": lambda u, r: f"look up {_url_parts(u)[0]} on telegram",
    "couk": lambda u, r: f"{_url_parts(u)[0]} {''.join(_url_parts(u)[1])}",
    "d0t": lambda u, r: " d0t ".join(u.split(".")),
    "tld_hint": lambda u, r: f"{_url_parts(u)[0]} (the .{'.'.join(_url_parts(u)[1])} one)",
}

KW_STYLES = {
    "plain": lambda k, r: k,
    "lower": lambda k, r: k.lower(),
    "spaced": lambda k, r: " ".join(k),
    "quoted": lambda k, r: f"'{k.lower()}'",
    "lookalike": lambda k, r: k.replace("I", "1").replace("O", "0").replace("E", "3").replace("A", "4"),
    "zw": lambda k, r: ZW.join(k),
    "cyrillic": lambda k, r: "".join(CYR.get(c.lower(), c) if c.lower() in CYR else c for c in k),
    "word_of": lambda k, r: f"the word {k.lower()}",
    "emoji": lambda k, r: f"{k} \U0001f44d",
    "thumb": lambda k, r: "a \U0001f44d",
    "say_hi": lambda k, r: "hi back",
    "type_me": lambda k, r: "'me'",
}


def style_names(kind: str) -> list[str]:
    if kind in ("phone", "code"):
        return list(DIGIT_STYLES)
    if kind == "url":
        return list(URL_STYLES)
    return list(KW_STYLES)


def spell(slot: Slot, style: str, rng: random.Random) -> str:
    if slot.kind in ("phone", "code"):
        fn = DIGIT_STYLES.get(style) or DIGIT_STYLES["plain"]
    elif slot.kind == "url":
        fn = URL_STYLES.get(style) or URL_STYLES["plain"]
    else:
        fn = KW_STYLES.get(style) or KW_STYLES["plain"]
    return fn(slot.value, rng)


def random_styles(c: Campaign, rng: random.Random) -> dict[int, str]:
    return {i: rng.choice(style_names(s.kind)) for i, s in enumerate(c.slots)}


# --------------------------------------------------------------------------- words around it

SYN = {
    "won": ["won", "bagged", "landed", "scored", "been picked for", "secured"],
    "win": ["win", "grab", "bag", "score", "land"],
    "prize": ["prize", "reward", "gift", "bonus", "treat", "payout"],
    "claim": ["claim", "collect", "pick up", "get", "redeem", "unlock"],
    "call": ["call", "ring", "dial", "phone", "buzz"],
    "free": ["free", "no-cost", "complimentary", "on the house", "zero-cost", "gratis"],
    "now": ["now", "today", "asap", "right away", "b4 midnight", "this evening"],
    "urgent": ["urgent", "important", "time-sensitive", "pressing"],
    "cash": ["cash", "money", "dosh", "funds", "pounds"],
    "guaranteed": ["guaranteed", "assured", "certain", "100% sure"],
    "congratulations": ["congratulations", "congrats", "great news", "well done", "woohoo"],
    "mobile": ["mobile", "phone", "handset", "cell"],
    "txt": ["txt", "text", "msg", "send", "sms"],
    "text": ["text", "txt", "message", "send"],
    "reply": ["reply", "answer", "respond", "send back"],
    "you": ["you", "u", "ya"],
    "your": ["your", "ur", "yr"],
    "to": ["to", "2"],
    "for": ["for", "4"],
    "customer": ["customer", "member", "subscriber", "user"],
    "awarded": ["awarded", "given", "selected for", "chosen for"],
    "offer": ["offer", "deal", "promo", "special"],
    "weekly": ["weekly", "wkly", "this week's"],
    "draw": ["draw", "raffle", "lottery", "sweepstake"],
    "contact": ["contact", "reach", "get hold of"],
    "latest": ["latest", "newest", "brand new"],
}
OPENERS = ["Hey!", "Hi :)", "Quick one:", "Good news -", "btw", "Psst,", "OMG", "Listen up:", "Hello friend,",
           "Sorry to bother u,", "Heads up!", "\U0001f389", "\U0001f525\U0001f525", "Yo,", "FYI:"]
CLOSERS = ["Cheers", "xx", "Don't miss out!", "Limited time.", "\U0001f60a", "Thx", "Good luck!", "x",
           "\U0001f381", "- team", "Ends soon", "Enjoy!", "\U0001f64f", "C u there", "Peace"]
SIGNATURES = ["- Kate", "- Dan @ support", "~ J.", "Regards, Mia", "- the promo team", "Sent from my phone",
              "Luv Bex x", "- Tom", "(Customer Care)", "-- Ana"]
NAMES = ["James", "Olivia", "Liam", "Emma", "Noah", "Ava", "Mia", "Lucas", "Sophie", "Jack", "Amelia",
         "Harry", "Isla", "Leo", "Grace", "Oscar", "Ella", "Arjun", "Priya", "Chen", "Fatima", "Mohammed",
         "Sara", "Tomasz", "Ines", "Kwame", "Yuki", "Diego", "Nina", "Omar", "Zoe", "Ben", "Lily"]
GREETS = ["Hi {n},", "Hey {n}!", "{n} -", "Dear {n},", "Hello {n} :)", "{n}!!", "Good evening {n},", "Yo {n}"]

# LLM-style paraphrase: a grammar per category, the slots kept as {0}, {1}...
FRAMES = {
    "prize": [
        "{op} You've been picked for a £{amt} {prize}. To {claim} it, {cta}.",
        "{op} Your number came up in our {draw}: £{amt} waiting. {Cta} {now}.",
        "{op} A £{amt} {prize} has your name on it. {Cta} before it expires.",
        "{op} Great news, you're one of 3 winners this week (£{amt}). Next step: {cta}.",
        "{op} We tried to reach you about £{amt} you're owed. {Cta} {now} to sort it.",
        "{op} Unclaimed: £{amt} in your name. Simply {cta}.",
        "{op} Lucky you! £{amt} reward pending. {Cta}, takes 1 min.",
    ],
    "tones": [
        "{op} Fresh tones & vids for your {mob}. {Cta} to get them.",
        "{op} Your content is ready to download. {Cta}.",
        "{op} New chart ringtones this week. {Cta} {now}.",
    ],
    "dating": [
        "{op} Someone nearby has a crush on you \U0001f440 find out who: {cta}.",
        "{op} A secret admirer wants to meet u. {Cta} {now}.",
        "{op} Bored tonight? Local singles are online. {Cta}.",
        "{op} I saw you around and can't stop thinking of u. {Cta} x",
    ],
    "phone": [
        "{op} Your {mob} is due a free upgrade. {Cta} {now}.",
        "{op} Loyalty reward: a new camera {mob} at no cost. {Cta}.",
        "{op} You qualify for the latest {mob}. {Cta} to book it.",
    ],
    "loan": [
        "{op} Struggling with bills? Approved for up to £{amt}. {Cta}.",
        "{op} Your debt could be written off. {Cta} {now}.",
    ],
}


SOFT = [
    "{op} someone nearby has a crush on you \U0001f440 to see who, {cta}",
    "{op} I have something for you that I think you'll like. {Cta}",
    "{op} you were picked out of everyone this week, seriously. {Cta}",
    "{op} are you still looking for extra money? I can help. {Cta}",
    "{op} saw ur pic and thought u might be into this. {Cta}",
    "{op} got a little surprise waiting for you, {cta} x",
    "{op} long time! Got news I can't put in writing here. {Cta}",
    "{op} u should see what I found, honestly mad. {Cta}",
    "{op} there's a parcel with your name on it waiting. {Cta}",
    "{op} I owe you one, remember? {Cta} and I'll explain",
]


def cta_phrase(c: Campaign, rendered: list[str], rng: random.Random) -> str:
    """A call to action built from the campaign's slots, already spelt."""
    parts = []
    for s, r in zip(c.slots, rendered, strict=False):
        if s.kind == "phone":
            parts.append(rng.choice(["call {}", "ring {}", "dial {}", "phone {}", "call us on {}", "give {} a ring"]).format(r))
        elif s.kind == "code":
            kw = next((rr for ss, rr in zip(c.slots, rendered, strict=False) if ss.kind == "kw"), None)
            if kw is not None:
                parts.append(rng.choice(["txt {k} to {c}", "text {k} to {c}", "send {k} to {c}", "{k} to {c}"]).format(k=kw, c=r))
            else:
                parts.append(rng.choice(["text {} now", "txt {}", "msg {}", "text YES to {}"]).format(r))
        elif s.kind == "url":
            parts.append(rng.choice(["go to {}", "visit {}", "check {}", "head to {}", "see {}", "it's at {}"]).format(r))
        elif s.kind == "kw" and not any(ss.kind == "code" for ss in c.slots):
            parts.append(rng.choice(["reply {}", "just answer {}", "send back {}", "type {} below"]).format(r))
    return " or ".join(parts[:2]) if parts else "reply here"


def spin_words(text: str, rng: random.Random, rate: float = 0.7) -> str:
    out = []
    for tok in re.split(r"(\s+)", text):
        core = tok.strip(".,!?:;").lower()
        if "{" not in tok and core in SYN and rng.random() < rate:
            rep = rng.choice(SYN[core])
            if tok[:1].isupper():
                rep = rep[:1].upper() + rep[1:]
            tok = tok.lower().replace(core, rep, 1) if core in tok.lower() else rep
        out.append(tok)
    return "".join(out)


def fold_text(text: str, rng: random.Random, rate: float = 0.25) -> str:
    """Digits for letters, look-alikes, invisible characters, case, spacing: outside the slots."""
    l33t = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
    out = []
    in_slot = False
    for ch in text:
        if ch == "{":
            in_slot = True
        if in_slot:
            out.append(ch)
            if ch == "}":
                in_slot = False
            continue
        low = ch.lower()
        roll = rng.random()
        if roll < rate * 0.3 and low in l33t:
            out.append(l33t[low])
        elif roll < rate * 0.55 and low in CYR:
            out.append(CYR[low])
        elif roll < rate * 0.7 and ch.isalpha():
            out.append(ch + ZW)
        elif roll < rate * 0.85 and ch.isalpha():
            out.append(ch.swapcase())
        elif roll < rate and ch == " ":
            out.append(rng.choice(["  ", " . ", "_", " \u00a0"]))
        else:
            out.append(ch)
    return "".join(out)


def reorder(text: str, rng: random.Random) -> str:
    sents = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    if len(sents) > 1:
        rng.shuffle(sents)
    return " ".join(sents)


def render(c: Campaign, template: str, styles: dict[int, str], rng: random.Random) -> str:
    vals = [spell(s, styles.get(i, "plain"), rng) for i, s in enumerate(c.slots)]
    try:
        return template.format(*vals)
    except (IndexError, KeyError, ValueError):
        return template


def fit(template: str, limit: int = MAX_CHARS, rendered_len=None) -> str:
    """Cut the words around the slots until the copy fits (rendered_len gives its length)."""
    measure = rendered_len or len
    t = template
    guard = 0
    while measure(t) > limit and guard < 200:
        guard += 1
        sents = re.split(r"(?<=[.!?])\s+", t)
        free = [s for s in sents if "{" not in s]
        if len(sents) > 1 and free:
            sents.remove(max(free, key=len))
            t = " ".join(sents)
            continue
        words = t.split(" ")
        idx = [i for i, w in enumerate(words) if "{" not in w]
        if not idx:
            break
        # drop a word far from the slots: the last free word before the first slot, else the last
        del words[idx[len(idx) // 2]]
        t = " ".join(words)
    return t


class CopyMaker:
    """Makes the copies of one campaign, given a recipient name and options."""

    def __init__(self, c: Campaign, rng: random.Random, ham: list[str]):
        self.c = c
        self.rng = rng
        self.ham_short = [h for h in ham if 12 <= len(h) <= 45 and not re.search(r"\d{4,}", h)]
        self.styles = random_styles(c, rng)

    def finish(self, template: str, styles: dict[int, str] | None = None) -> str:
        """The copy, cut to 140 characters around its ways back, never through them:
        ``self.complete`` says whether every way back went out whole."""
        styles = styles or self.styles
        rng = self.rng
        vals = [spell(s, styles.get(i, "plain"), rng) for i, s in enumerate(self.c.slots)]

        def filled(x: str) -> str:
            try:
                return x.format(*vals)
            except (IndexError, KeyError, ValueError):
                return x

        t = fit(template, MAX_CHARS, lambda x: len(filled(x)))
        out = filled(t)
        if len(out) > MAX_CHARS:
            alt = {i: "plain" if s.kind != "url" else "space_dot" for i, s in enumerate(self.c.slots)}
            vals = [spell(s, alt[i], rng) for i, s in enumerate(self.c.slots)]
            out = filled(fit(template, MAX_CHARS, lambda x: len(filled(x))))
        out = out[:MAX_CHARS]
        self.complete = all(v in out for v in vals) if "{" in template else False
        return out

    def base(self) -> str:
        return self.c.template

    def paraphrase(self) -> str:
        """A fresh wording in the style of a language model, the slots kept."""
        rng = self.rng
        frames = FRAMES.get(self.c.category, FRAMES["prize"])
        frame = rng.choice(frames)
        slot_marks = [f"{{{i}}}" for i in range(len(self.c.slots))]
        cta = cta_phrase(self.c, slot_marks, rng)
        amt = rng.choice(["500", "750", "1000", "1,500", "2000", "250"])
        text = frame.format(op=rng.choice([*OPENERS, ""]), amt=amt, prize=rng.choice(SYN["prize"]),
                            claim=rng.choice(SYN["claim"]), cta=cta, Cta=cta[:1].upper() + cta[1:],
                            now=rng.choice(SYN["now"]), draw=rng.choice(SYN["draw"]),
                            mob=rng.choice(SYN["mobile"]))
        return spin_words(text.strip(), rng, 0.4)

    def soft(self) -> str:
        """A lure with none of a promotion's words, the way back kept."""
        rng = self.rng
        marks = [f"{{{i}}}" for i in range(len(self.c.slots))]
        cta = cta_phrase(self.c, marks, rng)
        return rng.choice(SOFT).format(op=rng.choice([*OPENERS, ""]), cta=cta,
                                       Cta=cta[:1].upper() + cta[1:]).strip()

    def spun(self) -> str:
        rng = self.rng
        t = spin_words(self.c.template, rng)
        if rng.random() < 0.5:
            t = reorder(t, rng)
        if rng.random() < 0.6:
            t = rng.choice(OPENERS) + " " + t
        if rng.random() < 0.5:
            t = t + " " + rng.choice(CLOSERS)
        return t

    def padded(self, t: str) -> str:
        """A real ham sentence from the corpus as padding (room permitting)."""
        pad = self.rng.choice(self.ham_short)
        return (pad + " " + t) if self.rng.random() < 0.5 else (t + " " + pad)

    def personal(self, t: str, name: str) -> str:
        rng = self.rng
        code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(rng.randint(4, 7)))
        g = rng.choice(GREETS).format(n=name)
        extra = rng.choice([f"Ref {code}.", f"Code: {code}", f"(ID {code})", f"#{code}"])
        return f"{g} {t} {extra} {rng.choice(SIGNATURES)}"

    def foreign(self) -> str:
        rng = self.rng
        slot_marks = [f"{{{i}}}" for i in range(len(self.c.slots))]
        cta = " / ".join(slot_marks[:2])
        return rng.choice([
            "¡Enhorabuena! Has ganado £1000. Para cobrarlo: {c}",
            "Félicitations, vous avez gagné un cadeau de 500£ ! Pour le récupérer : {c}",
            "Glückwunsch! Du hast 750£ gewonnen. Einfach melden: {c}",
            "Parabéns! Você ganhou um prêmio de £1000. Resgate: {c}",
            "Complimenti! Hai vinto un premio di 1000£. Per riscuoterlo: {c}",
            "Gefeliciteerd! Je hebt £500 gewonnen. Claim via {c}",
        ]).format(c=cta)

    def short(self) -> str:
        """Under the tracing minimum (32 characters), the way back kept."""
        rng = self.rng
        marks = [f"{{{i}}}" for i in range(len(self.c.slots))]
        m = marks[0]
        kinds = self.c.slots[0].kind
        pool = {
            "phone": ["£1k 4 u! ring {m}", "won £500: {m}", "gift 4 u, call {m}", "{m} - ur prize", "call {m} x",
                      "ring {m} 2nite", "u won! {m}", "£££ {m}"],
            "code": ["WIN to {m}", "txt GO {m}", "£1k? txt {m}", "{m} 4 prize", "free tones: {m}", "txt YES {m}"],
            "url": ["{m} \U0001f381", "see {m}!", "u won - {m}", "gift: {m}", "{m} 4 u"],
            "kw": ["reply {m} 4 £1k", "say {m} 2 win", "{m}? u won", "just reply {m}"],
        }[kinds]
        return rng.choice(pool).format(m=m)


# --------------------------------------------------------------------------- ham traffic


def ham_texts(ham: list[str]) -> list[str]:
    return [h for h in ham if len(h) <= MAX_CHARS]
