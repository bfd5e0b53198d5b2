"""The key hasher's memory of recent ids: the same keys as hashing afresh, and bounded."""

from __future__ import annotations

import policy.ids as keys
from policy.ids import IdHasher


def test_remembered_keys_are_the_hashed_ones_and_distinct_by_kind_and_secret() -> None:
    plain, secret = IdHasher(), IdHasher(b"s3cret")
    for _ in range(2):  # the second pass answers from memory
        for value in ("alice", "{x}:*", "é" * 256, "u\x00bob"):
            assert plain.user(value) == plain._hash(b"user", value, 12)
            assert plain.app(value) == plain._hash(b"app", value, 8)
            assert plain.unit(value) == plain._hash(b"unit", value, 8)
            assert secret.user(value) != plain.user(value)
            assert plain.unit(value) != plain.app(value)


def test_memory_is_bounded_and_long_values_are_not_kept() -> None:
    hasher = IdHasher()
    for i in range(keys.CACHE_SIZE * 2 + 10):
        hasher.user(f"user{i}")
    assert 0 < len(hasher._users) <= keys.CACHE_SIZE
    group = "g\x00" + "\x00".join(f"member-{i:0>250}" for i in range(1000))
    assert hasher.unit(group) == hasher._hash(b"unit", group, 8)
    assert group not in hasher._units
    assert hasher.unit("u\x00bob") and "u\x00bob" in hasher._units
