"""Ways back found in real spam texts, fresh values of the same kind per sender, and the
ways a sender who read the README writes them so that a reader still acts on them."""
from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass

URL = re.compile(
    r"(?:https?://\s?)?(?:www\.\s?)?[A-Za-z0-9][\w-]*(?:\.\s?[\w-]+)*"
    r"\.(?:com|net|org|biz|info|tv|mobi|co\.uk|uk)\b(?:/[^\s]*)?",
    re.I,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?:\+44\s?|\b0)\d(?:[\s-]?\d){8,10}\b")
SHORT = re.compile(r"\b[6-9]\d{4}\b")
KEYWORD = re.compile(r"\b(?:txt|text|send|reply)\s+(?:the\s+word:?\s+)?([A-Z]{2,})\b", re.I)
TAIL = re.compile(
    r"(?:\s*(?:T&Cs?|TsCs|T&C's|Ts&Cs|TnCs|T's&C's)\b.*$)|(?:\s*\b\d{2,3}p(?:pm|/min|\s?per\s?min)?\b.*$)",
    re.I,
)

OTHER = re.compile(r"\b(?:txt|text|reply|rply|call|send|phone|ring|sms|stop)\b|@", re.I)
BRANDS = ["tune", "deal", "mate", "vibe", "chat", "date", "cash", "gift", "club", "star",
          "pix", "fun", "ring", "quiz", "promo", "treat", "lux", "box", "hub", "zone"]
HANDLE_APPS = ["snap", "kik", "insta", "telegram", "whatsapp"]


@dataclass(frozen=True)
class Template:
    source: str      # the corpus text
    text: str        # with {WB} where the way back goes
    kind: str        # url | email | phone | short


def extract(text: str) -> Template | None:
    """The first way back of a spam text becomes {WB}; the others and the T&C tail go."""
    found: list[tuple[int, int, str]] = []
    for kind, rx in (("email", EMAIL), ("url", URL), ("phone", PHONE), ("short", SHORT)):
        for m in rx.finditer(text):
            if any(a <= m.start() < b or m.start() <= a < m.end() for a, b, _ in found):
                continue
            found.append((m.start(), m.end(), kind))
    if not found:
        return None
    found.sort()
    a, b, kind = found[0]
    head, tail = text[:a], text[b:]
    for a2, b2, _ in sorted(found[1:], reverse=True):
        tail = tail[: a2 - b] + tail[b2 - b:]
    tail = TAIL.sub("", tail)
    out = " ".join((head + "{WB}" + tail).split())
    # one way back only: other sentences with numbers, keywords to text or lines to call go
    keep = []
    for s in re.split(r"(?<=[.!?])\s+", out):
        if "{WB}" not in s and (OTHER.search(s) or re.search(r"\d{4,}", s)):
            continue
        if "{WB}" in s:
            s = re.sub(r"\b\d{4,}\b", "", s)
        keep.append(s)
    out = " ".join(" ".join(keep).split())
    if re.search(r"(?:terms|T ?& ?C'?s?)[^{]{0,12}\{WB\}", out, re.I):
        return None
    if len(out) < 25 or "@" in out.replace("{WB}", "") or len(out.split()) < 6:
        return None
    return Template(text, out, kind)


def templates(spam: tuple[str, ...]) -> list[Template]:
    seen: set[str] = set()
    out = []
    for s in spam:
        t = extract(s)
        if t and t.text not in seen:
            seen.add(t.text)
            out.append(t)
    return out


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


class WayBack:
    """One sender's way back: a fresh value of the template's kind, written in a style."""

    URL_STYLES = ("bare", "bare", "paren", "spaced_com")
    PHONE_STYLES = ("plain", "grouped", "dashed", "lookalike")
    SHORT_STYLES = ("plain", "spaced")

    def __init__(self, rng: random.Random, kind: str, style: str | None = None):
        self.kind = kind
        self.rng = rng
        brand = rng.choice(BRANDS) + rng.choice(BRANDS) + _digits(rng, rng.choice((0, 2, 2, 3)))
        self.brand = brand
        if kind == "url":
            self.value = f"{brand}.{rng.choice(['com', 'net', 'co.uk'])}"
            self.style = style or rng.choice(self.URL_STYLES)
        elif kind == "email":
            self.value = f"{rng.choice(['win', 'info', 'claims', 'hello', 'desk'])}@{brand}.com"
            self.style = style or rng.choice(("dotless", "words"))
        elif kind == "phone":
            self.value = rng.choice(["0906", "0871", "0870", "0800", "0845", "07"])
            self.value += _digits(rng, 11 - len(self.value))
            self.style = style or rng.choice(self.PHONE_STYLES)
        else:
            self.value = rng.choice("6789") + _digits(rng, 4)
            self.style = style or rng.choice(self.SHORT_STYLES)

    def render(self, rng: random.Random | None = None) -> str:
        rng = rng or self.rng
        v, s = self.value, self.style
        if self.kind == "url":
            name, _, tld = v.partition(".")
            tld_sp = tld.replace(".", " ")
            if s == "bare":
                return f"{name} {tld_sp}"
            if s == "co_uk":
                return f"{name} {tld_sp} (no dots)"
            if s == "paren":
                return f"{name} ({tld})"
            if s == "spaced_com":
                return f"{name} {' '.join(tld.replace('.', ''))}"
            if s == "dotless_path":
                return f"{name} {tld_sp} slash {rng.choice(['win', 'go', 'me', 'vip'])}"
            return f"{name} dot {tld_sp.replace(' ', ' dot ')}"
        if self.kind == "email":
            user, _, dom = v.partition("@")
            name = dom.split(".")[0]
            if s == "dotless":
                return f"{user} at {name} com"
            return f"{user} at {name} dot com"
        if self.kind == "phone":
            if s == "grouped":
                return f"{v[:4]} {v[4:7]} {v[7:]}"
            if s == "dashed":
                return f"{v[:5]}-{v[5:]}"
            if s == "lookalike":
                return v.replace("0", "O").replace("1", "l")
            return v
        if s == "spaced":
            return " ".join(v)
        return v
