"""Round trips: an allowed decision costs exactly one command (FCALL of the rule set's
Redis function; EVALSHA where functions are missing or denied), sync or async.

Counted by the server itself: MONITOR shows every command a client sends, and
marks the ones a Lua script runs (``lua``), which are not round trips. A
private server (or every node of the cluster) is watched so that nothing else
is counted; the engine is warmed up first (connections, script cache), then
every command seen between two markers is attributed to the decisions.
"""

from __future__ import annotations

import asyncio

import pytest

from policy import Engine, MemoryGraph, SendRequest
from policy.clock import VirtualClock
from tests import servers
from tests.conftest import DEFAULT_RULES, T0

pytestmark = [pytest.mark.redis, pytest.mark.timeout(60)]

DECISIONS = 20
WORDS = "zero one two three four five six seven eight nine".split()


def _engine(url: str) -> tuple[Engine, list[SendRequest]]:
    graph = MemoryGraph()
    requests = []
    for i in range(2 * DECISIONS + 2):
        graph.follow(f"friend{i}", "alice")
        graph.follow("alice", f"friend{i}")  # friends who write to her: no spam rule
        graph.record_message(f"friend{i}", "alice")  # counts them (42 would pass fanout's)
        # Numbers are folded away by normalisation: words make the texts differ.
        text = " ".join(WORDS[int(d)] for d in f"{i:03d}") + " is what I meant"
        requests.append(SendRequest("alice", (f"friend{i}",), text))
    engine = Engine.from_file(DEFAULT_RULES, storage=url, graph=graph, clock=VirtualClock(T0),
                              storage_options={"key_prefix": servers.unique_prefix(),
                                               "socket_timeout": 5})
    return engine, requests


def _count(engine: Engine, requests: list[SendRequest], ports: list[int]) -> tuple[list, list]:
    """Warm up (connections made, script cached, cluster slots known), then watch
    ``DECISIONS`` sync and ``DECISIONS`` async decisions, all in one event loop."""

    async def scenario() -> tuple[list, list]:
        engine.check(requests[0])
        await engine.acheck(requests[1])
        watches = [servers.Watch(port) for port in ports]
        decisions = [engine.check(r) for r in requests[2 : 2 + DECISIONS]]
        decisions += [await engine.acheck(r) for r in requests[2 + DECISIONS :]]
        commands = [c for w in watches for c, lua in w.stop() if not lua]
        await engine.storage.aclose()  # type: ignore[attr-defined]
        return decisions, commands

    try:
        return asyncio.run(scenario())
    finally:
        engine.close()


def test_one_command_per_allowed_decision() -> None:
    with servers.private_redis() as server:
        engine, requests = _engine(server.url)
        decisions, commands = _count(engine, requests, [server.port])
    assert len(decisions) == 2 * DECISIONS
    assert all(d.allowed and d.degraded is None for d in decisions)
    print(f"\nredis: {len(commands)} commands for {len(decisions)} allowed decisions")
    assert commands == ["FCALL"] * len(decisions)


def test_a_flushed_library_costs_one_decision_an_eval_and_is_loaded_again() -> None:
    """FUNCTION FLUSH (or a new server): the next decision still takes one round trip
    for itself (EVALSHA), then the library is loaded once, and FCALL follows."""
    with servers.private_redis() as server:
        engine, requests = _engine(server.url)
        try:
            assert engine.check(requests[0]).allowed
            server.client().function_flush()
            watch = servers.Watch(server.port)
            assert all(engine.check(r).allowed for r in requests[1:5])
            commands = [c for c, lua in watch.stop() if not lua]
        finally:
            engine.close()
    assert commands == ["FCALL", "EVALSHA", "FUNCTION", "FCALL", "FCALL", "FCALL"]


@pytest.mark.parametrize("denied", [["-function"], ["-fcall", "-function"]])
def test_a_user_denied_functions_stays_on_evalsha(denied: list[str]) -> None:
    """An ACL that denies FUNCTION LOAD, or FCALL too (an ACL written before functions,
    `+evalsha +eval`, denies both): one warning, then EVALSHA, one command per decision,
    the same decisions, none degraded."""
    with servers.private_redis() as server:
        admin = server.client()
        admin.acl_setuser("policy", enabled=True, passwords=["+secret-pw"], keys=["*"],
                          channels=["*"], commands=["+@all", *denied])
        url = server.url.replace("redis://", "redis://policy:secret-pw@")
        engine, requests = _engine(url)
        try:
            first = engine.check(requests[0])  # FCALL, EVALSHA (EVAL), the load denied
            assert first.allowed and first.degraded is None
            watch = servers.Watch(server.port)
            decisions = [engine.check(r) for r in requests[1:6]]
            commands = [c for c, lua in watch.stop() if not lua]
            libraries = admin.function_list()
        finally:
            engine.close()
    assert all(d.allowed and d.degraded is None for d in decisions)
    assert commands == ["EVALSHA"] * len(decisions)
    assert libraries == []


@pytest.mark.cluster
def test_one_command_per_allowed_decision_on_the_cluster(request: pytest.FixtureRequest) -> None:
    cluster = servers.session_cluster(request.config)
    engine, requests = _engine(cluster.url)
    decisions, commands = _count(engine, requests, [n.port for n in cluster.nodes])
    assert all(d.allowed and d.degraded is None for d in decisions)
    print(f"\nredis cluster: {len(commands)} commands for {len(decisions)} allowed decisions")
    assert commands == ["FCALL"] * len(decisions)
