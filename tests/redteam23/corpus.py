"""Reads the SMS Spam Collection in place (never copied into the repo)."""
from __future__ import annotations

import functools
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "sms_spam_collection.tsv"


@functools.lru_cache(maxsize=1)
def load() -> tuple[list[str], list[str]]:
    ham, spam = [], []
    for line in CORPUS.read_text(encoding="utf-8", errors="replace").splitlines():
        if "\t" not in line:
            continue
        label, text = line.split("\t", 1)
        text = text.strip()
        if not text:
            continue
        if label == "ham":
            ham.append(text)
        elif label == "spam":
            spam.append(text)
    return ham, spam


NUM = re.compile(r"\b0\d{9,10}\b|\b[6-8]\d{4}\b")


def spam_with_number(maxlen: int = 140) -> list[str]:
    _, spam = load()
    return [s for s in spam if len(s) <= maxlen and NUM.search(s)]


def ham_sentences(maxlen: int = 60) -> list[str]:
    ham, _ = load()
    out = []
    for h in ham:
        h = h.replace("&lt;#&gt;", "").replace("&amp;", "&").strip()
        if 12 <= len(h) <= maxlen:
            out.append(h)
    return out


def ham_texts(maxlen: int = 140) -> list[str]:
    ham, _ = load()
    out = []
    for h in ham:
        h = h.replace("&lt;#&gt;", "5").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").strip()
        if h:
            out.append(h[:maxlen])
    return out
