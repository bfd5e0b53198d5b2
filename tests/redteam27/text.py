"""Rewriting a spam text per copy: folding, personalising, spinning, fitting in 140."""
from __future__ import annotations

import random
import re

LIMIT = 140
LOOKALIKE = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
             "A": "А", "E": "Е", "O": "О", "P": "Р", "C": "С", "T": "Т", "H": "Н", "K": "К"}
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"]

SYNONYMS = [
    ["congratulations", "congrats", "great news", "well done", "guess what"],
    ["won", "bagged", "landed", "scored", "been picked for"],
    ["win", "bag", "land", "score", "walk away with"],
    ["prize", "reward", "bonus", "surprise", "treat", "goodie"],
    ["claim", "collect", "grab", "pick up", "get hold of"],
    ["call", "ring", "phone", "dial", "buzz"],
    ["now", "today", "asap", "right away", "tonight", "b4 it goes"],
    ["free", "on us", "no charge", "gratis", "on the house"],
    ["txt", "text", "msg", "send", "sms"],
    ["mobile", "fone", "mob", "handset", "cell"],
    ["your", "ur", "yr", "your very own"],
    ["you", "u", "ya", "you"],
    ["great", "amazing", "fab", "brill", "top", "mega"],
    ["chance", "shot", "opportunity", "go"],
    ["offer", "deal", "promo", "special"],
    ["urgent", "important", "heads up", "time sensitive", "pls read"],
    ["customer", "member", "user", "subscriber"],
    ["week", "wk", "7 days"],
    ["message", "msg", "note", "text"],
    ["visit", "go to", "check", "head to", "log onto", "see"],
    ["please", "pls", "plz", "kindly"],
    ["get", "grab", "receive", "bag", "score"],
    ["new", "latest", "fresh", "brand new"],
    ["cash", "money", "dosh", "quid"],
    ["guaranteed", "100% certain", "definite", "assured"],
    ["just", "simply", "only"],
    ["tone", "ringtone", "ring tone"],
    ["chat", "talk", "natter"],
    ["sexy", "hot", "naughty", "cheeky"],
]
SYN_INDEX: dict[str, list[str]] = {}
for group in SYNONYMS:
    for w in group:
        if " " not in w:
            SYN_INDEX.setdefault(w, group)

FILLERS = ["honestly", "ok so", "btw", "no joke", "lol", "seriously", "just saying", "listen",
           "fyi", "tbh", "right", "so yeah", "anyway", "trust me", "for real", "oh and"]
OPENERS = ["hey", "hiya", "hi there", "yo", "hello", "heya", "oi", "morning", "evening", "psst",
           "hey you", "alright", "hi hun", "hey stranger"]
CLOSERS = ["x", "xx", ":)", "!!", "cheers", "ta", "speak soon", "laters", "enjoy", ";)", "bye 4 now"]

WORD = re.compile(r"[A-Za-z']+|\{WB\}|[^A-Za-z'{]+|\{")


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+", text)
    return [p for p in parts if p.strip()]


def fold(text: str, rng: random.Random, strength: float = 0.15) -> str:
    """Look-alike letters, invisible characters, case and spacing; {WB} kept as is."""
    out = []
    for tok in WORD.findall(text):
        if tok == "{WB}" or not tok[0].isalpha():
            out.append(tok.replace(" ", "  ") if tok.isspace() and rng.random() < strength else tok)
            continue
        r = rng.random()
        if r < strength / 2:
            tok = tok.upper()
        elif r < strength:
            tok = tok.lower()
        chars = []
        for ch in tok:
            if ch in LOOKALIKE and rng.random() < strength:
                ch = LOOKALIKE[ch]
            chars.append(ch)
            if rng.random() < strength / 3:
                chars.append(rng.choice(INVISIBLE))
        if len(tok) > 3 and rng.random() < strength / 3:
            chars = list(" ".join(chars))
        out.append("".join(chars))
    return "".join(out)


def renumber(text: str, rng: random.Random) -> str:
    """Amounts and codes change per copy (not the way back, which is {WB})."""
    def sub(m: re.Match[str]) -> str:
        s = m.group(0)
        if len(s) <= 1:
            return s
        return str(rng.randint(10 ** (len(s) - 1), 10 ** len(s) - 1))
    parts = text.split("{WB}")
    return "{WB}".join(re.sub(r"\d+", sub, p) for p in parts)


def spin(text: str, rng: random.Random, p_syn: float = 0.8, fillers: int = 2,
         reorder: bool = True) -> str:
    sents = sentences(text)
    if reorder and len(sents) > 1:
        wb = [s for s in sents if "{WB}" in s]
        rest = [s for s in sents if "{WB}" not in s]
        rng.shuffle(rest)
        sents = rest + wb if rng.random() < 0.7 else wb + rest
    out = []
    for s in sents:
        toks = WORD.findall(s)
        for i, tok in enumerate(toks):
            group = SYN_INDEX.get(tok.lower())
            if group and rng.random() < p_syn:
                toks[i] = rng.choice(group)
        s = "".join(toks)
        if fillers and rng.random() < 0.5:
            s = f"{rng.choice(FILLERS)}, {s}" if rng.random() < 0.5 else f"{s} {rng.choice(FILLERS)}"
        out.append(s)
    text = " ".join(out)
    if rng.random() < 0.8:
        text = f"{rng.choice(OPENERS)}! {text}"
    if rng.random() < 0.6:
        text = f"{text} {rng.choice(CLOSERS)}"
    return text


def fit(text: str, wb: str, limit: int = LIMIT) -> str:
    """Drop words away from {WB} until the rendered text fits the 140 characters."""
    text = " ".join(text.split(" ")) if text else text
    if len(text.replace("{WB}", wb)) <= limit:
        return text.replace("{WB}", wb)
    words = text.split(" ")
    idx = next((i for i, w in enumerate(words) if "{WB}" in w), len(words) - 1)
    while len(" ".join(words).replace("{WB}", wb)) > limit and len(words) > 1:
        # drop the word farthest from the way back
        j = 0 if idx > len(words) - 1 - idx else len(words) - 1
        if words[j] and "{WB}" in words[j]:
            break
        words.pop(j)
        if j < idx:
            idx -= 1
    return " ".join(words).replace("{WB}", wb)[:limit]
