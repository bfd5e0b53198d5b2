"""What a decision costs Redis: round trips, commands, CPU, memory.

Round trips are counted on the client (every write of redis-py's connections
is one request-and-reply exchange, a pipeline included), commands and their
CPU on the server (``INFO commandstats`` deltas, summed over every node of a
cluster). Memory is ``MEMORY USAGE`` summed over a sender's keys, found with
``SCAN`` on the sender's hashed id.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import redis
from redis.connection import AbstractConnection

_OWN_COMMANDS = {"info", "config", "scan", "memory", "ping", "cluster", "command"}


def _command_names(packed: Any) -> list[str]:
    """Names of the RESP commands in one write (a single command or a pipeline)."""
    data = packed if isinstance(packed, (bytes, bytearray)) else b"".join(
        bytes(p) for p in ([packed] if isinstance(packed, str) else packed)
    )
    names: list[str] = []
    pos = 0
    while pos < len(data) and data[pos : pos + 1] == b"*":
        end = data.index(b"\r\n", pos)
        count = int(data[pos + 1 : end])
        pos = end + 2
        for i in range(count):
            end = data.index(b"\r\n", pos)
            size = int(data[pos + 1 : end])
            arg = data[end + 2 : end + 2 + size]
            if i == 0:
                names.append(arg.decode("ascii", "replace").lower())
            pos = end + 2 + size + 2
    return names


@dataclass
class ClientTally:
    writes: int = 0
    commands: Counter[str] = field(default_factory=Counter)


@contextmanager
def count_round_trips() -> Iterator[ClientTally]:
    """Count every write redis-py sends, in this process, while the context is open."""
    tally = ClientTally()
    original = AbstractConnection.send_packed_command

    def counting(self: AbstractConnection, command: Any, check_health: bool = True) -> None:
        tally.writes += 1
        tally.commands.update(_command_names(command))
        original(self, command, check_health)

    AbstractConnection.send_packed_command = counting  # type: ignore[method-assign]
    try:
        yield tally
    finally:
        AbstractConnection.send_packed_command = original  # type: ignore[method-assign]


_CMDSTAT = re.compile(r"^cmdstat_(.+)$")


@dataclass
class ServerSnapshot:
    calls: Counter[str]
    usec: Counter[str]
    cpu_main_s: float
    used_memory: int


def snapshot(clients: list[redis.Redis]) -> ServerSnapshot:
    calls: Counter[str] = Counter()
    usec: Counter[str] = Counter()
    cpu = 0.0
    memory = 0
    for client in clients:
        for key, value in client.info("commandstats").items():
            match = _CMDSTAT.match(key)
            if match:
                name = match.group(1).lower()
                calls[name] += int(value["calls"])
                usec[name] += int(value["usec"])
        info = client.info("cpu")
        cpu += float(info.get("used_cpu_user_main_thread", info["used_cpu_user"]))
        cpu += float(info.get("used_cpu_sys_main_thread", info["used_cpu_sys"]))
        memory += int(client.info("memory")["used_memory"])
    return ServerSnapshot(calls, usec, cpu, memory)


def cost_per_decision(
    before: ServerSnapshot, after: ServerSnapshot, tally: ClientTally, decisions: int
) -> dict[str, Any]:
    """Round trips, commands (client-sent and all executed) and Redis CPU, per decision."""
    executed = {
        name: round((after.calls[name] - before.calls[name]) / decisions, 3)
        for name in after.calls
        if name not in _OWN_COMMANDS and after.calls[name] > before.calls[name]
    }
    sent = {name: round(n / decisions, 3) for name, n in tally.commands.items()}
    # A command's usec includes what a script it runs calls: count the client-sent ones only.
    usec = sum(after.usec[name] - before.usec[name] for name in tally.commands)
    return {
        "decisions": decisions,
        "round_trips_per_decision": round(tally.writes / decisions, 3),
        "commands_sent_per_decision": sent,
        "commands_executed_per_decision": executed,
        "redis_usec_per_decision": round(usec / decisions, 2),
        "redis_main_thread_cpu_us_per_decision": round(
            (after.cpu_main_s - before.cpu_main_s) * 1e6 / decisions, 2
        ),
    }


def keys_of(client: redis.Redis, needle: str) -> list[bytes]:
    return list(client.scan_iter(match=f"*{needle}*", count=1000))


def memory_of(client: redis.Redis, keys: list[bytes]) -> dict[bytes, int]:
    return {key: int(client.memory_usage(key, samples=0) or 0) for key in keys}
