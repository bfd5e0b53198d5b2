"""The C signature (``policy._signature``) returns the Python one's bytes for every str.

Without the extension (no C compiler at install time) the comparisons skip,
unless ``CI`` is set: CI builds it, so there a missing extension is a failure.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policy.fingerprint as fingerprint
from policy import Engine, SendRequest
from policy.backtest.simulate import evade, load_corpus
from policy.clock import VirtualClock
from policy.fingerprint import SIGNATURE_BYTES, python_signature_of_normalized
from policy.normalize import normalize
from policy.rules import load_rules
from tests.conftest import DEFAULT_RULES, T0, dense_graph

Signature = Callable[[str], bytes]

try:
    from policy._signature import signature_of_normalized as _c_signature
except ImportError as error:  # pragma: no cover - depends on the build
    _c_signature = None
    _MISSING = f"the C accelerator was not built ({error})"
else:
    _MISSING = ""


def _need_c() -> Signature:
    """The C function; else a skip, or under ``CI`` a failure."""
    if _c_signature is None:
        if os.environ.get("CI"):
            pytest.fail(f"{_MISSING}: CI has a C compiler and must build policy._signature")
        pytest.skip(f"{_MISSING}; pip install -e . with a C compiler builds it")
    return _c_signature


@pytest.fixture(scope="module")
def c_signature() -> Signature:
    return _need_c()


def _same(c_signature: Signature, text: str) -> None:
    assert c_signature(text) == python_signature_of_normalized(text), repr(text)


def test_the_module_uses_the_accelerator_when_it_is_built() -> None:
    assert fingerprint.ACCELERATED is (_c_signature is not None)
    expected = _c_signature or python_signature_of_normalized
    assert fingerprint.signature_of_normalized is expected
    if _c_signature is None:
        _need_c()  # a failure under CI


@pytest.mark.corpus
def test_every_corpus_text_agrees(c_signature: Signature, corpus_path: Path) -> None:
    corpus = load_corpus(corpus_path)
    texts = corpus.ham + corpus.spam
    assert len(texts) > 5000
    rng = random.Random(5)
    for text in texts:
        _same(c_signature, normalize(text))
        _same(c_signature, text)  # raw: capitals, punctuation, several spaces
    for text in corpus.spam:  # evasions: lookalikes, zero-width characters, spacing
        variant = evade(text, rng)
        _same(c_signature, variant)
        _same(c_signature, normalize(variant))


SHORT = [
    "", " ", "  ", "a", " a ", "ab", "abc", "abcd", "abcde", "a b c d", "a b c d e",
    "é", "日本", "日本語テ", "日本語テキ", "😀", "😀😁😂🤣", "😀😁😂🤣😃", "e\u0301", "1 2 3 4 5",
    "\x00", "\x00\x00\x00\x00\x00", "\u00a0\u00a0", "\t\n", "\U0010ffff" * 5,
]


@pytest.mark.parametrize("text", SHORT)
def test_short_texts_agree(c_signature: Signature, text: str) -> None:
    _same(c_signature, text)
    _same(c_signature, normalize(text))


def test_the_empty_text_is_zeros(c_signature: Signature) -> None:
    assert c_signature("") == c_signature("   ") == bytes(SIGNATURE_BYTES)


def test_long_texts_agree(c_signature: Signature) -> None:
    # Past the C's stack buffers (512 code points): heap buffers, every width.
    for unit in ("spam offer ", "é ü ", "日本語 ", "😀x "):
        for count in (1, 60, 200, 2000):
            _same(c_signature, unit * count)
    rng = random.Random(3)
    alphabet = "ab 1é日😀\u0301"
    for length in (511, 512, 513, 4096):
        _same(c_signature, "".join(rng.choice(alphabet) for _ in range(length)))


# Spaces, digits, combining marks, and characters of 1 to 4 UTF-8 bytes, weighted
# so that shingles repeat and short texts leave bins empty (densification).
_MIXED = st.one_of(
    st.sampled_from(" abc019"),
    st.sampled_from("\u0301\u0308\u20dd\u0327"),  # combining marks
    st.characters(min_codepoint=0x80, max_codepoint=0x7FF),
    st.characters(min_codepoint=0x800, max_codepoint=0xFFFF, exclude_categories=("Cs",)),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF),
)
_TEXT = st.one_of(st.text(_MIXED, max_size=60), st.text(max_size=60))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_arbitrary_texts_agree(c_signature: Signature, text: str) -> None:
    _same(c_signature, normalize(text))
    _same(c_signature, text)


def _outcome(function: Signature, text: str) -> object:
    try:
        return function(text)
    except Exception as error:
        return type(error)


@settings(max_examples=200, deadline=None)
@given(st.text(st.one_of(st.sampled_from(" ab"), st.characters(categories=("Cs",))), max_size=12))
def test_lone_surrogates_behave_alike(c_signature: Signature, text: str) -> None:
    expected = _outcome(python_signature_of_normalized, text)
    assert _outcome(c_signature, text) == expected
    has_surrogate = any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)
    assert (expected is UnicodeEncodeError) == has_surrogate


@pytest.mark.parametrize("text", ["a\ud800", "\udfff", "ab cd\ud800ef", "x" * 600 + "\udc80"])
def test_a_lone_surrogate_raises_unicode_encode_error(c_signature: Signature, text: str) -> None:
    with pytest.raises(UnicodeEncodeError):
        python_signature_of_normalized(text)
    with pytest.raises(UnicodeEncodeError):
        c_signature(text)


def test_only_str_is_accepted(c_signature: Signature) -> None:
    with pytest.raises(TypeError):
        c_signature(b"bytes are not text")  # type: ignore[arg-type]


TEXTS = [
    "Congratulations! You won a 1000 prize, call 0800 123 456 now to claim it",
    "CONGRATULATIONS! You won a 2000 prize, call 0800 999 111 now to claim it!!",
    "C o n g r a t u l a t i o n s! You w0n a 1000 prize, call 0800 123 456 now",
    "are we still on for dinner at the noodle bar on friday, or should we move it",
    "ok",
    "Ｆｒｅｅ ｅｎｔｒｙ into our weekly competition, text WIN to 80086 to enter today",
]


def _decisions(signature: Signature, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    monkeypatch.setattr(fingerprint, "signature_of_normalized", signature)
    rng = random.Random(11)
    people = [f"u{i}" for i in range(12)]
    graph = dense_graph(rng, people)
    engine = Engine(load_rules(DEFAULT_RULES), graph=graph, clock=VirtualClock(T0),
                    text_cache_size=0)
    out = []
    for _ in range(200):
        sender = rng.choice(people[:4])
        recipient = rng.choice(people[4:])
        out.append(engine.check(SendRequest(sender, (recipient,), rng.choice(TEXTS))))
    return out


def test_the_engine_decides_the_same_with_either(
    c_signature: Signature, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def counted(normalized: str) -> bytes:
        calls.append(normalized)
        return c_signature(normalized)

    with_c = _decisions(counted, monkeypatch)
    with_python = _decisions(python_signature_of_normalized, monkeypatch)
    assert calls  # the engine did go through the monkeypatched function
    assert with_c == with_python
    assert len({d.verdict for d in with_c}) > 1  # refusals too, not only allows
