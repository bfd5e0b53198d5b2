"""The SMS Spam Collection, read from ../shared/data next to the repository."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sms_spam_collection.tsv"


def available() -> bool:
    return CORPUS.is_file()


@lru_cache(maxsize=1)
def load() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(spam texts, ham texts), in the corpus's order, duplicates dropped."""
    spam: dict[str, None] = {}
    ham: dict[str, None] = {}
    for line in CORPUS.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        label, _, text = line.partition("\t")
        text = " ".join(text.split())
        if not text:
            continue
        (spam if label == "spam" else ham)[text] = None
    return tuple(spam), tuple(ham)
