"""Standing and audited actions on Redis, counted by the server: a standing is one
EVALSHA whose script only reads (MONITOR shows the commands it runs), on one server and
on a cluster; the cluster gives the standings memory:// gives; an action that races a
decision reads again instead of overwriting it."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import pytest

from policy import Engine, MemoryGraph, SendRequest
from policy.audit import Change, entry
from policy.clock import VirtualClock
from policy.rules import load_rules
from tests import servers
from tests.conftest import DEFAULT_RULES, T0

pytestmark = [pytest.mark.timeout(120)]

SPAM = "Win a prize now: visit winprize.example or call 555 0100 today, {i}"
TEXTS = ["hello there, how are you doing today my friend", "ok",
         "Win a prize now: visit winprize.example or call 555 0100 today",
         "Cheap meds at pills.example, order now and save big on everything"]
READS = {"HGETALL", "TIME"}


def _graph() -> MemoryGraph:
    graph = MemoryGraph()
    for i in range(60):
        graph.follow(f"r{i}", "alice")
        graph.follow(f"r{i}", "bob")
    graph.follow("alice", "r1")
    return graph


def _engine(url: str, clock: VirtualClock, graph: MemoryGraph) -> Engine:
    return Engine.from_file(DEFAULT_RULES, storage=url, graph=graph, clock=clock,
                            storage_options={"key_prefix": servers.unique_prefix(),
                                             "socket_timeout": 5})


def _standings_watched(engine: Engine, ports: list[int], n: int = 10) -> list[tuple[str, bool]]:
    async def scenario() -> list[tuple[str, bool]]:
        engine.standing("alice")  # warm: connections, script cache, cluster slots
        await engine.astanding("alice")
        watches = [servers.Watch(port) for port in ports]
        for _ in range(n):
            engine.standing("alice")
            await engine.astanding("alice")
        commands = [c for w in watches for c in w.stop()]
        await engine.storage.aclose()  # type: ignore[attr-defined]
        return commands

    return asyncio.run(scenario())


def _warm_up(engine: Engine, clock: VirtualClock) -> None:
    for i in range(8):
        engine.check(SendRequest("alice", (f"r{i + 10}",), SPAM.format(i=i)))
        clock.advance(5)
    engine.revoke_app(user="alice", app="shady", actor="ops", reason="r")


@pytest.mark.redis
def test_a_standing_is_one_read_only_round_trip() -> None:
    clock = VirtualClock(T0)
    with servers.private_redis() as server:
        engine = _engine(server.url, clock, _graph())
        _warm_up(engine, clock)
        commands = _standings_watched(engine, [server.port])
        engine.close()
    assert [c for c, lua in commands if not lua] == ["EVALSHA"] * 20
    assert {c for c, lua in commands if lua} <= READS  # nothing written, no TTL touched


@pytest.mark.cluster
def test_on_the_cluster_standings_are_read_only_and_match_memory(
        request: pytest.FixtureRequest) -> None:
    cluster = servers.session_cluster(request.config)
    clock, mirror_clock = VirtualClock(T0), VirtualClock(T0)
    graph = _graph()
    engine = _engine(cluster.url, clock, graph)
    mirror = Engine(load_rules(DEFAULT_RULES), graph=graph, clock=mirror_clock)
    rng = random.Random(7)
    for step in range(120):
        who = rng.choice(("alice", "bob"))
        req = SendRequest(who, (f"r{rng.randrange(40)}",), rng.choice(TEXTS),
                          app=rng.choice((None, "app1")))
        assert engine.check(req).verdict == mirror.check(req).verdict
        if step % 30 == 11:
            for e in (engine, mirror):
                e.revoke_app(user=who, app="app1", actor="ops", reason="r")
                e.credit_quota(who, 2, actor="ops", reason="r")
        if step % 30 == 23:
            for e in (engine, mirror):
                e.lift_cooldown(who, actor="ops", reason="r")
        if step % 10 == 0:
            for user in ("alice", "bob"):
                assert engine.standing(user).to_dict() == mirror.standing(user).to_dict()
        wait = rng.choice((1, 5, 60, 900))
        clock.advance(wait)
        mirror_clock.advance(wait)
    for user in ("alice", "bob"):
        assert engine.standing(user).to_dict() == mirror.standing(user).to_dict()
        mine = [(r.action, r.before, r.after) for r in engine.audit(user)]
        assert mine == [(r.action, r.before, r.after) for r in mirror.audit(user)]
    assert len(engine.audit()) == len(mirror.audit())  # the deployment's stream, 2nd call
    engine.forget_user("alice", actor="dpo", reason="erasure")
    assert engine.audit("alice") == []
    everyone = engine.audit()
    assert everyone[0].action == "forget_user" and everyone[0].user_key == ""
    alice = engine._keys.user("alice")
    assert all(r.user_key != alice for r in everyone)
    commands = _standings_watched(engine, [n.port for n in cluster.nodes], n=5)
    assert [c for c, lua in commands if not lua] == ["EVALSHA"] * 10
    assert {c for c, lua in commands if lua} <= READS
    engine.close()


def test_an_action_racing_a_decision_reads_again() -> None:
    fakeredis = pytest.importorskip("fakeredis")
    from policy.storage.redis import RedisStorage

    clock = VirtualClock(T0)
    storage = RedisStorage.from_uri("redis://fakeredis/0", client=fakeredis.FakeRedis())
    engine = Engine(load_rules(DEFAULT_RULES), storage=storage, graph=_graph(), clock=clock)
    engine.check(SendRequest("alice", ("r1",), "hello"))
    key = engine._keys.user("alice")
    rule = engine.rules.get("daily_quota")
    seen: list[int] = []

    def compute(state: Any, now: float) -> tuple[Change, dict[str, str]]:
        used = sum(rule.module.counted(rule, state, now).values())
        seen.append(used)
        if len(seen) == 1:  # a decision lands between the read and the write
            engine.check(SendRequest("alice", ("r2",), "hello again"))
        change = Change(quota={rule.name: None})
        return change, entry(at=now, actor="t", action="reset_quota", user_key=key, reason="r",
                             before={"used": used}, after={"used": 0})

    storage.amend(key, compute, clock.now)
    assert seen == [1, 2]  # the first write was refused: the state had changed
    assert engine.standing("alice").rules[-1].detail["used"] == 0
    assert [r.before for r in engine.audit("alice")] == [{"used": 2}]  # one entry, not two
