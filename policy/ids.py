"""Ids hashed with the deployment's secret: users, apps, conversations are hashed before
storage (the Redis key layout itself is ``policy/storage/redis/keys.py``).

Hashing makes hostile ids (``{``, ``}``, ``:``, ``*``, spaces, non-ASCII) harmless
in Redis keys and keeps raw ids out of the trace. An optional secret (the same
on every process sharing a store) makes the hashes unguessable.

Each hasher remembers the keys of the last ids it hashed (at most ``CACHE_SIZE`` of
each kind; the memory is cleared when full), since the same senders and recipients
come back decision after decision, and a BLAKE2b costs more than a dict look-up.
"""

from __future__ import annotations

import hashlib
from typing import TypeVar

CACHE_SIZE = 4096  # ids of each kind remembered per hasher
# Longer values are not remembered, so the memory stays about 4096 x 300 bytes per kind
# (an id is at most 256 characters; a group's unit may join 1,000 of them).
MAX_REMEMBERED_CHARS = 300

V = TypeVar("V")


def remember(memory: dict[str, V], name: str, value: V, size: int = CACHE_SIZE) -> V:
    """Keep ``memory[name] = value`` within bounds (cleared when full, long names never
    kept: simpler than an LRU, and the active ids come back at once); returns ``value``."""
    if len(name) <= MAX_REMEMBERED_CHARS:
        if len(memory) >= size:
            memory.clear()
        memory[name] = value
    return value


class IdHasher:
    """Hashes ids (BLAKE2b, keyed with the deployment's secret) into the hex keys the
    storage sees."""

    def __init__(self, secret: bytes | None = None) -> None:
        if secret is not None and not isinstance(secret, bytes):
            raise TypeError("key secret must be bytes")
        self._secret = secret or b""
        self._users: dict[str, str] = {}
        self._apps: dict[str, str] = {}
        self._units: dict[str, str] = {}

    def _hash(self, kind: bytes, value: str, size: int) -> str:
        h = hashlib.blake2b(kind + b"\x00" + value.encode("utf-8", "surrogatepass"),
                            digest_size=size, key=self._secret)
        return h.hexdigest()

    def _remember(self, cache: dict[str, str], kind: bytes, value: str, size: int) -> str:
        return remember(cache, value, self._hash(kind, value, size))

    def user(self, user: str) -> str:
        key = self._users.get(user)
        return key if key is not None else self._remember(self._users, b"user", user, 12)

    def app(self, app: str) -> str:
        key = self._apps.get(app)
        return key if key is not None else self._remember(self._apps, b"app", app, 8)

    def unit(self, unit: str) -> str:
        """A recipient as the duplicates rule counts it (user or conversation)."""
        key = self._units.get(unit)
        return key if key is not None else self._remember(self._units, b"unit", unit, 8)
