"""Throughput with several client processes deciding at once against one Redis or a cluster.

Each worker process builds its own engine (or ``limits`` limiter) and its own
senders, plays their history, waits for the others at a barrier, then decides
as fast as it can for a fixed time. The parent adds up decisions per second.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from benchmarks.texts import TextSource
from benchmarks.workload import (
    LIMIT,
    allowed,
    default_rules,
    engine_decide,
    engine_with_history,
    limits_decide,
    make_population,
    make_requests,
    run_untimed,
)

BARRIER_TIMEOUT = 120.0


@dataclass(frozen=True)
class WorkerSpec:
    kind: str  # "engine" or "limits"
    uri: str
    seconds: float
    senders: int
    history: int
    timed_per_sender: int
    prefix: str
    seed: int
    corpus: str | None
    barrier: Any  # a multiprocessing.Manager().Barrier proxy


def open_decide(kind: str, uri: str, graph: Any, history: list[Any]) -> tuple[Any, Any]:
    """(decide, closer) for the engine or the limits baseline on ``uri``, history played."""
    if kind == "engine":
        engine, _ = engine_with_history(default_rules(), uri, graph, history)
        return engine_decide(engine), engine.close
    from limits import parse
    from limits.storage import storage_from_string
    from limits.strategies import MovingWindowRateLimiter

    storage = storage_from_string(uri)
    decide = limits_decide(MovingWindowRateLimiter(storage), parse(LIMIT))
    run_untimed(decide, history)
    return decide, lambda: None


def worker(spec: WorkerSpec) -> dict[str, float]:
    from pathlib import Path

    texts = TextSource(Path(spec.corpus) if spec.corpus else None, seed=spec.seed)
    pop = make_population(spec.senders, prefix=spec.prefix, seed=spec.seed)
    history = make_requests(pop, texts, spec.history, seed=spec.seed)
    decide, close = open_decide(spec.kind, spec.uri, pop.graph, history)
    try:
        # Distinct requests, cycled if the time allows more: far below any sender's quota.
        requests = make_requests(pop, texts, spec.timed_per_sender, seed=spec.seed + 1)
        spec.barrier.wait(BARRIER_TIMEOUT)
        done = ok = 0
        start = time.perf_counter()
        deadline = start + spec.seconds
        while True:
            for request in requests[done % len(requests) :][:200]:
                if allowed(decide(request)):
                    ok += 1
                done += 1
            now = time.perf_counter()
            if now >= deadline:
                break
        return {"decisions": done, "allowed": ok, "seconds": now - start}
    finally:
        close()
