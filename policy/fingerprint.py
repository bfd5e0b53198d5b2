"""Content fingerprints: a short signature whose agreement estimates similarity.

A signature is ``SIGNATURE_BYTES`` bytes, a one-permutation MinHash of the
normalised text's character 4-grams (one hash per shingle, densified so that
short texts fill every bin); spaces are left out of the shingles. The share of equal bytes between two signatures
estimates the Jaccard similarity of the two texts' shingle sets, so

* the trace keeps 32 bytes per text, never the text, and
* the same comparison (count equal bytes) runs in Python (with rapidfuzz's
  Hamming distance) and in the Redis Lua script, byte for byte.
"""

from __future__ import annotations

import zlib
from bisect import bisect_left

from rapidfuzz.distance import Hamming

from policy.normalize import normalize

SIGNATURE_BYTES = 32
SHINGLE = 4
_MASK32 = 0xFFFFFFFF
_GOLDEN = 0x9E3779B1  # multiplicative mixing: spreads CRC32's linear structure
_BIN_SHIFT = 27  # top 5 bits of the mixed hash choose one of 32 bins
_VALUE_MASK = (1 << _BIN_SHIFT) - 1
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


def _mixed_hashes(normalized: str) -> list[int]:
    """The shingles' mixed 32-bit hashes, sorted, without repeats."""
    compact = normalized.replace(" ", "")
    if compact.isascii() and len(compact) > SHINGLE:
        # Fast path: 4-byte slices of the ASCII bytes are the 4-character shingles.
        data = compact.encode("ascii")
        hashes = {zlib.crc32(data[i : i + SHINGLE]) for i in range(len(data) - SHINGLE + 1)}
    else:
        hashes = {zlib.crc32(s.encode("utf-8")) for s in shingles(normalized)}
    return sorted({(h * _GOLDEN) & _MASK32 for h in hashes})


def signature_of_normalized(normalized: str) -> bytes:
    """MinHash signature: in each of 32 bins, the least hash of the shingles falling there."""
    mixed = _mixed_hashes(normalized)
    if not mixed:
        return bytes(SIGNATURE_BYTES)
    mins = [_EMPTY] * SIGNATURE_BYTES
    # Sorted hashes: the first one at or above a bin's lower edge is that bin's minimum.
    for slot in range(SIGNATURE_BYTES):
        i = bisect_left(mixed, slot << _BIN_SHIFT)
        if i < len(mixed) and mixed[i] >> _BIN_SHIFT == slot:
            mins[slot] = mixed[i] & _VALUE_MASK
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
