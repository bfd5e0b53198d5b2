"""The engine's memory of recent texts: same answers as computing them, bounded, no words kept."""

from __future__ import annotations

import random

import pytest

import policy.fingerprint as fingerprint
from policy import Engine, SendRequest
from policy.clock import VirtualClock
from policy.fingerprint import TextFeatures, signature
from policy.normalize import normalize
from policy.promotion import reads_as_promotion
from policy.rules import load_rules
from policy.ways_back import read_contacts, year_only_contact
from tests.conftest import DEFAULT_RULES, T0, dense_graph

TEXTS = [
    "Congratulations! You won a 1000 prize, call 0800 123 456 now to claim it",
    "CONGRATULATIONS! You won a 2000 prize, call 0800 999 111 now to claim it!!",
    "are we still on for dinner at the noodle bar on friday, or should we move it",
    "ok",
    "see you at 8",
    "Ｆｒｅｅ ｅｎｔｒｙ into our weekly competition, text WIN to 80086 to enter today",
    "Happy New Year 2027 to you and all the family, see you soon x",  # a year alone
]


def _expected(text: str, traced_from: int) -> tuple[object, ...]:
    normalized = normalize(text)
    chars = len(normalized) - normalized.count(" ")
    contact, contacts = read_contacts(text)
    year_only = (contact and not contacts and not reads_as_promotion(text)
                 and year_only_contact(text))
    return chars, (signature(text) if chars >= traced_from else None), contact, contacts, year_only


@pytest.mark.parametrize("size", [0, 1, 3, 2048])
def test_answers_are_those_computed_afresh(size: int) -> None:
    cache = TextFeatures(size)
    rng = random.Random(size)
    for _ in range(200):
        text = rng.choice(TEXTS)
        traced_from = rng.choice([0, 12, 32, 60])
        assert cache.of(text, traced_from) == _expected(text, traced_from)
    assert len(cache) <= size


def test_a_repeated_text_is_fingerprinted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = fingerprint.signature_of_normalized
    monkeypatch.setattr(fingerprint, "signature_of_normalized",
                        lambda n: calls.append(n) or real(n))
    cache = TextFeatures(16)
    for _ in range(50):
        cache.of(TEXTS[0], 32)
    assert len(calls) == 1
    cache.of(TEXTS[1], 32)  # a near copy is another text: computed (and then compared)
    assert len(calls) == 2


def test_a_short_text_gets_its_signature_when_the_rules_start_tracing_it() -> None:
    cache = TextFeatures(16)
    chars, sig, *_ = cache.of("see you at 8", 32)
    assert sig is None and chars < 32
    assert cache.of("see you at 8", 0) == _expected("see you at 8", 0)
    assert cache.of("see you at 8", 0)[1] is not None


def test_memory_is_bounded_and_the_least_recently_used_goes_first() -> None:
    cache = TextFeatures(3)
    texts = [f"message number {i} about the weekly competition and its prizes" for i in range(10)]
    for text in texts[:3]:
        cache.of(text, 0)
    cache.of(texts[0], 0)  # used again: now the most recent
    cache.of(texts[3], 0)  # evicts texts[1], the least recently used
    assert len(cache) == 3
    keys = list(cache._entries)
    digest = fingerprint.hashlib.blake2b
    assert digest(texts[1].encode(), digest_size=16).digest() not in keys
    assert digest(texts[0].encode(), digest_size=16).digest() in keys
    for text in texts:
        cache.of(text, 0)
    assert len(cache) == 3


def test_no_words_are_kept() -> None:
    cache = TextFeatures(16)
    for text in TEXTS:
        cache.of(text, 0)
    kept = repr(cache._entries)
    for word in ("Congratulations", "noodle", "competition", "prize"):
        assert word.lower() not in kept.lower()
    assert all(len(key) == 16 for key in cache._entries)


def test_lone_surrogates_are_hashed_not_raised() -> None:
    cache = TextFeatures(4)
    chars, *_ = cache.of("broken \ud800 text that is long enough to be traced by the rule", 0)
    assert chars > 0


def test_the_engine_decides_the_same_with_and_without_it() -> None:
    rules = load_rules(DEFAULT_RULES)
    rng = random.Random(7)
    people = [f"u{i}" for i in range(12)]
    graph = dense_graph(rng, people)
    cached = Engine(rules, graph=graph, clock=VirtualClock(T0))
    fresh = Engine(rules, graph=graph, clock=VirtualClock(T0), text_cache_size=0)
    seen = set()
    for _ in range(300):
        sender = rng.choice(people[:4])
        recipient = rng.choice(people[4:])
        request = SendRequest(sender, (recipient,), rng.choice(TEXTS))
        a, b = cached.check(request), fresh.check(request)
        assert a == b
        seen.add(a.verdict)
    assert len(seen) > 1  # the sequence reaches refusals, not only allows
    assert len(cached._texts) == len(set(TEXTS)) and len(fresh._texts) == 0


@pytest.mark.parametrize("size", [-1, 1.5, "10"])
def test_a_bad_size_is_a_clear_error(size: object) -> None:
    with pytest.raises(ValueError, match="text_cache_size"):
        Engine(load_rules(DEFAULT_RULES), text_cache_size=size)  # type: ignore[arg-type]
