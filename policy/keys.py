"""Stable, private keys for ids: users, apps, conversations are hashed before storage.

Hashing makes hostile ids (``{``, ``}``, ``:``, ``*``, spaces, non-ASCII) harmless
in Redis keys and keeps raw ids out of the trace. An optional secret (the same
on every process sharing a store) makes the hashes unguessable.
"""

from __future__ import annotations

import hashlib


class KeyHasher:
    def __init__(self, secret: bytes | None = None) -> None:
        if secret is not None and not isinstance(secret, bytes):
            raise TypeError("key secret must be bytes")
        self._secret = secret or b""

    def _hash(self, kind: bytes, value: str, size: int) -> str:
        h = hashlib.blake2b(kind + b"\x00" + value.encode("utf-8", "surrogatepass"),
                            digest_size=size, key=self._secret)
        return h.hexdigest()

    def user(self, user: str) -> str:
        return self._hash(b"user", user, 12)

    def app(self, app: str) -> str:
        return self._hash(b"app", app, 8)

    def unit(self, unit: str) -> str:
        """A recipient as the duplicates rule counts it (user or conversation)."""
        return self._hash(b"unit", unit, 8)
