"""The storage backends every oracle test runs on.

A backend opens once per test (``open``) and hands out fresh, empty storages
(``new_storage``): memory://, Redis on fakeredis (fast, in-process), and Redis
on a real ``redis-server`` started once per session on a free loopback port
(``tests/servers.py``; skipped, saying why, where the binary is absent). Each
Redis storage gets a key prefix of its own, so tests never see each other's
keys on the shared server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest

from policy.storage import MemoryStorage
from policy.storage.base import Storage
from tests import servers


@dataclass
class Backend:
    name: str
    factory: Any = None  # callable(request) -> context manager yielding a storage maker
    new_storage: Any = field(default=None)

    @contextmanager
    def open(self, request: pytest.FixtureRequest) -> Iterator[Backend]:
        with self.factory(request) as maker:
            yield Backend(self.name, self.factory, maker)


@contextmanager
def _memory(request: pytest.FixtureRequest) -> Iterator[Any]:
    def maker() -> Storage:
        return MemoryStorage()

    yield maker


@contextmanager
def _fakeredis(request: pytest.FixtureRequest) -> Iterator[Any]:
    fakeredis = pytest.importorskip("fakeredis")
    from policy.storage.redis import RedisStorage

    server = fakeredis.FakeServer()
    made: list[RedisStorage] = []

    def maker() -> Storage:
        storage = RedisStorage.from_uri(
            "redis://fakeredis/0", key_prefix=servers.unique_prefix(),
            client=fakeredis.FakeRedis(server=server),
            aclient_factory=lambda: fakeredis.FakeAsyncRedis(server=server),
        )
        made.append(storage)
        return storage

    yield maker
    for storage in made:
        storage.close()


@contextmanager
def _redis(request: pytest.FixtureRequest) -> Iterator[Any]:
    from policy.storage.redis import RedisStorage

    server = servers.session_redis(request.config)
    made: list[RedisStorage] = []

    def maker() -> Storage:
        storage = RedisStorage.from_uri(server.url, key_prefix=servers.unique_prefix(),
                                        socket_timeout=5)
        made.append(storage)
        return storage

    yield maker
    for storage in made:
        storage.close()


@contextmanager
def _redis_lua(request: pytest.FixtureRequest) -> Iterator[Any]:
    """The real server without the state cache: every decision is the Lua transition's
    (with the cache, a sender's decisions after the first are mostly its Python twin's)."""
    from policy.storage.redis import RedisStorage

    server = servers.session_redis(request.config)
    made: list[RedisStorage] = []

    def maker() -> Storage:
        storage = RedisStorage.from_uri(server.url, key_prefix=servers.unique_prefix(),
                                        socket_timeout=5, state_cache=0)
        made.append(storage)
        return storage

    yield maker
    for storage in made:
        storage.close()


BACKENDS: list[Backend] = [
    Backend("memory", _memory),
    Backend("fakeredis", _fakeredis),
    Backend("redis", _redis),
]
# Only where a test asks for it (tests/conftest.py's redis_backend, the parity tests; the
# strangers rules' own tests)
REDIS_LUA = Backend("redis-lua", _redis_lua)
