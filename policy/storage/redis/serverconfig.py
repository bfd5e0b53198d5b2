"""What the Redis server will do with the policy's keys: evict them, or lose them on restart.

A server that evicts (any ``maxmemory-policy`` but ``noeviction``) drops senders'
quotas under memory pressure, and one without the append-only file loses every
count since its last snapshot when it restarts: in both cases the policy admits
over quota, and no decision can tell (the keys are simply absent). The driver
reads the settings once, when it first connects (``CONFIG GET``; managed Redis
that refuses it: ``INFO``), warns in the log once, and reports them to the
engine's observer (the ``dm_policy_storage_config_risk`` metric).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger("policy.storage.redis")

SAFE_EVICTION = "noeviction"
RISKS = ("eviction", "no_aof", "unknown")  # the risk label values of the metric


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """The settings that decide whether Redis keeps the policy's state (None: unknown)."""

    maxmemory_policy: str | None
    maxmemory: int | None  # bytes; 0: no limit (evictions only once one is set)
    aof: bool | None  # appendonly yes
    snapshots: bool | None  # an RDB save schedule (None: INFO does not say)
    source: str  # "config", "info", or "unreadable"

    @property
    def risks(self) -> dict[str, bool]:
        """Each of ``RISKS``: True when found (``unknown``: the settings could not be read)."""
        return {
            "eviction": self.maxmemory_policy not in (None, SAFE_EVICTION),
            "no_aof": self.aof is False,
            "unknown": self.maxmemory_policy is None or self.aof is None,
        }

    def warning(self) -> str | None:
        """The log line for what is unsafe, or None."""
        problems = []
        if self.risks["eviction"]:
            limit = f"maxmemory {self.maxmemory}" if self.maxmemory else "no maxmemory yet"
            problems.append(
                f"maxmemory-policy is {self.maxmemory_policy} ({limit}): under memory pressure "
                "Redis evicts senders' quotas and traces, and they start afresh (over quota, "
                "no decision marked degraded); set maxmemory-policy noeviction")
        if self.risks["no_aof"]:
            kept = "since the last RDB snapshot" if self.snapshots else "(no snapshots either)"
            problems.append(
                f"appendonly is off: a restart loses every count {kept}, and senders go "
                "over quota even in fail_closed; set appendonly yes, appendfsync everysec")
        if self.risks["unknown"]:
            problems.append("could not read maxmemory-policy or appendonly (CONFIG GET and "
                            "INFO refused): make sure of noeviction and appendonly yes")
        return "; ".join(problems) or None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.decode() if isinstance(value, bytes) else str(value)


def _first(answer: Any, name: str) -> str | None:
    """One setting from CONFIG GET's answer (a cluster answers per node: the first)."""
    if not isinstance(answer, dict):
        return None
    for key, value in answer.items():
        if _text(key) == name:
            return _text(value)
        if isinstance(value, dict):  # {node: {name: value}}
            found = _first(value, name)
            if found is not None:
                return found
    return None


def _from_config(client: Any) -> ServerConfig:
    policy = _first(client.config_get("maxmemory-policy"), "maxmemory-policy")
    maxmemory = _first(client.config_get("maxmemory"), "maxmemory")
    aof = _first(client.config_get("appendonly"), "appendonly")
    save = _first(client.config_get("save"), "save")
    return ServerConfig(policy, int(maxmemory) if maxmemory is not None else None,
                        None if aof is None else aof == "yes",
                        None if save is None else bool(save.strip()), "config")


def _from_info(client: Any) -> ServerConfig:
    memory, persistence = client.info("memory"), client.info("persistence")
    if not isinstance(memory, dict) or "maxmemory_policy" not in memory:  # a cluster: per node
        memory = next((v for v in memory.values() if isinstance(v, dict)), {})
        persistence = next((v for v in persistence.values() if isinstance(v, dict)), {})
    aof = persistence.get("aof_enabled")
    maxmemory = memory.get("maxmemory")
    return ServerConfig(_text(memory.get("maxmemory_policy")),
                        int(maxmemory) if maxmemory is not None else None,
                        None if aof is None else int(aof) == 1, None, "info")


def read_server_config(client: Any) -> ServerConfig:
    """The server's settings, from CONFIG GET, else INFO; never raises."""
    for read in (_from_config, _from_info):
        try:
            found = read(client)
        except Exception:  # refused (managed Redis, renamed CONFIG) or unreachable
            continue
        if found.maxmemory_policy is not None:
            return found
    return ServerConfig(None, None, None, None, "unreadable")


async def aread_server_config(client: Any) -> ServerConfig:
    """``read_server_config`` on an asyncio client."""

    for use_config in (True, False):
        try:
            if use_config:
                answers = {n: await client.config_get(n) for n in
                           ("maxmemory-policy", "maxmemory", "appendonly", "save")}
                found = _from_config(_Answers(answers))
            else:
                found = _from_info(_Answers({"memory": await client.info("memory"),
                                             "persistence": await client.info("persistence")}))
        except Exception:
            continue
        if found.maxmemory_policy is not None:
            return found
    return ServerConfig(None, None, None, None, "unreadable")


class _Answers:
    """Answers already read, behind the sync client's methods the readers call."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self._answers = answers

    def config_get(self, name: str) -> Any:
        return self._answers[name]

    def info(self, section: str) -> Any:
        return self._answers[section]


def report(config: ServerConfig, where: str) -> None:
    """Log once what is unsafe about the server (the caller calls this once per driver)."""
    message = config.warning()
    if message is not None:
        logger.warning("Redis at %s can lose the policy's state: %s (see docs/storage.md, "
                       "'Production settings')", where, message)


class ConfigCheck:
    """The server's settings, read once, on the first call that reached it, and reported
    (one log line, and to every watcher: the engine's metrics)."""

    def __init__(self, kind: str, where: str) -> None:
        self._kind, self._where = kind, where
        self._lock = threading.Lock()
        self.config: ServerConfig | None = None
        self._claimed = False
        self._watchers: list[Callable[[str, dict[str, bool]], None]] = []

    def watch(self, callback: Callable[[str, dict[str, bool]], None]) -> None:
        """Call ``callback(kind, risks)`` once the settings are read (at once if they are)."""
        with self._lock:
            self._watchers.append(callback)
            config = self.config
        if config is not None:
            callback(self._kind, config.risks)

    def due(self) -> bool:
        """True once: for the caller that is to read the settings."""
        if self._claimed:
            return False
        with self._lock:
            claimed, self._claimed = self._claimed, True
        return not claimed

    def read(self, client: Any) -> None:
        self._set(read_server_config(client))

    async def aread(self, client: Any, deadline: float) -> None:
        try:
            config = await asyncio.wait_for(aread_server_config(client), deadline)
        except Exception:
            config = ServerConfig(None, None, None, None, "unreadable")
        self._set(config)

    def _set(self, config: ServerConfig) -> None:
        with self._lock:
            self.config = config
            watchers = list(self._watchers)
        report(config, self._where)  # once per driver
        for callback in watchers:
            try:
                callback(self._kind, config.risks)
            except Exception:  # an observer never breaks a decision
                pass
