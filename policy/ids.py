"""Ids hashed with the deployment's secret: users, apps, conversations are hashed before
storage (the Redis key layout itself is ``policy/storage/redis/keys.py``).

Hashing makes hostile ids (``{``, ``}``, ``:``, ``*``, spaces, non-ASCII) harmless
in Redis keys and keeps raw ids out of the trace. The secret makes the hashes
unguessable: without it, numeric ids are recovered from a Redis dump by
enumeration in seconds. ``key_secret`` picks it for an engine: a shared storage
(Redis) needs one, the same on every process sharing it (``key_secret=`` or the
``DM_POLICY_KEY_SECRET`` environment variable), and an engine refuses to start
without it; memory:// (one process) takes a random secret of this process.

Each hasher remembers the keys of the last ids it hashed (at most ``CACHE_SIZE`` of
each kind; the memory is cleared when full), since the same senders and recipients
come back decision after decision, and a BLAKE2b costs more than a dict look-up.
"""

from __future__ import annotations

import hashlib
import os
from typing import TypeVar

CACHE_SIZE = 4096  # ids of each kind remembered per hasher
# Longer values are not remembered, so the memory stays about 4096 x 300 bytes per kind
# (an id is at most 256 characters; a group's unit may join 1,000 of them).
MAX_REMEMBERED_CHARS = 300

V = TypeVar("V")

SECRET_ENV = "DM_POLICY_KEY_SECRET"  # the deployment's secret, when key_secret= is not given
MIN_SECRET_BYTES = 16  # shorter secrets could be enumerated along with the ids
_PROCESS_SECRET = os.urandom(32)  # memory:// without a secret: this process's own


class KeySecretRequired(ValueError):
    """A shared storage without a key secret (or with one too short to protect the ids)."""


def key_secret(given: bytes | str | None, *, storage: object) -> bytes:
    """The secret an engine on ``storage`` hashes ids with: ``given``, else
    ``$DM_POLICY_KEY_SECRET``, else (memory://, one process) a random secret of this
    process; any other storage (shared: Redis) without one raises ``KeySecretRequired``.
    Strings are UTF-8; a secret longer than BLAKE2b's 64-byte key is hashed down."""
    shared = getattr(storage, "kind", None) != "memory"
    source = "key_secret"
    if given is None:
        given, source = os.environ.get(SECRET_ENV) or None, SECRET_ENV
    if given is None:
        if shared:
            raise KeySecretRequired(
                f"a shared storage (Redis) needs a key secret: set the environment variable "
                f"{SECRET_ENV} (or pass key_secret=) to at least {MIN_SECRET_BYTES} random "
                "bytes, the same on every process sharing the storage; without it ids could "
                "be recovered from the keys by enumeration")
        return _PROCESS_SECRET
    if isinstance(given, str):
        given = given.encode("utf-8")
    if not isinstance(given, bytes):
        raise TypeError(f"{source} must be bytes or str, got {type(given).__name__}")
    if len(given) < MIN_SECRET_BYTES:
        raise KeySecretRequired(f"{source} is {len(given)} bytes: at least {MIN_SECRET_BYTES} "
                                "random bytes are needed (e.g. openssl rand -hex 32)")
    return given if len(given) <= 64 else hashlib.blake2b(given, digest_size=64).digest()


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

    def derive(self, label: bytes) -> bytes:
        """A 32-byte key for ``label``, derived from the secret (the decision log keys
        its fingerprints with one)."""
        return hashlib.blake2b(b"derive\x00" + label, digest_size=32, key=self._secret).digest()

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
