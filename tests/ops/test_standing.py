"""Standing (read only) and the audited actions, on every storage (memory://, fakeredis,
a real redis-server), held to memory:// by parity."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy import Engine, MemoryGraph
from policy.clock import VirtualClock
from policy.errors import InvalidRequest, StorageUnavailable
from policy.metrics import PrometheusObserver
from policy.requests import SendRequest
from policy.rules import load_rules
from tests.conftest import DEFAULT_RULES, T0

SPAM = "Win a prize now: visit winprize.example or call 555 0100 today, {i}"
TEXTS = ["hello there, how are you doing today my friend", "ok",
         "Win a prize now: visit winprize.example or call 555 0100 today",
         "Cheap meds at pills.example, order now and save big on everything"]


def _graph() -> MemoryGraph:
    graph = MemoryGraph()
    for i in range(60):
        graph.follow(f"r{i}", "alice")
        graph.follow(f"r{i}", "bob")
    graph.follow("alice", "r1")  # alice knows r1: not a stranger
    return graph


def _campaign(engine: Engine, clock: VirtualClock, sender: str = "alice", n: int = 8) -> Any:
    decision = None
    for i in range(n):
        decision = engine.check(SendRequest(sender, (f"r{i + 10}",), SPAM.format(i=i)))
        clock.advance(7)
    return decision


def _redis_dump(engine: Engine) -> dict[bytes, Any]:
    """Every key of the storage's prefix with its value and TTL (a keyspace check)."""
    storage: Any = engine.storage
    client = storage._sync()
    out = {}
    for key in client.scan_iter(match=storage.keys.prefix + ":*"):
        out[key] = (client.dump(key), client.execute_command("PEXPIRETIME", key))
    return out


def test_standing_of_a_cooled_down_user_and_lifting_it(engine_factory: Any, graph: MemoryGraph,
                                                     clock: VirtualClock) -> None:
    for i in range(60):
        graph.follow(f"r{i}", "alice")
    engine = engine_factory()
    decision = _campaign(engine, clock)
    assert decision.verdict.value == "cooldown"
    clock.advance(60)
    standing = engine.standing("alice")
    assert standing.user == "alice" and standing.at == clock.now
    assert standing.would.verdict == "cooldown" and standing.would.code == "cooldown_active"
    by_rule = {r.rule: r for r in standing.rules}
    cooling = by_rule["spam_cooldown"]
    assert cooling.status == "cooling" and cooling.until is not None and cooling.until > clock.now
    assert "each attempt restarts the wait" in cooling.words and "UTC" in cooling.words
    assert by_rule["daily_quota"].detail["used"] >= 1
    assert by_rule["duplicates"].status == "tracing"
    text = standing.words() + repr(standing.to_dict())
    assert "winprize" not in text and "555" not in text  # never the message text

    # a standing restarts nothing: the wait ends when it said, however often it is asked
    until = cooling.until
    for _ in range(3):
        assert {r.rule: r for r in engine.standing("alice").rules}["spam_cooldown"].until == until

    record = engine.lift_cooldown("alice", actor="agent-7", reason="ticket 123: false positive")
    assert record.action == "lift_cooldown" and record.user == "alice"
    # the day's pause on strangers (shadow in the default rules) is lifted with it
    assert record.before["cooldowns"] == {"spam_cooldown": until,
                                          "spam_strangers_pause": until - 1800 + 86400}
    # ... and the ways back it counted (4 strangers sent the link): they held every new
    # stranger for the day (strangers_daily's lower limit); a lift says the finding was wrong
    assert record.before["ways_back"] == {"links_to_strangers": 4}
    assert record.after == {"cooldowns": {}, "ways_back": {"links_to_strangers": 0}}
    assert engine.standing("alice").would.verdict == "allow"
    assert engine.check(SendRequest("alice", ("r50",), "see you tomorrow at the station then")).allowed
    trail = engine.audit(user="alice")
    assert [r.id for r in trail] == [record.id]
    assert trail[0].reason == "ticket 123: false positive" and trail[0].actor == "agent-7"
    assert engine.audit(user="bob") == []
    assert [r.action for r in engine.audit()] == ["lift_cooldown"]
    assert engine.audit()[0].user is None and engine.audit()[0].user_key == record.user_key
    assert engine.audit(user="alice", since=clock.now + 1) == []


def test_quota_reset_and_credit(engine_factory: Any, clock: VirtualClock) -> None:
    engine = engine_factory("""
[[rules]]
name = "q"
check = "quota"
limit = "5/hour"
""")
    for i in range(5):
        assert engine.check(SendRequest("alice", (f"r{i}",), "hi")).allowed
        clock.advance(1)
    standing = engine.standing("alice")
    assert standing.would.verdict == "throttle" and standing.would.retry_at is not None
    q = standing.rules[0]
    assert q.status == "throttled" and q.detail["used"] == 5 and q.detail["remaining"] == 0
    assert q.until == standing.would.retry_at
    record = engine.credit_quota("alice", 2, actor="ops", reason="goodwill", rule="q")
    assert record.before == {"used": {"q": 5}} and record.after == {"used": {"q": 3}}
    assert engine.standing("alice").rules[0].detail["remaining"] == 2
    assert engine.check(SendRequest("alice", ("x",), "hi")).allowed
    assert engine.check(SendRequest("alice", ("y",), "hi")).allowed
    assert not engine.check(SendRequest("alice", ("z",), "hi")).allowed
    record = engine.reset_quota("alice", actor="ops", reason="support ticket")
    assert record.after == {"used": {"q": 0}}
    assert engine.standing("alice").rules[0].detail["used"] == 0
    with pytest.raises(InvalidRequest):
        engine.reset_quota("alice", actor="ops", reason="x", rule="nope")
    with pytest.raises(InvalidRequest):
        engine.credit_quota("alice", 0, actor="ops", reason="x")
    assert [r.action for r in engine.audit("alice")] == ["reset_quota", "credit_quota"]


def test_revoke_restore_forget_old_and_new_forms(engine_factory: Any, graph: MemoryGraph,
                                                 clock: VirtualClock) -> None:
    graph.follow("r1", "alice")
    graph.follow("r2", "alice")
    engine = engine_factory()
    engine.revoke_app(user="alice", app="shady")  # the old call form still works
    standing = engine.standing("alice")
    apps = {r.rule: r for r in standing.rules}["apps"]
    assert apps.status == "revoked" and apps.detail == {"apps_revoked": 1}
    assert not engine.check(SendRequest("alice", ("r1",), "hi", app="shady")).allowed
    record = engine.restore_app(user="alice", app="shady", actor="ops", reason="user asked")
    assert record.before["revoked_until"] is not None and record.after["revoked_until"] is None
    assert engine.check(SendRequest("alice", ("r1",), "hi", app="shady")).allowed
    assert [r.action for r in engine.audit("alice")] == ["restore_app", "revoke_app"]
    assert engine.audit("alice")[-1].actor == "host"
    engine.check(SendRequest("alice", ("r2",), "hi"))
    record = engine.forget_user("alice", actor="dpo", reason="erasure request 42")
    assert record.action == "forget_user"
    assert {r.rule: r for r in engine.standing("alice").rules}["daily_quota"].detail["used"] == 0
    # the trail is erased with the user; the deployment's keeps the erasure, naming no one
    assert engine.audit("alice") == []
    everyone = engine.audit()
    assert [r.action for r in everyone] == ["forget_user"]
    assert everyone[0].user_key == "" and everyone[0].reason == "erasure request 42"


@pytest.mark.parametrize("actor,reason", [("", "why"), ("ops", ""), ("ops", "  "),
                                          ("ops", "x" * 501), ("o" * 101, "why"),
                                          ("ops", "two\nlines"), (None, "why"), ("ops", 3)])
def test_actions_refuse_bad_actor_or_reason_and_change_nothing(
        engine_factory: Any, clock: VirtualClock, actor: Any, reason: Any) -> None:
    engine = engine_factory()
    _campaign(engine, clock)
    before = engine.standing("alice")
    with pytest.raises(InvalidRequest):
        engine.lift_cooldown("alice", actor=actor, reason=reason)
    with pytest.raises(InvalidRequest):
        engine.revoke_app(user="alice", app="a", actor=actor, reason=reason)
    assert engine.standing("alice") == before
    assert engine.audit("alice") == []


def test_actions_are_counted_by_name_only(clock: VirtualClock) -> None:
    observer = PrometheusObserver()
    engine = Engine(load_rules(DEFAULT_RULES), graph=_graph(), clock=clock, observer=observer)
    engine.lift_cooldown("alice", actor="ops", reason="r")
    engine.lift_cooldown("bob", actor="ops", reason="r")
    engine.credit_quota("bob", 1, actor="ops", reason="r")
    value = observer.registry.get_sample_value
    assert value("dm_policy_admin_actions_total", {"action": "lift_cooldown"}) == 2
    assert value("dm_policy_admin_actions_total", {"action": "credit_quota"}) == 1
    assert value("dm_policy_admin_actions_total", {"action": "forget_user"}) == 0
    exposition = observer.registry.collect()
    labels = {k for m in exposition for s in m.samples for k in s.labels.values()}
    assert "alice" not in labels and "bob" not in labels and "ops" not in labels


def test_the_audit_trail_is_bounded(clock: VirtualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    from policy.storage import memory

    monkeypatch.setattr(memory, "AUDIT_PER_USER", 3)
    engine = Engine(load_rules(DEFAULT_RULES), graph=_graph(), clock=clock)
    for i in range(5):
        engine.lift_cooldown("alice", actor="ops", reason=f"r{i}")
    assert [r.reason for r in engine.audit("alice")] == ["r4", "r3", "r2"]
    assert len(engine.audit("alice", limit=2)) == 2
    clock.advance(401 * 86400)  # past AUDIT_TTL
    assert engine.audit("alice") == []
    with pytest.raises(InvalidRequest):
        engine.audit("alice", limit=0)


def test_storage_down_raises_and_writes_nothing(clock: VirtualClock) -> None:
    from tests.servers import free_port

    engine = Engine(load_rules(DEFAULT_RULES), graph=_graph(), clock=clock,
                    storage=f"redis://127.0.0.1:{free_port()}/0?socket_connect_timeout=0.2"
                            "&socket_timeout=0.2&retries=0")
    with pytest.raises(StorageUnavailable):
        engine.standing("alice")
    with pytest.raises(StorageUnavailable):
        engine.lift_cooldown("alice", actor="ops", reason="r")
    with pytest.raises(StorageUnavailable):
        engine.audit("alice")
    engine.close()


def test_redis_standing_is_one_read_only_round_trip(engine_factory: Any, backend: Any,
                                                    clock: VirtualClock) -> None:
    engine = engine_factory()
    _campaign(engine, clock)
    engine.revoke_app(user="alice", app="x", actor="ops", reason="r")
    storage: Any = engine.storage
    if backend.name == "memory":
        key = engine._keys.user("alice")
        kept = storage.state_of(key)
        clock.advance(30)
        engine.standing("alice")
        assert storage.state_of(key) == kept
        return
    before = _redis_dump(engine)
    calls: list[Any] = []
    client = storage._sync()
    real = client.evalsha

    def counting(*args: Any) -> Any:
        calls.append(args[0])
        return real(*args)

    client.evalsha = counting
    clock.advance(30)
    engine.standing("alice")
    client.evalsha = real
    assert len(calls) == 1  # one script, one round trip
    assert _redis_dump(engine) == before  # nothing written, no TTL touched


def _drive(engine: Engine, clock: VirtualClock, steps: list[tuple[int, int, int, int, bool]]
           ) -> list[tuple[Any, ...]]:
    out = []
    for sender, recipient, text, wait, look in steps:
        who = ("alice", "bob")[sender]
        if look:
            engine.standing(who)
        d = engine.check(SendRequest(who, (f"r{recipient}",), TEXTS[text]))
        out.append((d.verdict, d.retry_after, tuple(r.code for r in d.reasons),
                    None if d.quota is None else (d.quota.remaining, d.quota.reset)))
        clock.advance(wait)
    return out


STEPS = st.lists(st.tuples(st.integers(0, 1), st.integers(0, 30), st.integers(0, 3),
                           st.sampled_from([0, 1, 30, 600, 2000]), st.booleans()),
                 min_size=1, max_size=40)


@pytest.mark.parametrize("kind", ["memory", "fakeredis"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=STEPS)
def test_standings_between_sends_change_no_decision(kind: str, steps: list[Any]) -> None:
    """Property: any sequence of sends gives the same decisions with standings asked
    between them as without."""
    rules = load_rules(DEFAULT_RULES)

    def engine(clock: VirtualClock) -> Engine:
        if kind == "memory":
            return Engine(rules, graph=_graph(), clock=clock)
        import fakeredis

        from policy.storage.redis import RedisStorage
        storage = RedisStorage.from_uri("redis://fakeredis/0", client=fakeredis.FakeRedis())
        return Engine(rules, graph=_graph(), clock=clock, storage=storage)

    quiet = [(s, r, t, w, False) for s, r, t, w, _ in steps]
    a, b = VirtualClock(T0), VirtualClock(T0)
    assert _drive(engine(a), a, steps) == _drive(engine(b), b, quiet)


def test_standing_parity_with_memory(engine_factory: Any, backend: Any, graph: MemoryGraph,
                                     clock: VirtualClock) -> None:
    """The same random traffic on this backend and on memory:// gives the same standings."""
    for i in range(60):
        graph.follow(f"r{i}", "alice")
        graph.follow(f"r{i}", "bob")
    mirror_clock = VirtualClock(clock.now)
    here = engine_factory()
    mirror = Engine(here.rules, graph=graph, clock=mirror_clock)
    rng = random.Random(15)
    for step in range(160):
        who = rng.choice(("alice", "bob"))
        request = SendRequest(who, (f"r{rng.randrange(40)}",), rng.choice(TEXTS),
                              app=rng.choice((None, None, "app1")))
        assert here.check(request).verdict == mirror.check(request).verdict
        if step % 40 == 17:
            here.revoke_app(user=who, app="app1", actor="ops", reason="r")
            mirror.revoke_app(user=who, app="app1", actor="ops", reason="r")
        if step % 10 == 0:
            for user in ("alice", "bob"):
                assert here.standing(user).to_dict() == mirror.standing(user).to_dict()
        wait = rng.choice((1, 5, 60, 900))
        clock.advance(wait)
        mirror_clock.advance(wait)
    for user in ("alice", "bob", "nobody"):
        assert here.standing(user).to_dict() == mirror.standing(user).to_dict()
    for engine in (here, mirror):
        engine.forget_user("alice", actor="dpo", reason="erasure")
    trail = [(r.action, r.user_key, r.before, r.after) for r in here.audit()]
    assert trail == [(r.action, r.user_key, r.before, r.after) for r in mirror.audit()]
    alice, bob = here._keys.user("alice"), here._keys.user("bob")
    assert trail[0][:2] == ("forget_user", "")
    assert alice not in {t[1] for t in trail} and bob in {t[1] for t in trail}


def test_astanding(engine_factory: Any, clock: VirtualClock) -> None:
    import asyncio

    engine = engine_factory()
    engine.check(SendRequest("alice", ("r1",), "hi"))

    async def both() -> tuple[Any, Any]:
        got = await engine.astanding("alice")
        await engine.aclose()
        return got, engine.standing("alice")

    got, expected = asyncio.run(both())
    assert got.to_dict() == expected.to_dict()


def test_an_action_whose_write_fails_changes_nothing(clock: VirtualClock) -> None:
    """The storage fails after the read, at the write: StorageUnavailable, and neither the
    state nor the trail changed (the write is one script: all of it or nothing)."""
    import fakeredis

    from policy.errors import StorageError
    from policy.storage.redis import RedisStorage

    storage = RedisStorage.from_uri("redis://fakeredis/0", client=fakeredis.FakeRedis())
    engine = Engine(load_rules(DEFAULT_RULES), graph=_graph(), clock=clock, storage=storage)
    _campaign(engine, clock)
    before = engine.standing("alice")
    real = storage._run

    def failing(script: Any, keys: Any, args: Any) -> Any:
        if script is storage._amend or script is storage._forget_script:
            raise StorageError("redis storage failed: ConnectionError: gone")
        return real(script, keys, args)

    storage._run = failing  # type: ignore[method-assign]
    with pytest.raises(StorageUnavailable):
        engine.lift_cooldown("alice", actor="ops", reason="r")
    with pytest.raises(StorageUnavailable):
        engine.forget_user("alice", actor="ops", reason="r")
    storage._run = real  # type: ignore[method-assign]
    assert engine.standing("alice") == before
    assert engine.audit("alice") == [] and engine.audit() == []


def test_a_lift_without_ways_back_records_only_the_cooldowns(
        engine_factory: Any, graph: MemoryGraph, clock: VirtualClock) -> None:
    """Copies with no phone number, link or pitch: the lift ends the wait, and there are
    no ways back to forget (the record says nothing of them)."""
    for i in range(10):
        graph.follow(f"r{i}", "alice")
    engine = engine_factory()
    text = "hello there, we met at the conference last week, remember me?"
    decisions = []
    for i in range(5):
        decisions.append(engine.check(SendRequest("alice", (f"r{i}",), text)))
        clock.advance(7)
    assert decisions[-1].verdict.value == "cooldown"
    record = engine.lift_cooldown("alice", actor="agent-7", reason="ticket 9: a reunion")
    assert "ways_back" not in record.before and record.after == {"cooldowns": {}}
    assert engine.check(SendRequest("alice", ("r9",), "and you, are you coming?")).allowed
