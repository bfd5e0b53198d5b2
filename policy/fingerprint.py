"""Content fingerprints: a short signature whose agreement estimates similarity.

A signature is ``SIGNATURE_BYTES`` bytes, a one-permutation MinHash of the
normalised text's character 4-grams (one hash per shingle, densified so that
short texts fill every bin). The share of equal bytes between two signatures
estimates the Jaccard similarity of the two texts' shingle sets, so

* the trace keeps 32 bytes per text, never the text, and
* the same comparison (count equal bytes) runs in Python (with rapidfuzz's
  Hamming distance) and in the Redis Lua script, byte for byte.
"""

from __future__ import annotations

import zlib

from rapidfuzz.distance import Hamming

from policy.normalize import normalize

SIGNATURE_BYTES = 32
SHINGLE = 4
_MASK32 = 0xFFFFFFFF
_GOLDEN = 0x9E3779B1  # multiplicative mixing: spreads CRC32's linear structure
_BIN_SHIFT = 27  # top 5 bits of the mixed hash choose one of 32 bins
_EMPTY = -1


def shingles(normalized: str) -> set[str]:
    """Character 4-grams of an already normalised text (the text itself if shorter)."""
    if len(normalized) <= SHINGLE:
        return {normalized} if normalized else set()
    return {normalized[i : i + SHINGLE] for i in range(len(normalized) - SHINGLE + 1)}


def signature_of_normalized(normalized: str) -> bytes:
    mins = [_EMPTY] * SIGNATURE_BYTES
    for shingle in shingles(normalized):
        mixed = (zlib.crc32(shingle.encode("utf-8")) * _GOLDEN) & _MASK32
        slot = mixed >> _BIN_SHIFT
        value = mixed & 0x7FFFFFF
        if mins[slot] == _EMPTY or value < mins[slot]:
            mins[slot] = value
    if all(m == _EMPTY for m in mins):
        return bytes(SIGNATURE_BYTES)
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


def signature(text: str) -> bytes:
    """Signature of a raw text (normalised first)."""
    return signature_of_normalized(normalize(text))


def similarity(a: bytes, b: bytes) -> float:
    """Share of equal bytes, 0.0 to 1.0: an estimate of the texts' Jaccard similarity."""
    return float(Hamming.normalized_similarity(a, b))
