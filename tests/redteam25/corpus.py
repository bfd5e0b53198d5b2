"""The SMS Spam Collection, read in place (tests.redteam24.corpus), and round 25's helpers."""
from __future__ import annotations

import functools
import random
import re

from tests.redteam24.corpus import CORPUS, gist, ham_sentences, ham_texts, load, soften

__all__ = ["CORPUS", "gist", "ham_sentences", "ham_texts", "load", "soften", "spam_clauses", "stripped_spam", "talk"]


@functools.lru_cache(maxsize=1)
def spam_clauses() -> list[str]:
    """Clauses of the corpus's real spam, softened (numbers, links and trade words said otherwise)."""
    _, spam = load()
    rng = random.Random(25)
    out = []
    for s in spam:
        for part in re.split(r"(?<=[.!?])\s+", s):
            t = soften(part, rng, 70)
            if 15 <= sum(c.isalpha() for c in t) and len(t) <= 70:
                out.append(t)
    return sorted(set(out))


@functools.lru_cache(maxsize=1)
def _talk() -> list[str]:
    return [t for t in ham_sentences(60) if sum(c.isalpha() for c in t) >= 10]


def talk(rng: random.Random) -> str:
    """A real ordinary sentence of the corpus (ham), up to 60 characters."""
    return rng.choice(_talk())


_CUT = re.compile(r"(https?://\S+|www\.\S+|\S+\.(?:com|net|co\.uk|biz|org)\S*|\S*\d\S*|[#*&@/+<>()\[\]\"=~^_|\\]|"
                  r"\bT ?& ?Cs?\b|\bPO ?Box\S*|\b18\+)", re.I)
_TAIL = re.compile(r"\b(call|txt|text|reply|send|ring|dial|stop|to|on|at|or|now|ur|your)\W*$", re.I)


@functools.lru_cache(maxsize=1)
def stripped_spam() -> list[str]:
    """The corpus's real spam, its first sentences, with numbers, links and codes cut out (its words
    kept): what a campaign that rotates real offers says before its own way back."""
    _, spam = load()
    out = []
    for s in spam:
        t = _CUT.sub(" ", s)
        t = re.sub(r"\s+([.,!?])", r"\1", t)
        t = re.sub(r"\s{2,}", " ", t).strip(" .,:;-!")
        t = t[:85].rsplit(" ", 1)[0] if len(t) > 85 else t
        for _ in range(3):
            t = _TAIL.sub("", t).strip(" .,:;-!")
        if sum(c.isalpha() for c in t) >= 25:
            out.append(t)
    return sorted(set(out))
