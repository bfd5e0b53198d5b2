"""Figures for the README's storage section, on a redis-server of its own.

    python -m benchmarks.bench_redis [--seconds 3]

Prints decisions/s on one Redis (engine.check with the seed policy, no injected
clock: Redis TIME; one thread, four threads, and acheck with 32 concurrent
tasks; and the bare transition script), bytes per sender after 1,000 sends
(MEMORY USAGE), and commands per decision. Loopback, one machine: the numbers
say what the engine and the script cost, not what a network adds.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import threading
import time

from policy import Engine, MemoryGraph, SendRequest, load_rules
from policy.core import Features, TransitionInput
from policy.storage.redis import RedisStorage
from tests import servers
from tests.conftest import DEFAULT_RULES

WORDS = ("meet lunch project deadline invoice travel garden concert ticket weather coffee "
         "report budget photo family weekend review schedule dinner movie").split()


def _engine(url: str, graph: MemoryGraph, clock=None) -> Engine:
    return Engine(load_rules(DEFAULT_RULES), storage=url, graph=graph, clock=clock,
                  storage_options={"key_prefix": servers.unique_prefix(), "socket_timeout": 5})


def _requests(graph: MemoryGraph, senders: int = 5000) -> list[SendRequest]:
    out = []
    for i in range(senders):
        sender, friend = f"user{i}", f"friend{i % 97}"
        graph.follow(friend, sender)
        text = " ".join(WORDS[(i * k) % len(WORDS)] for k in (1, 3, 7, 11)) + f" {i}"
        out.append(SendRequest(sender, (friend,), text))
    return out


def _rate(run, seconds: float) -> float:
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        done += run()
    return done / (time.perf_counter() - start)


def bench(seconds: float) -> None:
    with servers.private_redis() as server:
        graph = MemoryGraph()
        requests = _requests(graph)
        engine = _engine(server.url, graph)
        cycle = itertools.cycle(requests)

        def one_thread() -> int:
            for _ in range(100):
                engine.check(next(cycle))
            return 100

        engine.check(requests[0])
        print(f"engine.check, 1 thread:      {_rate(one_thread, seconds):8.0f} decisions/s")

        lock = threading.Lock()
        counts = [0]

        def worker(stop: threading.Event) -> None:
            while not stop.is_set():
                with lock:
                    request = next(cycle)
                engine.check(request)
                with lock:
                    counts[0] += 1

        stop = threading.Event()
        threads = [threading.Thread(target=worker, args=(stop,)) for _ in range(4)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        time.sleep(seconds)
        stop.set()
        for t in threads:
            t.join()
        print(f"engine.check, 4 threads:     {counts[0] / (time.perf_counter() - start):8.0f} "
              "decisions/s")

        async def concurrent() -> float:
            await engine.acheck(requests[0])
            done = 0
            start = time.perf_counter()
            while time.perf_counter() - start < seconds:
                batch = [next(cycle) for _ in range(32)]
                await asyncio.gather(*(engine.acheck(r) for r in batch))
                done += 32
            return done / (time.perf_counter() - start)

        print(f"engine.acheck, 32 in flight: {asyncio.run(concurrent()):8.0f} decisions/s")

        storage = engine.storage
        assert isinstance(storage, RedisStorage)
        rules = tuple(r for r in engine.rules.active if r.stateful)
        inp = TransitionInput(rules, Features(None, False, bytes(range(1, 33)), 30,
                                              (("0123456789abcdef", False),)), False)
        keys = [f"{i:024x}" for i in range(5000)]
        key_cycle = itertools.cycle(keys)

        def bare() -> int:
            for _ in range(100):
                storage.transition(next(key_cycle), inp, None)
            return 100

        print(f"transition script alone:     {_rate(bare, seconds):8.0f} calls/s")

        client = server.client()
        client.config_resetstat()
        for request in requests[:1000]:
            engine.check(request)
        stats = client.info("commandstats")
        sent = sum(stats.get(f"cmdstat_{c}", {}).get("calls", 0) for c in ("evalsha", "eval"))
        print(f"scripts run per decision:    {sent / 1000:8.2f} (EVALSHA; see "
              "tests/storage/test_redis_roundtrips.py for the MONITOR count)")
        light = stats["cmdstat_evalsha"]["usec_per_call"]
        print(f"script time in Redis, a light sender: {light:6.0f} µs")

        heavy_graph = MemoryGraph()
        clock = [1_800_000_000.0]  # a virtual clock: 1,000 sends spread over a day
        heavy = _engine(server.url, heavy_graph, clock=lambda: clock[0])
        rng = random.Random(7)
        for i in range(200):
            heavy_graph.follow(f"r{i}", "heavy")
        for _ in range(1000):
            clock[0] += 86.0
            heavy.check(SendRequest("heavy", (f"r{rng.randrange(200)}",),
                                    " ".join(rng.sample(WORDS, 8))))
        heavy_storage = heavy.storage
        assert isinstance(heavy_storage, RedisStorage)
        used = heavy_storage.sender_memory(heavy._keys.user("heavy"))
        print(f"bytes per sender, 1,000 sends over a day: {used} (MEMORY USAGE of its keys)")
        client.config_resetstat()
        for _ in range(300):
            clock[0] += 1.0
            heavy.check(SendRequest("heavy", (f"r{rng.randrange(200)}",),
                                    " ".join(rng.sample(WORDS, 8))))
        usec = client.info("commandstats")["cmdstat_evalsha"]["usec_per_call"]
        print(f"script time in Redis, that heavy sender (96 buckets, 32 texts): {usec:6.0f} µs")
        client.close()
        engine.close()
        heavy.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="per measurement")
    bench(parser.parse_args().seconds)


if __name__ == "__main__":
    main()
