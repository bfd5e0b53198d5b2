"""Issue 13 item 7: ids cannot be recovered from a Redis dump without a secret kept outside
Redis. A Redis engine refuses to start without one; memory:// takes a random one."""

from __future__ import annotations

import hashlib

import pytest

from policy import Engine, MemoryGraph, SendRequest
from policy.ids import SECRET_ENV, IdHasher, KeySecretRequired
from policy.rules import load_rules
from tests import servers
from tests.conftest import DEFAULT_RULES, T0, VirtualClock

SECRET = "0123456789abcdef-a-deployment-secret"
NUMERIC_ID = "1234567"


def _fake_redis():  # one fakeredis server, as a storage factory
    fakeredis = pytest.importorskip("fakeredis")
    from policy.storage.redis import RedisStorage

    server = fakeredis.FakeServer()
    prefix = servers.unique_prefix()
    return lambda: RedisStorage.from_uri("redis://fakeredis/0", key_prefix=prefix,
                                         client=fakeredis.FakeRedis(server=server))


def _engine(storage, **kwargs) -> Engine:
    graph = MemoryGraph()
    graph.follow("bob", NUMERIC_ID)
    return Engine(load_rules(DEFAULT_RULES), storage=storage, graph=graph,
                  clock=VirtualClock(T0), **kwargs)


def _enumerate(key: str, start: int, stop: int) -> str | None:
    """The attack: hash every numeric id without a secret until one matches the key."""
    plain = IdHasher()
    return next((str(i) for i in range(start, stop) if plain.user(str(i)) == key), None)


def test_a_redis_engine_without_a_key_secret_refuses_to_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    with pytest.raises(KeySecretRequired, match=SECRET_ENV):
        _engine(_fake_redis()())
    with pytest.raises(KeySecretRequired, match="at least 16"):  # too short to protect ids
        _engine(_fake_redis()(), key_secret=b"s3cret")
    monkeypatch.setenv(SECRET_ENV, "short")
    with pytest.raises(KeySecretRequired, match=SECRET_ENV):
        _engine(_fake_redis()())


@pytest.mark.parametrize("where", ["argument", "environment"])
def test_ids_in_redis_keys_are_not_recoverable_by_enumeration(
    monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    if where == "environment":
        monkeypatch.setenv(SECRET_ENV, SECRET)
    kwargs = {"key_secret": SECRET} if where == "argument" else {}
    make = _fake_redis()
    storage = make()
    engine = _engine(storage, **kwargs)
    assert engine.check(SendRequest(NUMERIC_ID, ("bob",), "hello")).allowed
    stored = {k.decode() for k in storage._sync().keys("*")}
    key = engine._keys.user(NUMERIC_ID)
    assert any(f"{{{key}}}" in k for k in stored)
    assert _enumerate(key, 1_230_000, 1_240_000) is None
    # Every process with the same secret hashes alike: they share one policy.
    other = _engine(make(), **kwargs)
    assert other._keys.user(NUMERIC_ID) == key
    assert other.check(SendRequest(NUMERIC_ID, ("bob",), "again")).quota.remaining == 998


def test_memory_engines_hash_with_a_random_secret_of_the_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    engine, other = _engine("memory://"), _engine("memory://")
    key = engine._keys.user(NUMERIC_ID)
    assert key == other._keys.user(NUMERIC_ID)  # one secret per process
    assert _enumerate(key, 1_230_000, 1_240_000) is None


def test_a_secret_longer_than_a_blake2b_key_is_hashed_down() -> None:
    long_secret = "x" * 200
    engine = _engine(_fake_redis()(), key_secret=long_secret)
    derived = hashlib.blake2b(long_secret.encode(), digest_size=64).digest()
    assert engine._keys.user("a") == IdHasher(derived).user("a")
