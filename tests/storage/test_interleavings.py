"""Random interleavings of everything an engine is asked, against a plain model of the quota
(issue 13, the property test): ``check`` and ``acheck`` bursts, reloads that change the
quota's bucket length, window and name (a renamed quota ``carries`` the old name), bad
reloads, ``revoke_app``, ``forget_user``, clock steps forward and small steps back, a
nonsense clock, and on a real redis-server stops and restarts (``--appendonly yes
--appendfsync always``: a restart keeps what was acknowledged, so the quota must hold
across it), on memory://, fakeredis and redis-server.

The model keeps, per sender, the times of the sends it admitted. A send counts while it is
inside the window in force; once the model has seen it leave the window it never counts
again (the engine may keep it longer: buckets count until a whole window has passed their
*end*, and a reload moves a count at most one bucket later, so it is never less
conservative than the model). Invariants checked after every step:

- an admitted send that Redis (or memory://) decided finds fewer than ``limit`` sends of
  that storage still counting (sends stamped later than now, after a step back, count);
- a send admitted by the ``local`` store (``degraded="local"``) finds fewer than
  ``floor(limit x local_share)`` local sends counting, so the two together stay within
  the README's ``limit + N x floor(limit x local_share)`` with N = 1; ``fail_open``
  decisions (``degraded="fail_open"``) are outside the count, as documented;
- a quota refusal (not degraded) is never a stranding: enough sends were admitted
  within the longest window plus a bucket per reload, and its ``retry_after`` is within
  that span;
- a send through an app revoked for that sender is never allowed by the storage;
- nothing raises but the documented errors: ``RulesError`` from a bad reload (the old
  rules stay), ``ClockError`` from a nonsense clock, ``StorageUnavailable`` from an
  admin call while the server is down;
- memory stays bounded: memory:// keeps at most one state per sender used; on Redis
  every key has a TTL and each sender's keys stay under 16 KB.

``test_the_property_fails_on_a_quota_that_admits_one_more`` runs the same machinery on a
deliberately broken quota (one more admitted per window) and requires a failure: the
property can fail.
"""

from __future__ import annotations

import asyncio
import math
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from policy import ClockError, Engine, MemoryGraph, RulesError, SendRequest, StorageUnavailable
from policy.rules import parse_rules
from policy.storage import MemoryStorage
from tests import servers
from tests.conftest import T0

LIMIT = 20
SHARE = 0.5
LOCAL_LIMIT = math.floor(LIMIT * SHARE)
SENDERS = ("s0", "s1", "s2")
FRIENDS = ("f0", "f1", "f2")  # the senders follow them back: never strangers
STRANGERS = ("x0", "x1", "x2")
RECIPIENTS = FRIENDS + STRANGERS
APPS = (None, "app1", "app2")
TEXTS = ("hi", "the same long offer text, over thirty-two characters long",
         "another long text that is not at all like the first one!")
NAMES = ("quota_a", "quota_b")  # each carries the other: a rename never loses a count
WINDOWS = (10, 20)  # minutes
PRECISIONS = (1, 5, 10, 60)
DURABLE = ("--appendonly", "yes", "--appendfsync", "always")
BAD_CLOCKS = (float("nan"), float("inf"), -1e9, "soon", None)


def rules_text(name: str, window: int, precision: int, on_error: str) -> str:
    other = NAMES[1 - NAMES.index(name)]
    return f"""
[storage]
on_error = "{on_error}"
local_share = {SHARE}

[[rules]]
name = "apps"
check = "apps"

[[rules]]
name = "duplicates"
check = "duplicates"
recipients = 2
window = "1h"

[[rules]]
name = "strangers"
check = "strangers"
limit = 2
window = "1h"

[[rules]]
name = "{name}"
check = "quota"
limit = "{LIMIT}/{window} minutes"
precision = {precision}
carries = "{other}"
"""


BAD_RULES = rules_text("quota_a", 10, 10, "local").replace(f'"{LIMIT}/10 minutes"', '"20/0 minutes"')

# -- the operations ----------------------------------------------------------------------

# Biased towards one busy sender, friends and bursts near the limit, so that most examples
# take a sender to the quota and then reload, restart or step the clock.
send = st.tuples(st.just("send"), st.sampled_from((0, 0, 0, 1, 2)),
                 st.sampled_from((0, 1, 2, 0, 1, 2, 3, 4, 5)), st.integers(0, len(TEXTS) - 1),
                 st.sampled_from((0, 0, 0, 1, 2)), st.booleans(),
                 st.sampled_from((1, 1, 2, 5, 10, 19, 20, 25)))
advance = st.tuples(st.just("advance"), st.sampled_from((1.0, 7.5, 30.0, 60.0, 150.0, 400.0, 700.0)))
back = st.tuples(st.just("back"), st.sampled_from((0.5, 10.0, 30.0, 59.0)))
reload = st.tuples(st.just("reload"), st.integers(0, 1), st.integers(0, len(WINDOWS) - 1),
                   st.integers(0, len(PRECISIONS) - 1))
bad_reload = st.tuples(st.just("bad_reload"))
revoke = st.tuples(st.just("revoke"), st.integers(0, len(SENDERS) - 1), st.integers(1, 2))
forget = st.tuples(st.just("forget"), st.integers(0, len(SENDERS) - 1))
bad_clock = st.tuples(st.just("bad_clock"), st.integers(0, len(BAD_CLOCKS) - 1))
toggle = st.tuples(st.just("toggle_server"))


def operations(faults: bool) -> st.SearchStrategy[list[tuple[Any, ...]]]:
    choices = [send, send, send, send, advance, advance, back, reload, reload, bad_reload, revoke,
               forget, bad_clock]
    if faults:
        choices += [toggle, toggle]
    return st.lists(st.one_of(*choices), min_size=5, max_size=50)


first_rules = st.tuples(st.integers(0, 1), st.integers(0, len(WINDOWS) - 1),
                        st.integers(0, len(PRECISIONS) - 1),
                        st.sampled_from(("fail_open", "fail_closed", "local")))

# -- the model ---------------------------------------------------------------------------


@dataclass
class Model:
    window: float
    bucket: float
    max_window: float
    max_bucket: float
    reloads: int = 0
    stored: dict[str, list[float]] = field(default_factory=dict)  # admitted by the storage
    local: dict[str, list[float]] = field(default_factory=dict)  # admitted by the local store
    history: dict[str, list[float]] = field(default_factory=dict)  # both, never pruned
    revoked: set[tuple[str, str]] = field(default_factory=set)

    def prune(self, now: float) -> None:
        """A send that has left the window is gone for good (dead stays dead)."""
        for sends in (*self.stored.values(), *self.local.values()):
            sends[:] = [u for u in sends if u + self.window > now]

    def span(self) -> float:
        """How long after a send the engine may still count it: the longest window, a
        bucket for the send's own bucket, and one more per reload (each conversion moves a
        count at most one new bucket later)."""
        return self.max_window + (self.reloads + 2) * self.max_bucket

    def forget(self, sender: str, *, storage_too: bool) -> None:
        self.local.pop(sender, None)
        if storage_too:
            self.stored.pop(sender, None)
            self.history.pop(sender, None)
            self.revoked = {(s, a) for s, a in self.revoked if s != sender}


class Run:
    """One example: an engine, its clock, the model, and the server (on redis-server)."""

    def __init__(self, storage: Any, server: servers.RedisServer | None, directory: Path,
                 first: tuple[int, int, int, str]) -> None:
        name, window, precision, self.on_error = first
        self.directory = directory
        self.server = server
        self.now: Any = T0 + 3.0
        graph = MemoryGraph()
        for s in SENDERS:
            for r in RECIPIENTS:
                graph.follow(r, s)
            for f in FRIENDS:
                graph.follow(s, f)
        self.used: set[str] = set()
        path = self._write(NAMES[name], WINDOWS[window], PRECISIONS[precision])
        minutes = WINDOWS[window] * 60.0
        bucket = minutes / PRECISIONS[precision]
        self.model = Model(minutes, bucket, minutes, bucket)
        self.engine = Engine.from_file(path, storage=storage, graph=graph, clock=lambda: self.now)
        self.loop = asyncio.new_event_loop()
        self.admitted = {"stored": 0, "local": 0, "fail_open": 0}

    def _write(self, name: str, window: int, precision: int, text: str | None = None) -> Path:
        path = self.directory / f"rules-{len(list(self.directory.iterdir()))}.toml"
        path.write_text(text if text is not None else rules_text(name, window, precision,
                                                                   self.on_error))
        return path

    @property
    def down(self) -> bool:
        return self.server is not None and (self.server.process is None
                                            or self.server.process.poll() is not None)

    def close(self) -> None:
        if self.down:
            assert self.server is not None
            self.server.start()
        self.loop.run_until_complete(self.engine.aclose())
        self.loop.close()
        self.engine.close()

    # -- the steps ------------------------------------------------------------------

    def step(self, op: tuple[Any, ...]) -> None:
        kind = op[0]
        getattr(self, f"_{kind}")(*op[1:])

    def _send(self, s: int, r: int, t: int, a: int, use_async: bool, times: int) -> None:
        sender, app = SENDERS[s], APPS[a]
        request = SendRequest(sender, (RECIPIENTS[r],), TEXTS[t], app=app)
        self.used.add(sender)
        m = self.model
        for _ in range(times):
            now = self.now
            if use_async:
                decision = self.loop.run_until_complete(self.engine.acheck(request))
            else:
                decision = self.engine.check(request)
            m.prune(now)
            stored = m.stored.setdefault(sender, [])
            local = m.local.setdefault(sender, [])
            if decision.degraded is None:
                if app is not None and (sender, app) in m.revoked:
                    assert not decision.allowed, f"{app} was revoked for {sender}: {decision}"
                if decision.allowed:
                    assert len(stored) < LIMIT, (
                        f"{sender} over the quota at {now - T0}: {len(stored)} still counting "
                        f"{sorted(u - T0 for u in stored)}, window {m.window}")
                    stored.append(now)
                    m.history.setdefault(sender, []).append(now)
                    self.admitted["stored"] += 1
                elif decision.code == "quota_exceeded":
                    recent = [u for u in m.history.get(sender, []) if u > now - m.span()]
                    assert len(recent) >= LIMIT, (
                        f"{sender} refused at {now - T0} with only {len(recent)} sends "
                        f"in the last {m.span()} s: stranded")
                    assert decision.retry_after is not None
                    # measured from the newest counted send (the clock may have stepped back)
                    latest = max([now, *m.history.get(sender, [])])
                    assert 0 < decision.retry_after <= latest - now + m.span(), decision
            elif decision.degraded == "local":
                assert self.on_error == "local" and self.down
                if decision.allowed:
                    assert len(local) < LOCAL_LIMIT, (
                        f"{sender} over the local share at {now - T0}: {len(local)}")
                    assert len(local) + len(stored) < LIMIT + LOCAL_LIMIT
                    local.append(now)
                    m.history.setdefault(sender, []).append(now)
                    self.admitted["local"] += 1
            else:
                assert decision.degraded == self.on_error and self.down, decision
                if decision.degraded == "fail_closed":
                    assert not decision.allowed
                elif decision.allowed:
                    self.admitted["fail_open"] += 1
        self._memory_bounded()

    def _advance(self, seconds: float) -> None:
        self.now += seconds

    def _back(self, seconds: float) -> None:
        self.now -= seconds

    def _reload(self, name: int, window: int, precision: int) -> None:
        m = self.model
        m.prune(self.now)  # with the old window: what left it stays gone
        self.engine.reload(self._write(NAMES[name], WINDOWS[window], PRECISIONS[precision]))
        m.window = WINDOWS[window] * 60.0
        m.bucket = m.window / PRECISIONS[precision]
        m.max_window = max(m.max_window, m.window)
        m.max_bucket = max(m.max_bucket, m.bucket)
        m.reloads += 1

    def _bad_reload(self) -> None:
        before = self.engine.rules
        with pytest.raises(RulesError):
            self.engine.reload(self._write("", 0, 0, BAD_RULES))
        assert self.engine.rules is before

    def _revoke(self, s: int, a: int) -> None:
        self.used.add(SENDERS[s])  # a revocation is state kept for that user
        try:
            self.engine.revoke_app(user=SENDERS[s], app=APPS[a])
        except StorageUnavailable:
            assert self.down, "revoke_app raised with the storage up"
            return
        self.model.revoked.add((SENDERS[s], APPS[a]))

    def _forget(self, s: int) -> None:
        try:
            self.engine.forget_user(SENDERS[s])
        except StorageUnavailable:
            assert self.down, "forget_user raised with the storage up"
            self.model.forget(SENDERS[s], storage_too=False)  # the local store was cleared
            return
        self.model.forget(SENDERS[s], storage_too=True)

    def _bad_clock(self, which: int) -> None:
        good, self.now = self.now, BAD_CLOCKS[which]
        try:
            with pytest.raises(ClockError):
                self.engine.check(SendRequest("s0", ("f0",), "hi"))
            with pytest.raises(ClockError):
                self.loop.run_until_complete(self.engine.acheck(SendRequest("s0", ("f0",), "hi")))
            with pytest.raises(ClockError):  # forget_user and restore_app read no clock
                self.engine.revoke_app(user="s0", app="app1")
        finally:
            self.now = good

    def _toggle_server(self) -> None:
        assert self.server is not None
        if self.down:
            self.server.start()  # same port and directory: the AOF brings the counts back
        else:
            self.server.stop()

    def _memory_bounded(self) -> None:
        storage = self.engine.storage
        if isinstance(storage, MemoryStorage):
            assert len(storage) <= len(self.used)

    def check_redis_keys(self, client: Any, prefix: str, *, real: bool) -> None:
        """Every key has a TTL; each sender's keys stay small (``MEMORY USAGE`` on a real
        server; fakeredis has none: the bytes of their fields and values)."""
        keys = list(client.scan_iter(match=f"{prefix}*", count=1000))
        for key in keys:
            assert client.ttl(key) > 0, f"{key!r} has no TTL"
        storage = self.engine.storage
        for sender in self.used:
            key = self.engine._keys.user(sender)
            if real:
                used = storage.sender_memory(key)
            else:
                used = sum(len(k) + len(v) for name in storage.sender_keys(key)
                           if client.type(name) == b"hash"
                           for k, v in client.hgetall(name).items())
            assert used < 16_384, f"{sender}: {used} bytes"


def _run(storage: Any, server: servers.RedisServer | None, first: Any,
         ops: list[tuple[Any, ...]], check_keys: Any = None) -> Run:
    with tempfile.TemporaryDirectory() as directory:
        run = Run(storage, server, Path(directory), first)
        try:
            for op in ops:
                run.step(op)
            if run.down:
                run.server.start()  # type: ignore[union-attr]
            if check_keys is not None:
                check_keys(run)
        finally:
            run.close()
        return run


# derandomize: the same examples on every run (CI never flakes; a failure reproduces).
SETTINGS = {"deadline": None, "derandomize": True, "suppress_health_check": [HealthCheck.too_slow,
                                                          HealthCheck.function_scoped_fixture]}


@pytest.fixture(autouse=True)
def _retry_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine goes back to the storage at the next call (not one second later), so the
    failure mode answers exactly while the server is down."""
    monkeypatch.setattr("policy.engine.STORAGE_RETRY_SECONDS", 0.0)


@settings(max_examples=600, **SETTINGS)
@given(first=first_rules, ops=operations(faults=False))
def test_interleavings_hold_the_quota_on_memory(first: Any, ops: list[tuple[Any, ...]]) -> None:
    _run(MemoryStorage(), None, first, ops)


@settings(max_examples=100, **SETTINGS)
@given(first=first_rules, ops=operations(faults=False))
def test_interleavings_hold_the_quota_on_fakeredis(first: Any, ops: list[tuple[Any, ...]]) -> None:
    fakeredis = pytest.importorskip("fakeredis")
    from policy.storage.redis import RedisStorage

    server = fakeredis.FakeServer()
    client = fakeredis.FakeRedis(server=server)
    prefix = servers.unique_prefix()
    storage = RedisStorage.from_uri("redis://fakeredis/0", key_prefix=prefix, client=client,
                                    aclient_factory=lambda: fakeredis.FakeAsyncRedis(server=server))
    _run(storage, None, first, ops, lambda run: run.check_redis_keys(client, prefix, real=False))


@pytest.fixture(scope="module")
def durable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[servers.RedisServer]:
    server = servers.RedisServer(tmp_path_factory.mktemp("interleavings"), args=DURABLE)
    server.start()
    yield server
    server.stop()


@pytest.mark.redis
@pytest.mark.timeout(240)
@settings(max_examples=100, **SETTINGS)
@given(first=first_rules, ops=operations(faults=True))
def test_interleavings_hold_the_quota_on_redis_through_restarts(
    durable_server: servers.RedisServer, first: Any, ops: list[tuple[Any, ...]]
) -> None:
    from policy.storage.redis import RedisStorage

    if durable_server.process is None or durable_server.process.poll() is not None:
        durable_server.start()
    prefix = servers.unique_prefix()
    storage = RedisStorage.from_uri(durable_server.url, key_prefix=prefix, socket_timeout=2,
                                    socket_connect_timeout=1)
    client = durable_server.client()
    try:
        _run(storage, durable_server, first, ops,
             lambda run: run.check_redis_keys(client, prefix, real=True))
    finally:
        client.close()


def test_the_property_fails_on_a_quota_that_admits_one_more(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same property on a broken quota (memory://: one more than the limit admitted in
    every window) must find a counterexample: the test can fail."""
    from policy.checks import quota

    real = quota.parse
    monkeypatch.setattr(quota, "parse", lambda reader: (
        lambda p: type(p)(limit=p.limit + 1, window=p.window, precision=p.precision,
                          carries=p.carries))(real(reader)))
    parse_rules(rules_text("quota_a", 10, 10, "local"))  # the patch is what the engine uses

    @settings(max_examples=200, phases=[Phase.generate], database=None, **SETTINGS)
    @given(first=first_rules, ops=operations(faults=False))
    def broken(first: Any, ops: list[tuple[Any, ...]]) -> None:
        _run(MemoryStorage(), None, first, ops)

    with pytest.raises(AssertionError, match="over the quota"):
        broken()
