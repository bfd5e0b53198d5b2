"""Content fingerprints: a short signature whose agreement estimates similarity.

A signature is ``SIGNATURE_BYTES`` bytes, a one-permutation MinHash of the
normalised text's character 4-grams and of its words (one hash per shingle,
``WORD_WEIGHT`` per word of 2 characters or more; densified so that short texts fill
every bin); spaces are left out of the shingles. The share of equal bytes between two
signatures estimates the Jaccard similarity of the two texts' feature sets, so

* the trace keeps 32 bytes per text, never the text, and
* the same comparison (count equal bytes) runs in Python (with rapidfuzz's
  Hamming distance) and in the Redis Lua script, byte for byte.

``signature_of_normalized`` is the C accelerator ``policy._signature`` when it
was built (``ACCELERATED`` is then True), else ``python_signature_of_normalized``;
both return the same bytes for every str.
"""

from __future__ import annotations

import hashlib
import threading
import unicodedata
import zlib
from bisect import bisect_left
from collections import OrderedDict
from typing import NamedTuple

from rapidfuzz.distance import Hamming

from policy.normalize import normalize, normalize_counted
from policy.promotion import has_scam_words, reads_as_promotion
from policy.ways_back import read_contacts, year_only_contact

SIGNATURE_BYTES = 32
# Only the first MAX_CHARS characters of a text are ever normalised, fingerprinted or
# searched for a contact: twice the longest text the seed policy allows (160 over SMS),
# so the work on any text, of any length, costs at most that of a 320-character one
# (a longer text is compared by its beginning; the engine does no text work at all
# once an enforced stateless rule, such as text_length, refuses the send).
MAX_CHARS = 320
SHINGLE = 4
# Each word is WORD_WEIGHT features besides the shingles it spans. Spintax swaps and
# inserts whole words: a swapped word costs its own 4-grams and the 3 on each side that
# cross into its neighbours, and a filler word as many; words weigh what they keep
# rather than what an edit breaks. Spun pairs at 0.5 or more: 72 -> 88% of dm_today's
# scams under a spinner of other synonyms and fillers (tests/core/test_signature_words.py);
# 26 -> 35% and 39 -> 57% of the SMS spam under the adversary's spinner and another; of
# 20,000 pairs of ordinary texts, none at 0.5 before or after (docs/spam.md, "Words as
# well as letters").
WORD_WEIGHT = 3
WORD_MIN = 2  # code points: "0" (any number) and "u" are no word of their own
# A word's feature is CRC-32 of b"\xff", its copy number, then its UTF-8 bytes: 0xFF
# never occurs in UTF-8, so no word is ever a shingle. The prefixes' CRCs, to continue from.
_WORD_SEEDS = tuple(zlib.crc32(bytes((0xFF, j))) for j in range(WORD_WEIGHT))
_MASK32 = 0xFFFFFFFF
_GOLDEN = 0x9E3779B1  # multiplicative mixing: spreads CRC32's linear structure
_BIN_SHIFT = 27  # top 5 bits of the mixed hash choose one of 32 bins
_VALUE_MASK = (1 << _BIN_SHIFT) - 1
_EDGES = tuple(slot << _BIN_SHIFT for slot in range(32))  # lower edge of each bin
_EMPTY = -1


def shingles(normalized: str) -> set[str]:
    """Character 4-grams of an already normalised text, spaces left out (the text if shorter).

    Spaces are dropped first: "F R E E" and "fr ee" are spacing tricks, and a
    campaign split that way must still share its shingles with the original.
    """
    compact = normalized.replace(" ", "")
    if len(compact) <= SHINGLE:
        return {compact} if compact else set()
    return {compact[i : i + SHINGLE] for i in range(len(compact) - SHINGLE + 1)}


def words(normalized: str) -> list[str]:
    """The words of an already normalised text that are features of its signature."""
    return [w for w in normalized.split(" ") if len(w) >= WORD_MIN]


def _mixed_hashes(normalized: str, word_weight: int = WORD_WEIGHT) -> list[int]:
    """The features' mixed 32-bit hashes (shingles, then words), sorted, without repeats."""
    compact = normalized.replace(" ", "")
    if compact.isascii() and len(compact) > SHINGLE:
        # Fast path: 4-byte slices of the ASCII bytes are the 4-character shingles.
        data = compact.encode("ascii")
        mixed = {(zlib.crc32(data[i : i + SHINGLE]) * _GOLDEN) & _MASK32
                 for i in range(len(data) - SHINGLE + 1)}
    else:
        mixed = {(zlib.crc32(s.encode("utf-8")) * _GOLDEN) & _MASK32 for s in shingles(normalized)}
    seeds = _WORD_SEEDS[:word_weight]
    for word in words(normalized) if seeds else ():
        encoded = word.encode("utf-8")
        mixed.update((zlib.crc32(encoded, seed) * _GOLDEN) & _MASK32 for seed in seeds)
    return sorted(mixed)


def python_signature_of_normalized(normalized: str, word_weight: int = WORD_WEIGHT) -> bytes:
    """MinHash signature: in each of 32 bins, the least hash of the features falling there
    (``word_weight`` 0: the shingles alone, as before words were features; for comparison)."""
    mixed = _mixed_hashes(normalized, word_weight)
    if not mixed:
        return bytes(SIGNATURE_BYTES)
    mins = [_EMPTY] * SIGNATURE_BYTES
    last = len(mixed)
    # Sorted hashes: the first one at or above a bin's lower edge is that bin's minimum.
    for slot, edge in enumerate(_EDGES):
        i = bisect_left(mixed, edge)
        if i < last and mixed[i] >> _BIN_SHIFT == slot:
            mins[slot] = mixed[i] & _VALUE_MASK
    if _EMPTY not in mins:  # the common case: every bin filled, nothing to borrow
        return bytes([value % 255 + 1 for value in mins])
    out = bytearray(SIGNATURE_BYTES)
    for slot in range(SIGNATURE_BYTES):
        # Densification: an empty bin borrows the next filled bin's value,
        # shifted by the distance, so both texts of a pair borrow alike.
        distance = 0
        while mins[(slot + distance) % SIGNATURE_BYTES] == _EMPTY:
            distance += 1
        value = mins[(slot + distance) % SIGNATURE_BYTES] + 37 * distance
        out[slot] = value % 255 + 1  # bytes 1..255: 0 is never a real value
    return bytes(out)


try:
    from policy._signature import signature_of_normalized
except ImportError:  # not built (no C compiler at install time): the same bytes, slower
    signature_of_normalized = python_signature_of_normalized
    ACCELERATED = False
else:
    ACCELERATED = True


def signature(text: str) -> bytes:
    """Signature of a raw text (normalised first)."""
    return signature_of_normalized(normalize(text))


def similarity(a: bytes, b: bytes) -> float:
    """Share of equal bytes, 0.0 to 1.0: an estimate of the texts' Jaccard similarity."""
    return float(Hamming.normalized_similarity(a, b))


class TextFacts(NamedTuple):
    """What the rules read of a text: never the words."""

    chars: int  # letters and digits after normalisation
    signature: bytes | None  # None: too short for every rule that compares texts
    contact: bool  # a phone number, a link, an address, a price, or a promotion's words
    contacts: tuple[str, ...]  # the numbers, domains, addresses (ways_back.read_contacts)
    year_only: bool = False  # a contact only by a year alone: toward strangers only


class TextFeatures:
    """A text's length (letters and digits, normalised) and signature, for a few recent texts.

    A campaign repeats one text to many accounts, and a refused sender retries it:
    that is when volume peaks, and each repeat would normalise and fingerprint the
    same text again (about half of a memory:// decision). The last ``size`` distinct
    texts are remembered by a 128-bit BLAKE2b digest, never by their words, and the
    memory is bounded (about 200 bytes an entry). One per engine; thread-safe.
    """

    def __init__(self, size: int = 2048) -> None:
        if size < 0:
            raise ValueError("size must be 0 or more")
        self._size = size
        self._entries: OrderedDict[bytes, TextFacts] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def of(self, text: str, traced_from: int) -> TextFacts:
        """The ``TextFacts`` of the text's first ``MAX_CHARS`` characters; no signature
        when ``chars < traced_from`` (never compared)."""
        if len(text) > MAX_CHARS:
            # Bounded work, whatever the length; composed first (NFC, as the text rule
            # counts), so that decomposed letters cannot push a contact past the prefix.
            text = unicodedata.normalize("NFC", text[:4 * MAX_CHARS])[:MAX_CHARS]
        if self._size == 0:
            return _compute(text, traced_from)
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
        if found is not None:
            if found.chars < traced_from:
                return found._replace(signature=None)
            sig = found.signature
            if sig is not None:
                return found
        computed = _compute(text, traced_from)
        with self._lock:
            self._entries[key] = computed
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return computed


def _compute(text: str, traced_from: int) -> TextFacts:
    # Letters and digits only (before text speak is written out: "u up?" is 3): spacing
    # tricks neither hide a text nor make it count.
    normalized, chars = normalize_counted(text)
    # A text too short for every duplicates rule is never compared: no signature
    # (a third of a decision's time) for "ok" and "see you at 8".
    sig = signature_of_normalized(normalized) if chars >= traced_from else None
    contact, contacts = read_contacts(text)
    if contact:  # by a year alone only, and no promotion's wording either: toward strangers only
        year_only = not contacts and year_only_contact(text) and not reads_as_promotion(text)
    else:
        # A promotion's wording counts as a way back: campaigns without a number still sell.
        year_only, contact = False, reads_as_promotion(text)
    if contacts and not contact and not has_scam_words(text):
        # An account or a domain named in talk ("try @lactation.lisa", "the video is on
        # @bio_period3", "lunaphoto.art") is no key for the contacts rule: a club, a
        # class or a new account named to 5 people is talk. With a word of the trade or a
        # scam's pitch ("ambassador", "legit", "usdt": promotion.has_scam_words) the same
        # account to a 5th stranger is refused.
        contacts = ()
    return TextFacts(chars, sig, contact, contacts, year_only)
