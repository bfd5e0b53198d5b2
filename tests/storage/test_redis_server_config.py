"""Issue 13 item 8: a Redis that evicts or would lose its keys on restart is reported.

The driver reads the server's ``maxmemory-policy`` and ``appendonly`` when it first
reaches it (``CONFIG GET``, else ``INFO``), warns in the log once, and the observer
sets ``dm_policy_storage_config_risk``. Real ``redis-server`` processes of their own.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

import pytest

from policy import Engine, MemoryGraph, SendRequest
from policy.metrics import PrometheusObserver
from policy.rules import load_rules
from policy.storage.redis.serverconfig import RISKS
from tests import servers
from tests.conftest import DEFAULT_RULES

LOGGER = "policy.storage.redis"


def _engine(server: servers.RedisServer) -> tuple[Engine, PrometheusObserver]:
    graph = MemoryGraph()
    graph.follow("bob", "alice")
    observer = PrometheusObserver()
    engine = Engine(load_rules(DEFAULT_RULES), storage=server.url, graph=graph,
                    observer=observer, storage_options={"socket_timeout": 5},
                    on_error="fail_closed")
    return engine, observer


def _risks(observer: PrometheusObserver) -> dict[str, float | None]:
    return {risk: observer.registry.get_sample_value(
        "dm_policy_storage_config_risk", {"storage": "redis", "risk": risk}) for risk in RISKS}


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records
            if r.name == LOGGER and r.levelno == logging.WARNING]


@pytest.mark.parametrize("args", [[], ["--rename-command", "CONFIG", ""]],
                         ids=["config-get", "config-refused-info"])
def test_an_evicting_server_without_aof_is_warned_once_and_in_the_metric(
    caplog: pytest.LogCaptureFixture, args: Sequence[str]
) -> None:
    caplog.set_level(logging.WARNING, LOGGER)
    with servers.private_redis(["--maxmemory-policy", "allkeys-lru", *args]) as server:
        engine, observer = _engine(server)
        try:
            for i in range(3):
                decision = engine.check(SendRequest("alice", ("bob",), f"hello {i}"))
                assert decision.allowed and decision.degraded is None
            config = engine.storage.server_config  # type: ignore[attr-defined]
            assert config.maxmemory_policy == "allkeys-lru"
            assert config.source == ("info" if args else "config")
        finally:
            engine.close()
    warned = _warnings(caplog)
    assert len(warned) == 1, warned
    assert "allkeys-lru" in warned[0] and "noeviction" in warned[0]
    assert "appendonly" in warned[0]
    assert _risks(observer) == {"eviction": 1.0, "no_aof": 1.0, "unknown": 0.0}


def test_the_production_settings_give_no_warning(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, LOGGER)
    args = ["--maxmemory-policy", "noeviction", "--appendonly", "yes",
            "--appendfsync", "everysec"]
    with servers.private_redis(args) as server:
        engine, observer = _engine(server)
        try:
            assert engine.check(SendRequest("alice", ("bob",), "hello")).allowed
        finally:
            engine.close()
    assert _warnings(caplog) == []
    assert _risks(observer) == {"eviction": 0.0, "no_aof": 0.0, "unknown": 0.0}


def test_acheck_reads_the_settings_too(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, LOGGER)
    with servers.private_redis(["--maxmemory-policy", "volatile-lru"]) as server:
        engine, observer = _engine(server)

        async def run() -> None:
            for i in range(2):
                assert (await engine.acheck(SendRequest("alice", ("bob",), f"hi {i}"))).allowed
            await engine.aclose()

        try:
            asyncio.run(run())
        finally:
            engine.close()
    assert len(_warnings(caplog)) == 1
    assert _risks(observer)["eviction"] == 1.0

