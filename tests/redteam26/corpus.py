"""The SMS Spam Collection, read in place, and what round 26 makes of it.

Every spam text becomes a :class:`Spam`: its words with its ways back (phone numbers, short
codes, links, addresses) marked, so that a campaign can give each sender fresh ones of the same
kind and keep them whatever it does to the other words."""
from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sms_spam_collection.tsv"

_CONTACT = re.compile(
    r"(?P<url>(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|co\.uk|net|org|biz|info|tv)"
    r"(?:/\S*)?)"
    r"|(?P<mail>\b[\w.]+@[\w.]+\.\w+)"
    r"|(?P<phone>\+?\d[\d ]{8,}\d)"
    r"|(?P<code>\b\d{5}\b|(?:(?<=to )|(?<=on )|(?<=call )|(?<=txt ))\d{4,6}\b)", re.I)


@dataclass(frozen=True)
class Spam:
    text: str                 # the corpus text
    parts: tuple[str, ...]    # words and ways back; a way back is "\x00kind\x00original"

    @property
    def has_contact(self) -> bool:
        return any(p.startswith("\x00") for p in self.parts)


def load(path: Path = CORPUS) -> tuple[list[str], list[str]]:
    ham, spam = [], []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            label, _, text = line.rstrip("\n").partition("\t")
            if label == "ham":
                ham.append(text)
            elif label == "spam":
                spam.append(text)
    return ham, spam


def available() -> bool:
    return CORPUS.exists()


def parse(text: str) -> Spam:
    parts: list[str] = []
    pos = 0
    for m in _CONTACT.finditer(text):
        parts.extend(text[pos:m.start()].split())
        parts.append(f"\x00{m.lastgroup}\x00{m.group(0).strip()}")
        pos = m.end()
    parts.extend(text[pos:].split())
    return Spam(text, tuple(parts))


@functools.lru_cache(maxsize=1)
def spam_texts() -> list[Spam]:
    _, spam = load()
    return [parse(t) for t in spam]


@functools.lru_cache(maxsize=1)
def ham_texts() -> list[str]:
    ham, _ = load()
    return [t for t in ham if 2 <= len(t) <= 140]


_TLDS = ["com", "net", "co.uk", "biz", "info"]
_SYL = ["win", "pri", "zo", "ka", "lu", "mo", "tel", "ex", "star", "fun", "max", "neo", "go", "tix",
        "kiss", "joy", "txt", "ring", "top", "mob"]


def fresh_contact(kind: str, original: str, rng: random.Random) -> str:
    """A new way back of the same kind as ``original`` (a spammer's own number, code or site)."""
    if kind in ("phone", "code"):
        digits = [c for c in original if c.isdigit()]
        keep = 4 if kind == "phone" and len(digits) >= 10 else 1
        out, i = [], 0
        for c in original:
            if c.isdigit():
                out.append(c if i < keep else str(rng.randrange(10)))
                i += 1
            else:
                out.append(c)
        return "".join(out)
    name = "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 3))) + str(rng.randint(1, 99))
    if kind == "mail":
        return f"{name}@{rng.choice(['gmail.com', 'hotmail.co.uk', 'yahoo.com'])}"
    tld = rng.choice(_TLDS)
    path = original.split("/", 3)[3] if original.count("/") >= 3 else ""
    if not path and "/" in original.replace("://", ""):
        path = original.replace("://", "").split("/", 1)[1]
    host = ("www." if "www" in original.lower() else "") + f"{name}.{tld}"
    return host + ("/" + path if path else "")
