"""Storage drivers, chosen by URI: ``memory://`` (embedded) or Redis (``redis://``,
``rediss://``, ``redis+cluster://``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from policy.storage.base import Storage
from policy.storage.memory import MemoryStorage

REDIS_SCHEMES = ("redis", "rediss", "redis+cluster", "rediss+cluster", "unix")


def open_storage(uri: str, *, clock: Callable[[], float] | None = None, **options: Any) -> Storage:
    """A storage driver for ``uri``. Options are the driver's keyword arguments."""
    if not isinstance(uri, str):
        raise ValueError(f"storage must be a URI string or a Storage, got {type(uri).__name__}")
    scheme = urlsplit(uri).scheme
    if scheme == "memory":
        if clock is not None:
            options.setdefault("clock", clock)
        return MemoryStorage(**options)
    if scheme in REDIS_SCHEMES:
        from policy.storage.redis import RedisStorage

        return RedisStorage.from_uri(uri, **options)
    raise ValueError(
        f"unknown storage URI {uri!r}: expected memory://, redis://host:port/db, "
        "rediss://... or redis+cluster://host:port"
    )


__all__ = ["MemoryStorage", "Storage", "open_storage"]
