"""What the benchmarks send, and how they time it.

A population is a set of senders, each with about 30 followers (a
``MemoryGraph`` in which the recipients follow the sender; the sender follows a
third of them back). Requests are mostly one-to-one messages, a few new groups
of three, with varied texts. The engine and the ``limits`` baseline are both
wrapped as a ``decide(request)`` callable so that both see the same requests,
in interleaved blocks, timed the same way.
"""

from __future__ import annotations

import gc
import importlib.util
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.texts import TextSource
from policy import Engine, MemoryGraph, SendRequest
from policy.rules import RuleSet, load_rules, parse_rules

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RULES = ROOT / "rules" / "default.toml"
LIMIT = "1000/day"  # the baseline: one limits moving-window hit of the default quota

DUPLICATES_ONLY = """
version = "bench-duplicates-only"
[[rules]]
name = "duplicates"
check = "duplicates"
"""

Decide = Callable[[SendRequest], Any]


def redis_driver_available() -> bool:
    """Whether this checkout has the engine's Redis driver (``policy/storage/redis/``)."""
    return importlib.util.find_spec("policy.storage.redis") is not None


def default_rules() -> RuleSet:
    return load_rules(DEFAULT_RULES)


def duplicates_only_rules() -> RuleSet:
    return parse_rules(DUPLICATES_ONLY, file="<bench>")


@dataclass
class Population:
    senders: list[str]
    followers: dict[str, list[str]]
    graph: MemoryGraph = field(default_factory=MemoryGraph)


def make_population(count: int, *, prefix: str, seed: int, followers: int = 30) -> Population:
    rng = random.Random(seed)
    pool = [f"{prefix}r{i}" for i in range(max(followers * 2, count * 5))]
    pop = Population([f"{prefix}s{i}" for i in range(count)], {})
    for sender in pop.senders:
        chosen = rng.sample(pool, followers)
        pop.followers[sender] = chosen
        for i, recipient in enumerate(chosen):
            pop.graph.follow(recipient, sender)
            if i % 3 == 0:
                pop.graph.follow(sender, recipient)
    return pop


def make_requests(
    pop: Population, texts: TextSource, per_sender: int, *, seed: int, group_share: float = 0.05
) -> list[SendRequest]:
    """``per_sender`` requests for every sender, round robin (each trace grows evenly)."""
    rng = random.Random(seed)
    out: list[SendRequest] = []
    for _ in range(per_sender):
        for sender in pop.senders:
            size = 3 if rng.random() < group_share else 1
            recipients = tuple(rng.sample(pop.followers[sender], size))
            out.append(SendRequest(sender, recipients, texts.next()))
    return out


HISTORY_SPAN = 6 * 3600.0  # the duplicates window: a history this recent is all still live


class SteppingClock:
    """Reads ``start``, then ``step`` seconds later at each call: history played into the past."""

    def __init__(self, start: float, step: float) -> None:
        self.now = start - step
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def engine_with_history(
    rules: RuleSet, storage: Any, graph: Any, history: list[SendRequest],
    *, span: float = HISTORY_SPAN,
) -> tuple[Engine, float]:
    """An engine on the storage's own clock, over a store already holding ``history``.

    The history is played by a second engine whose explicit clock spreads it
    over the ``span`` seconds before now (so a sender has a realistic spread of
    quota buckets and a full, live trace), on the same store: one shared
    memory:// instance, or the same Redis. The engine returned is configured as
    in production (no clock: Redis ``TIME`` or the process clock). Returns the
    engine and the share of the history that was allowed.
    """
    if isinstance(storage, str) and storage.startswith("memory"):
        from policy.storage import MemoryStorage

        storage = MemoryStorage()
    step = span / max(1, len(history))
    clock = SteppingClock(time.time() - span, step)
    player = Engine(rules, storage=storage, graph=graph, clock=clock)
    ok = run_untimed(player.check, history)
    if isinstance(storage, str):
        player.close()  # its own connections; a shared memory:// store must stay open
    # No text cache: every timed text is read afresh (the synthetic texts repeat a third of
    # the time, which would flatter the engine); the campaign section measures the cache.
    engine = Engine(rules, storage=storage, graph=graph, text_cache_size=0)
    return engine, round(ok / max(1, len(history)), 4)


def engine_decide(engine: Engine) -> Decide:
    return engine.check


def limits_decide(limiter: Any, item: Any) -> Decide:
    hit = limiter.hit

    def decide(request: SendRequest) -> bool:
        return bool(hit(item, request.sender))

    return decide


def allowed(result: Any) -> bool:
    return bool(getattr(result, "allowed", result))


def run_untimed(decide: Decide, requests: Iterable[SendRequest]) -> int:
    """Play requests (history, warm-up); returns how many were allowed."""
    return sum(1 for r in requests if allowed(decide(r)))


@dataclass
class Timings:
    ns: list[int] = field(default_factory=list)
    allowed: int = 0

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.ns)
        n = len(ordered)
        if n == 0:
            return {"n": 0}

        def pct(p: float) -> float:
            return ordered[min(n - 1, int(p * n))] / 1000.0

        return {
            "n": n,
            "p50_us": round(pct(0.50), 1),
            "p99_us": round(pct(0.99), 1),
            "mean_us": round(sum(ordered) / n / 1000.0, 1),
            "allowed_share": round(self.allowed / n, 4),
        }


def interleaved(
    contenders: dict[str, Decide],
    requests: list[SendRequest],
    *,
    block: int = 50,
    settle: dict[str, Callable[[], None]] | None = None,
) -> dict[str, Timings]:
    """Time each decision; the contenders take turns by blocks, so drift hits them alike.

    ``settle[name]`` runs, untimed, after each of that contender's blocks.
    """
    out = {name: Timings() for name in contenders}
    clock = time.perf_counter_ns
    gc.collect()
    for start in range(0, len(requests), block):
        chunk = requests[start : start + block]
        for name, decide in contenders.items():
            timings = out[name]
            for request in chunk:
                t0 = clock()
                result = decide(request)
                timings.ns.append(clock() - t0)
                if allowed(result):
                    timings.allowed += 1
            if settle and name in settle:
                settle[name]()
    return out


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return round(a / b, 2)
