"""Words are features of the signature as well as letters (``fingerprint.WORD_WEIGHT``).

Spintax swaps and inserts whole words. A swapped word costs its own 4-grams and those
that cross into its neighbours; weighed as words too, a spun copy keeps more of its
original. Measured here with a spinner written for this test (not the adversary's:
other synonyms, SMS spelling, fillers, emoji, sentences reordered) on the scams of
``tests/data/dm_today.tsv``, against the signature of the shingles alone
(``word_weight=0``); ordinary messages of the same file must not come closer.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

import policy.normalize as normalize_module
from policy.fingerprint import python_signature_of_normalized, signature_of_normalized, similarity
from policy.normalize import normalize

TODAY = Path(__file__).resolve().parents[1] / "data" / "dm_today.tsv"
_SWAPS = (("you", "u", "ya"), ("your", "ur", "yr"), ("to", "2"), ("for", "4"),
          ("now", "today", "asap", "right now"), ("free", "no charge", "on the house"),
          ("get", "grab", "receive", "obtain"), ("send", "forward", "share"),
          ("click", "tap", "hit"), ("link", "url", "page"), ("account", "acct", "profile"),
          ("money", "cash", "funds"), ("message", "msg", "dm", "text"),
          ("great", "amazing", "awesome"), ("please", "pls", "plz", "kindly"),
          ("the", "da", "this"), ("and", "&", "n"), ("are", "r"), ("is", "'s"))
_SWAP = {w: forms for forms in _SWAPS for w in forms}
_FILLERS = ("actually", "basically", "literally", "guys", "dear", "fr", "lol", "!!", "🔥",
            "💰", "✅", "seriously", "trust me")


def _spin(text: str, rng: random.Random) -> str:
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    if len(sentences) > 1 and rng.random() < 0.5:
        rng.shuffle(sentences)
    out = []
    for word in " ".join(sentences).split():
        core = word.strip(".,!?:;").lower()
        if core in _SWAP and rng.random() < 0.6:
            word = rng.choice(_SWAP[core])
        out.append(word)
        if rng.random() < 0.12:
            out.append(rng.choice(_FILLERS))
    return " ".join(out)


def _texts(labels: tuple[str, ...]) -> list[str]:
    rows = [line.split("\t") for line in TODAY.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [row[-1] for row in rows if row[0] in labels and len(row[-1]) >= 60]


def _share_close(pairs: list[tuple[str, str]], word_weight: int | None,
                 at: float = 0.5) -> float:
    def sig(text: str) -> bytes:
        n = normalize(text)
        if word_weight is None:
            return signature_of_normalized(n)
        return python_signature_of_normalized(n, word_weight)
    return sum(similarity(sig(a), sig(b)) >= at for a, b in pairs) / len(pairs)


def test_spun_copies_stay_closer_with_words_as_features(monkeypatch: pytest.MonkeyPatch) -> None:
    # The signature's words, measured alone: without the synonyms' fold (policy/synonyms.py),
    # which reads this spinner's swaps and fillers as one text whatever the signature
    # (97% of the pairs close with letters alone, 99% with words)
    monkeypatch.setattr(normalize_module, "fold_synonyms", lambda text: text)
    rng = random.Random(15)
    scams = _texts(("spam", "campaign"))
    assert len(scams) > 300
    pairs = [(_spin(t, rng), _spin(t, rng)) for t in scams]
    letters = _share_close(pairs, 0)
    words = _share_close(pairs, None)
    # The engine's signature (C or Python) is the one with words.
    assert _share_close(pairs[:50], None) == _share_close(pairs[:50], 3)
    assert words >= letters + 0.05, (letters, words)


def test_ordinary_messages_do_not_come_closer() -> None:
    rng = random.Random(16)
    talk = _texts(("ham",))
    pairs = [(a, b) for a, b in (rng.sample(talk, 2) for _ in range(3000))
             if normalize(a) != normalize(b)]
    for at in (0.25, 0.5):
        assert _share_close(pairs, None, at) <= _share_close(pairs, 0, at) + 0.002, at
