#!/usr/bin/env python3
"""Benchmarks: the engine side by side with ``limits``, on memory://, Redis and a Redis Cluster.

    python benchmarks/run.py [--quick] [--json OUT] [--corpus [PATH]]

Starts its own redis-server (and a 3-master cluster) on free loopback ports,
stops them at the end (on error too), and prints one table measured in one
run on one machine:

* latency per decision, p50 and p99: the full default pipeline against one
  ``limits`` moving-window ``hit`` of 1000/day, on memory:// and on Redis, with
  senders that each have about 50 messages of history;
* what an allowed decision costs Redis: round trips, commands, CPU;
* Redis memory per active sender after 1,000 sends, next to ``limits``';
* throughput with 1, 2 and 4 client processes, on one Redis and on the cluster;
* the duplicates rule alone as the sender's trace grows (10, 50, 200 texts).

``--quick`` is the same with fewer senders and shorter runs (CI runs it and
checks only that it completes and writes valid JSON). Where the engine's
Redis driver is not in this checkout, its rows say so instead of a number.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import limits  # noqa: E402
import redis  # noqa: E402
from limits.storage import MemoryStorage as LimitsMemory  # noqa: E402
from limits.storage import storage_from_string  # noqa: E402
from limits.strategies import MovingWindowRateLimiter  # noqa: E402

from benchmarks import redisstats, sizes  # noqa: E402
from benchmarks.servers import (  # noqa: E402
    RedisServer,
    ServerUnavailable,
    redis_cluster,
    start_server,
)
from benchmarks.texts import TextSource  # noqa: E402
from benchmarks.workload import (  # noqa: E402
    LIMIT,
    Decide,
    Population,
    allowed,
    default_rules,
    duplicates_only_rules,
    engine_decide,
    engine_with_history,
    interleaved,
    limits_decide,
    make_population,
    make_requests,
    ratio,
    redis_driver_available,
    run_untimed,
)
from policy import Engine, SendRequest  # noqa: E402
from policy.checks import duplicates as duplicates_check  # noqa: E402
from policy.clock import VirtualClock  # noqa: E402
from policy.rules import Mode  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "sms_spam_collection.tsv"
NO_DRIVER = "driver not available"
T0 = 1_800_000_000.0  # start of the explicit clock used where a day must pass


@dataclass(frozen=True)
class Profile:
    senders: int  # latency: senders, each with `history` sends before timing
    history: int
    timed_per_sender: int
    cost_decisions: int  # decisions in the round-trip / CPU pass
    memory_senders: int  # senders that each send `memory_sends` over one day
    memory_sends: int
    throughput_seconds: float
    throughput_senders: int
    throughput_history: int
    throughput_timed_per_sender: int
    dup_senders: int
    dup_trace_sizes: tuple[int, ...]
    dup_timed_per_sender: int
    throughput_repeats: int = 1  # the best of these runs is kept (others share this machine)
    processes: tuple[int, ...] = (1, 2, 4)


FULL = Profile(
    senders=200, history=50, timed_per_sender=10, cost_decisions=1000,
    memory_senders=20, memory_sends=1000,
    throughput_seconds=3.0, throughput_senders=50, throughput_history=50,
    throughput_timed_per_sender=200,
    dup_senders=40, dup_trace_sizes=(10, 50, 200), dup_timed_per_sender=10,
    throughput_repeats=2,
)
QUICK = Profile(
    senders=40, history=50, timed_per_sender=5, cost_decisions=200,
    memory_senders=2, memory_sends=1000,
    throughput_seconds=0.3, throughput_senders=5, throughput_history=5,
    throughput_timed_per_sender=50,
    dup_senders=4, dup_trace_sizes=(10, 50, 200), dup_timed_per_sender=5,
)

TARGETS = {
    "redis_p50_ratio": 1.3,
    "redis_p99_ratio": 1.5,
    "memory_p50_ratio": 5.0,
    "round_trips_per_allowed_decision": 1.0,
    "quota_cooldown_bytes_per_sender": 1024,
    # the adaptive-spam issue: Redis memory per active sender at most 3 KB, everything
    # included (mean and fullest sender of the memory section's day of sends)
    "redis_bytes_per_sender": 3072,
    "redis_max_bytes_per_sender": 3072,
}


# -- machine -----------------------------------------------------------------


def machine(server: RedisServer | None) -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import hiredis  # noqa: F401

        parser = "hiredis"
    except ImportError:
        parser = "python"
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "redis_server": server.version() if server else None,
        "redis_py": redis.__version__,
        "redis_parser": parser,
        "limits": limits.__version__,
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
        "started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


# -- latency -------------------------------------------------------------------


def _limits_on(uri: str | None) -> Decide:
    return _limits_with_storage(uri)[0]


def _limits_with_storage(uri: str | None) -> tuple[Decide, Any]:
    storage = LimitsMemory() if uri is None else storage_from_string(uri)
    return limits_decide(MovingWindowRateLimiter(storage), limits.parse(LIMIT)), storage


def _settle_limits_memory(storage: Any) -> None:
    """Let limits' memory storage finish its background expiry pass (a timer thread that
    starts 10 ms after a hit and scans every key): its cost is real, but it belongs to no
    single hit, and left alone it would land inside the next contender's timings."""
    timer = getattr(storage, "timer", None)
    if timer is not None and timer.is_alive():
        timer.join(1.0)


def latency(
    prof: Profile, texts: TextSource, *, server: RedisServer | None, seed: int
) -> dict[str, Any]:
    """Engine (full default pipeline) and one limits hit, same requests, interleaved."""
    label = "redis" if server else "memory"
    pop = make_population(prof.senders, prefix=f"lat-{label}-", seed=seed)
    history = make_requests(pop, texts, prof.history, seed=seed)
    timed = make_requests(pop, texts, prof.timed_per_sender, seed=seed + 1)
    contenders: dict[str, Decide] = {}
    out: dict[str, Any] = {}
    engine: Engine | None = None
    if server is None or redis_driver_available():
        uri = server.url if server else "memory://"
        engine, share = engine_with_history(default_rules(), uri, pop.graph, history)
        contenders["engine"] = engine_decide(engine)
        out["engine"] = {"history_allowed_share": share}
    else:
        out["engine"] = {"status": NO_DRIVER}
    # limits cannot be given a clock: its history is played now (its cost does not depend on
    # when the entries were made, only on how many there are).
    extra: Engine | None = None
    if engine is not None:
        # The same pipeline with the duplicates rule off (quota, cooldown, apps and the
        # stateless checks): what the engine costs where it does what a rate limiter does.
        if server is not None:
            # The same senders on the same Redis, under a key prefix of its own: two engines
            # writing one sender's keys would make each other's state-cache copies stale at
            # every turn (docs/storage.md), which no deployment does.
            extra, _ = engine_with_history(_quota_only_rules(), server.url + "?key_prefix=dmpoff",
                                           pop.graph, history)
        else:
            extra, _ = engine_with_history(_quota_only_rules(), "memory://", pop.graph, history)
        contenders["engine_duplicates_off"] = engine_decide(extra)
        out["engine_duplicates_off"] = {}
    uncached: Engine | None = None
    if engine is not None and server is not None:
        # The engine without the state cache (every decision the Lua transition), its own keys
        uncached, _ = engine_with_history(
            default_rules(), server.url + "?key_prefix=dmpnocache&state_cache=0", pop.graph,
            history)
        contenders["engine_state_cache_off"] = engine_decide(uncached)
        out["engine_state_cache_off"] = {}
    contenders["limits"], lim_storage = _limits_with_storage(server.url if server else None)
    settle = {"limits": lambda: _settle_limits_memory(lim_storage)} if server is None else {}
    ok = run_untimed(contenders["limits"], history)
    out["limits"] = {"history_allowed_share": round(ok / len(history), 4)}
    calls = _time_redis_calls(engine) if server is not None and engine is not None else None
    for name, timings in interleaved(contenders, timed, settle=settle).items():
        out[name].update(timings.summary())
    if calls:
        # The engine's one round trip alone (the FCALL: its arguments packed, Redis running
        # it, the reply read), as the timed decisions made it: what no speed-up of the
        # Python around it removes.
        calls.sort()
        out["engine"]["redis_call_p50_us"] = round(calls[len(calls) // 2] / 1000, 1)
    cache = getattr(engine.storage, "_cache", None) if engine is not None else None
    if cache is not None:  # decisions served from the state cache's copies (docs/storage.md)
        out["engine"]["state_cache"] = {"hits": cache.hits, "misses": cache.misses}
    if "redis_call_p50_us" in out.get("engine", {}):
        out["redis_call_ratio_p50"] = ratio(out["engine"]["redis_call_p50_us"],
                                            out["limits"]["p50_us"])
    if "p50_us" in out.get("engine", {}):
        out["ratio_p50"] = ratio(out["engine"]["p50_us"], out["limits"]["p50_us"])
        out["ratio_p99"] = ratio(out["engine"]["p99_us"], out["limits"]["p99_us"])
        for key in ("engine_duplicates_off", "engine_state_cache_off"):
            if key in out:
                off = out[key]
                off["ratio_p50"] = ratio(off["p50_us"], out["limits"]["p50_us"])
                off["ratio_p99"] = ratio(off["p99_us"], out["limits"]["p99_us"])
        b = out["breakdown_p50_us"] = breakdown(timed, out["engine"]["p50_us"])
        # What no implementation of this pipeline in Python avoids: reading the text (the
        # duplicates rule needs its fingerprint) on top of what one limits hit costs.
        floor = round(out["limits"]["p50_us"] + b["normalize"] + b["signature"], 1)
        out["floor_p50_us"] = floor
        out["floor_ratio_p50"] = ratio(floor, out["limits"]["p50_us"])
    if server is not None:
        costed = dict(contenders)
        out["cost"] = redis_cost(prof, texts, pop, costed, server, seed=seed + 2)
    for other in (extra, uncached):
        if other is not None:
            other.close()
    if engine is not None:
        engine.close()
    return out


def _time_redis_calls(engine: Engine) -> list[int] | None:
    """Times every call the engine's Redis driver makes from now on (ns, appended to the
    list returned); None where the storage is not the Redis driver."""
    storage = engine.storage
    run = getattr(storage, "_run", None)
    if run is None:
        return None
    calls: list[int] = []

    def timed(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter_ns()
        try:
            return run(*args, **kwargs)
        finally:
            calls.append(time.perf_counter_ns() - t0)

    storage._run = timed  # type: ignore[attr-defined]
    return calls


def breakdown(requests: list[SendRequest], check_p50: float) -> dict[str, float]:
    """Where a memory:// decision's time goes: the text comparison form, the reading of
    its ways back (the links rules' input: a number, link or address, else a
    promotion's words, as ``policy/fingerprint.py`` reads them), and the rest."""
    from policy.fingerprint import signature_of_normalized
    from policy.normalize import normalize
    from policy.promotion import reads_as_promotion
    from policy.ways_back import read_contacts

    def read(text: str) -> bool:
        return read_contacts(text)[0] or reads_as_promotion(text)

    def p50(fn: Any, items: list[Any]) -> float:
        ns = []
        for item in items:
            t0 = time.perf_counter_ns()
            fn(item)
            ns.append(time.perf_counter_ns() - t0)
        ns.sort()
        return round(ns[len(ns) // 2] / 1000, 1)

    texts = [r.text for r in requests]
    norm = p50(normalize, texts)
    sig = p50(signature_of_normalized, [normalize(t) for t in texts])
    reading = p50(read, texts)
    return {"decision": check_p50, "normalize": norm, "signature": sig, "reading": reading,
            "everything_else": round(check_p50 - norm - sig - reading, 1)}


def redis_cost(
    prof: Profile,
    texts: TextSource,
    pop: Population,
    contenders: dict[str, Decide],
    server: RedisServer,
    *,
    seed: int,
) -> dict[str, Any]:
    """Round trips (client side) and commands and CPU (INFO commandstats) per decision."""
    per_sender = max(1, prof.cost_decisions // len(pop.senders))
    requests = make_requests(pop, texts, per_sender, seed=seed)
    warm_up = make_requests(pop, texts, 1, seed=seed + 1)[:5]
    client = server.client()
    out: dict[str, Any] = {}
    for name, decide in contenders.items():
        run_untimed(decide, warm_up)  # connections opened and scripts loaded before counting
        with redisstats.count_round_trips() as tally:
            before = redisstats.snapshot([client])
            tally.writes, tally.commands = 0, type(tally.commands)()
            allowed_trips = allowed_count = 0
            for request in requests:
                writes = tally.writes
                if allowed(decide(request)):
                    allowed_count += 1
                    allowed_trips += tally.writes - writes
            sent = redisstats.ClientTally(tally.writes, tally.commands.copy())
        after = redisstats.snapshot([client])
        cost = redisstats.cost_per_decision(before, after, sent, len(requests))
        cost["allowed_decisions"] = allowed_count
        cost["round_trips_per_allowed_decision"] = (
            round(allowed_trips / allowed_count, 3) if allowed_count else None
        )
        out[name] = cost
    if "engine" not in contenders:
        out["engine"] = {"status": NO_DRIVER}
    return out


# -- memory per sender -----------------------------------------------------------


SPAM = "Congratulations! You were picked for a free cruise, call 0800 555 0199 today to claim it"
SPAM_BURST = 5  # the default duplicates rule fires at the 5th recipient: a cooldown starts


def _day_of_sends(decide: Decide, pop: Population, texts: TextSource, clock: VirtualClock | None,
                  sends: int, seed: int) -> float:
    """Every sender sends ``sends`` messages spread over one day; returns the allowed share.

    The last ``SPAM_BURST`` of them are one text to as many strangers, so that every
    sender ends the day with a cooldown too (the state the 1 KB target covers).
    """
    requests = make_requests(pop, texts, sends - SPAM_BURST, seed=seed)
    for i in range(SPAM_BURST):
        for sender in pop.senders:
            # Followers the sender does not follow back (see make_population): no evidence.
            stranger = [r for k, r in enumerate(pop.followers[sender]) if k % 3][i]
            requests.append(SendRequest(sender, (stranger,), SPAM))
    step = 86400.0 / len(requests)
    ok = 0
    for request in requests:
        if clock is not None:
            clock.now += step
        ok += allowed(decide(request))
    return round(ok / len(requests), 4)


def _quota_only_rules() -> Any:
    from dataclasses import replace

    ruleset = default_rules()
    rules = tuple(
        replace(r, mode=Mode.OFF) if r.kind == "duplicates" else r for r in ruleset.rules
    )
    return replace(ruleset, rules=rules, version=ruleset.version + "+no-duplicates")


def _redis_engine_memory(server: RedisServer, rules: Any, pop: Population, texts: TextSource,
                         prof: Profile, seed: int) -> dict[str, Any]:
    client = server.client()
    client.flushall()
    clock = VirtualClock(T0)  # explicit only where a day of sends must pass in seconds
    engine = Engine(rules, storage=server.url, graph=pop.graph, clock=clock)
    share = _day_of_sends(engine_decide(engine), pop, texts, clock, prof.memory_sends, seed)
    engine.close()
    hasher = engine._keys  # the engine's secret: keys are keyed hashes
    totals: list[int] = []
    by_label: dict[str, list[int]] = {}
    encodings: dict[str, str] = {}
    for sender in pop.senders:
        hashed = hasher.user(sender)
        usage = redisstats.memory_of(client, redisstats.keys_of(client, hashed))
        totals.append(sum(usage.values()))
        for key, size in usage.items():
            label = key.decode("utf-8", "replace").replace(hashed, "<sender>")
            by_label.setdefault(label, []).append(size)
            if label not in encodings:
                encodings[label] = client.object("encoding", key).decode()
    n = len(pop.senders)
    by_key = {label: round(sum(v) / n) for label, v in sorted(by_label.items())}
    return {
        "allowed_share": share,
        "bytes_per_sender": round(sum(totals) / n),
        "max_bytes_per_sender": max(totals),
        "keys_per_sender": round(sum(len(v) for v in by_label.values()) / n, 2),
        "by_key": by_key,
        "encodings": encodings,
        # The driver's layout (policy/storage/redis/keys.py): <prefix>:{<sender>}:q quota, :c cooldown.
        "quota_cooldown_bytes_per_sender": sum(
            size for label, size in by_key.items() if label.endswith((":q", ":c"))
        ) if any(label.endswith(":q") for label in by_key) else None,
    }


def memory(prof: Profile, texts: TextSource, server: RedisServer | None,
           seed: int) -> dict[str, Any]:
    out: dict[str, Any] = {"sends_per_sender": prof.memory_sends, "senders": prof.memory_senders}
    # memory:// (Python objects): the engine's SenderState vs limits' list of entries.
    pop = make_population(prof.memory_senders, prefix="mem-py-", seed=seed)
    clock = VirtualClock(T0)  # explicit only where a day of sends must pass in seconds
    engine = Engine(default_rules(), storage="memory://", graph=pop.graph, clock=clock)
    share = _day_of_sends(engine_decide(engine), pop, texts, clock, prof.memory_sends, seed)
    hasher = engine._keys  # the engine's secret: keys are keyed hashes
    states = [engine.storage.state_of(hasher.user(s)) for s in pop.senders]  # type: ignore[attr-defined]
    out["memory_engine"] = {
        "allowed_share": share,
        "python_bytes_per_sender": round(
            sum(sizes.deep_size(s) for s in states) / len(states)
        ),
        "quota_buckets_per_sender": round(
            sum(len(b) for s in states for _, b in s.quota.values()) / len(states), 1
        ),
        "trace_texts_per_sender": round(
            sum(len(t) for s in states for t in s.traces.values()) / len(states), 1
        ),
    }
    lim_storage = LimitsMemory()
    lim = limits_decide(MovingWindowRateLimiter(lim_storage), limits.parse(LIMIT))
    share = _day_of_sends(lim, pop, texts, None, prof.memory_sends, seed)
    item = limits.parse(LIMIT)
    events = [lim_storage.events.get(item.key_for(s), []) for s in pop.senders]
    out["memory_limits"] = {
        "allowed_share": share,
        "python_bytes_per_sender": round(sum(sizes.deep_size(e) for e in events) / len(events)),
        "entries_per_sender": round(sum(len(e) for e in events) / len(events), 1),
    }
    if server is None:
        return out
    # Redis: MEMORY USAGE summed over each sender's keys.
    pop = make_population(prof.memory_senders, prefix="mem-redis-", seed=seed)
    if redis_driver_available():
        out["redis_engine"] = _redis_engine_memory(server, default_rules(), pop, texts, prof, seed)
        out["redis_engine_quota_cooldown"] = _redis_engine_memory(
            server, _quota_only_rules(), pop, texts, prof, seed
        )
    else:
        out["redis_engine"] = {"status": NO_DRIVER}
        out["redis_engine_quota_cooldown"] = {"status": NO_DRIVER}
    client = server.client()
    client.flushall()
    share = _day_of_sends(_limits_on(server.url), pop, texts, None, prof.memory_sends, seed)
    usage = [int(client.memory_usage(f"LIMITS:{item.key_for(s)}", samples=0) or 0)
             for s in pop.senders]
    out["redis_limits"] = {
        "allowed_share": share,
        "bytes_per_sender": round(sum(usage) / len(usage)),
        "entries_per_sender": round(
            sum(client.llen(f"LIMITS:{item.key_for(s)}") for s in pop.senders) / len(usage), 1
        ),
    }
    client.flushall()
    return out


# -- throughput ------------------------------------------------------------------


def throughput(prof: Profile, corpus: str | None, targets: dict[str, tuple[str, list[Any]]],
               seed: int) -> dict[str, Any]:
    """Decisions per second with 1, 2, 4 client processes, per target (name -> (uri, clients))."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from benchmarks.throughput import WorkerSpec, worker

    ctx = multiprocessing.get_context("spawn")
    out: dict[str, Any] = {"seconds": prof.throughput_seconds}
    kinds = ["engine", "limits"] if redis_driver_available() else ["limits"]
    with ctx.Manager() as manager, ProcessPoolExecutor(max(prof.processes), mp_context=ctx) as pool:
        for target, (uri, clients) in targets.items():
            rows: dict[str, Any] = {}
            for kind in kinds:
                row: dict[str, Any] = {}
                for processes in prof.processes:
                    best: dict[str, Any] | None = None
                    for repeat in range(prof.throughput_repeats):
                        point = _throughput_point(pool, manager, worker, WorkerSpec, prof, kind,
                                                  uri, clients, processes,
                                                  f"tp-{target}-{kind}-{processes}-{repeat}-",
                                                  corpus, seed)
                        if best is None or point["decisions_per_second"] > best["decisions_per_second"]:
                            best = point
                    row[str(processes)] = best
                rows[kind] = row
            if "engine" not in rows:
                rows["engine"] = {"status": NO_DRIVER}
            out[target] = rows
    return out


def _throughput_point(pool: Any, manager: Any, worker: Any, spec_type: Any, prof: Profile,
                      kind: str, uri: str, clients: list[Any], processes: int, prefix: str,
                      corpus: str | None, seed: int) -> dict[str, Any]:
    for client in clients:
        client.flushall()
    barrier = manager.Barrier(processes)
    specs = [
        spec_type(kind, uri, prof.throughput_seconds, prof.throughput_senders,
                  prof.throughput_history, prof.throughput_timed_per_sender,
                  f"{prefix}{i}-", seed + i, corpus, barrier)
        for i in range(processes)
    ]
    results = [f.result() for f in [pool.submit(worker, s) for s in specs]]
    done = sum(r["decisions"] for r in results)
    return {
        "decisions_per_second": round(sum(r["decisions"] / r["seconds"] for r in results)),
        "allowed_share": round(sum(r["allowed"] for r in results) / max(1, done), 4),
    }


# -- the duplicates rule as the trace grows -----------------------------------------


def duplicates(prof: Profile, texts: TextSource, server: RedisServer | None,
               seed: int) -> dict[str, Any]:
    """The duplicates rule alone (a rules file with only it), senders with 10, 50, 200 texts."""
    out: dict[str, Any] = {"max_texts": duplicates_only_rules().rules[0].params.max_texts}
    backends: list[tuple[str, str | None]] = [("memory", "memory://")]
    if server is not None:
        backends.append(("redis", server.url if redis_driver_available() else None))
    for backend, uri in backends:
        rows: dict[str, Any] = {}
        for size in prof.dup_trace_sizes:
            if uri is None:
                rows[str(size)] = {"status": NO_DRIVER}
                continue
            if server is not None:
                server.client().flushall()
            pop = make_population(prof.dup_senders, prefix=f"dup-{backend}-{size}-", seed=seed)
            engine, _ = engine_with_history(
                duplicates_only_rules(), uri, pop.graph, make_requests(pop, texts, size, seed=seed)
            )
            timed = make_requests(pop, texts, prof.dup_timed_per_sender, seed=seed + 1)
            row = interleaved({"engine": engine.check}, timed)["engine"].summary()
            if backend == "memory":
                hasher = engine._keys
                states = [engine.storage.state_of(hasher.user(s)) for s in pop.senders]  # type: ignore[attr-defined]
                row["trace_texts_per_sender"] = round(
                    sum(len(t) for s in states if s for t in s.traces.values()) / len(states), 1
                )
            engine.close()
            rows[str(size)] = row
        out[backend] = rows
    out["core_match"] = _core_match(prof, texts)
    out["campaign"] = _campaign(prof)
    return out


def _campaign(prof: Profile) -> dict[str, Any]:
    """A spam wave on memory://: each sender sends one long text to each of its followers
    (cooled down after the 5th that has no tie to it, and still read at every attempt);
    the engine with its text cache against the same engine reading every text afresh."""
    pop = make_population(prof.dup_senders, prefix="camp-", seed=11)
    requests = [
        SendRequest(sender, (follower,),
                    f"Congratulations {k}! You have won a cruise for two, call 0800 555 {k:03d}"
                    " today to claim your prize before midnight")
        for i in range(30) for k, sender in enumerate(pop.senders)
        for follower in pop.followers[sender][i : i + 1]
    ]
    rules = default_rules()
    engines = {"cache": Engine(rules, graph=pop.graph),
               "no_cache": Engine(rules, graph=pop.graph, text_cache_size=0)}
    timings = interleaved({name: e.check for name, e in engines.items()}, requests)
    out = {name: t.summary() for name, t in timings.items()}
    out["ratio_p50"] = ratio(out["cache"]["p50_us"], out["no_cache"]["p50_us"])
    for engine in engines.values():
        engine.close()
    return out


def _core_match(prof: Profile, texts: TextSource) -> dict[str, Any]:
    """The comparison itself (live clusters + best match), on traces of 10, 50, 200 texts."""
    from policy.fingerprint import signature
    from policy.state import Cluster

    params = duplicates_only_rules().rules[0].params
    rows: dict[str, Any] = {}
    probe = [signature(t) for t in texts.take(200)]
    for size in prof.dup_trace_sizes:
        sigs = [signature(t) for t in texts.take(size)]
        clusters: tuple[Cluster, ...] = ()
        for i, sig in enumerate(sigs):
            created = Cluster(sig, (f"u{i}",), T0 + i, i)
            clusters = (created, *clusters)[: params.max_texts]  # as record() keeps it
        now = T0 + size
        ns: list[int] = []
        for sig in probe:
            t0 = time.perf_counter_ns()
            live = duplicates_check.live_clusters(clusters, now, params)
            duplicates_check.neighbourhood(live, sig, params.similarity)
            ns.append(time.perf_counter_ns() - t0)
        ns.sort()
        rows[str(size)] = {"kept": len(clusters), "p50_us": round(ns[len(ns) // 2] / 1000, 1),
                           "p99_us": round(ns[int(len(ns) * 0.99)] / 1000, 1)}
    return rows


# -- targets and the table --------------------------------------------------------


def judge(results: dict[str, Any]) -> list[dict[str, Any]]:
    lat = results.get("latency", {})
    mem = results.get("memory", {})
    rows: list[dict[str, Any]] = []

    def add(name: str, value: Any, target: float, note: str = "") -> None:
        met = None if value is None else value <= target
        rows.append({"target": name, "value": value, "limit": target, "met": met,
                     **({"note": note} if note else {})})

    redis_lat = lat.get("redis", {})
    no_engine_redis = "" if redis_driver_available() else NO_DRIVER
    add("redis_p50_ratio", redis_lat.get("ratio_p50"), TARGETS["redis_p50_ratio"], no_engine_redis)
    add("redis_p99_ratio", redis_lat.get("ratio_p99"), TARGETS["redis_p99_ratio"], no_engine_redis)
    add("memory_p50_ratio", lat.get("memory", {}).get("ratio_p50"), TARGETS["memory_p50_ratio"])
    cost = redis_lat.get("cost", {}).get("engine", {})
    add("round_trips_per_allowed_decision", cost.get("round_trips_per_allowed_decision"),
        TARGETS["round_trips_per_allowed_decision"], no_engine_redis)
    qc = mem.get("redis_engine", {}).get("quota_cooldown_bytes_per_sender")
    if qc is None:  # keys not told apart: the run without the duplicates rule
        qc = mem.get("redis_engine_quota_cooldown", {}).get("bytes_per_sender")
    add("quota_cooldown_bytes_per_sender", qc, TARGETS["quota_cooldown_bytes_per_sender"],
        no_engine_redis)
    everything = mem.get("redis_engine", {})
    add("redis_bytes_per_sender", everything.get("bytes_per_sender"),
        TARGETS["redis_bytes_per_sender"], no_engine_redis)
    add("redis_max_bytes_per_sender", everything.get("max_bytes_per_sender"),
        TARGETS["redis_max_bytes_per_sender"], no_engine_redis)
    return rows


def _fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.1f}{unit}" if value >= 10 else f"{value:.2f}{unit}"
    if isinstance(value, int):
        return f"{value:,}{unit}"
    return str(value)


def _cell(row: dict[str, Any], key: str, unit: str = "") -> str:
    if "status" in row:
        return str(row["status"])
    return _fmt(row.get(key), unit)


def table(results: dict[str, Any]) -> str:
    lines: list[str] = []
    m = results["machine"]
    lines.append(f"machine: {m['nproc']} x {m['cpu_model']}, Python {m['python']}, "
                 f"Redis {m['redis_server'] or 'absent'}, limits {m['limits']}, "
                 f"redis-py {m['redis_py']} ({m['redis_parser']}), load {m['loadavg_at_start']}")
    lines.append(f"texts: {results['config']['texts']}; profile: {results['config']['profile']}")
    if results.get("latency"):
        lines.extend(_latency_lines(results))
    return _rest_of_table(results, lines)


def _latency_lines(results: dict[str, Any]) -> list[str]:
    lines = ["", "latency per decision (senders with ~50 messages of history)"]
    lines.append(f"  {'backend':<8} {'engine p50':>12} {'p99':>10} {'limits p50':>12} {'p99':>10}"
                 f" {'ratio p50':>10} {'p99':>6}")
    for backend, row in results.get("latency", {}).items():
        if "status" in row:
            lines.append(f"  {backend:<8} {row['status']}")
            continue
        e, lim = row.get("engine", {}), row.get("limits", {})
        if "status" in e:
            e = {"p50_us": "n/a", "p99_us": "(" + e["status"] + ")"}
        lines.append(f"  {backend:<8} {_cell(e, 'p50_us', ' us'):>12} {_cell(e, 'p99_us', ' us'):>10}"
                     f" {_cell(lim, 'p50_us', ' us'):>12} {_cell(lim, 'p99_us', ' us'):>10}"
                     f" {_fmt(row.get('ratio_p50'), 'x'):>10} {_fmt(row.get('ratio_p99'), 'x'):>6}")
        for key, label in (("engine_duplicates_off", "duplicates rule off:"),
                           ("engine_state_cache_off", "state cache off:")):
            off = row.get(key, {})
            if "p50_us" in off:
                lines.append(f"  {'':<8} {label:<21} {_cell(off, 'p50_us', ' us'):>12}"
                             f" {_cell(off, 'p99_us', ' us'):>10} {'':>23}"
                             f" {_fmt(off.get('ratio_p50'), 'x'):>10}"
                             f" {_fmt(off.get('ratio_p99'), 'x'):>6}")
        if "breakdown_p50_us" in row:
            b = row["breakdown_p50_us"]
            lines.append(f"  {'':<8} engine p50 = normalize {b['normalize']} us + signature "
                         f"{b['signature']} us + reading ways back {b['reading']} us + "
                         f"everything else {b['everything_else']} us")
            lines.append(f"  {'':<8} floor: one limits hit + normalize + signature = "
                         f"{row['floor_p50_us']} us = {_fmt(row['floor_ratio_p50'], 'x')} limits")
        if "redis_call_p50_us" in row.get("engine", {}):
            lines.append(f"  {'':<8} the engine's Redis call alone (FCALL, arguments and reply): "
                         f"p50 {row['engine']['redis_call_p50_us']} us = "
                         f"{_fmt(row.get('redis_call_ratio_p50'), 'x')} limits")
        sc = row.get("engine", {}).get("state_cache")
        if sc:
            lines.append(f"  {'':<8} state cache: {sc['hits']} decisions from a copy, "
                         f"{sc['misses']} by the Lua transition")
    return lines


def _rest_of_table(results: dict[str, Any], lines: list[str]) -> str:
    cost = results.get("latency", {}).get("redis", {}).get("cost")
    if cost:
        lines.append("")
        lines.append("Redis cost per decision (client round trips; INFO commandstats)")
        for name in ("engine", "engine_state_cache_off", "engine_duplicates_off", "limits"):
            if name not in cost:
                continue
            c = cost[name]
            if "status" in c:
                lines.append(f"  {name:<22} {c['status']}")
                continue
            lines.append(
                f"  {name:<22} round trips {_fmt(c.get('round_trips_per_decision'))}"
                f" (allowed: {_fmt(c.get('round_trips_per_allowed_decision'))}),"
                f" sent {c.get('commands_sent_per_decision')},"
                f" commandstats usec {_fmt(c.get('redis_usec_per_decision'))},"
                f" main-thread CPU {_fmt(c.get('redis_main_thread_cpu_us_per_decision'))} us"
            )
    mem = results.get("memory", {})
    if mem:
        lines.append("")
        lines.append(f"memory per active sender after {mem['sends_per_sender']:,} sends over a day")
        for key, title in (("redis_engine", "Redis, engine (all state)"),
                           ("redis_engine_quota_cooldown", "Redis, engine (duplicates rule off)"),
                           ("redis_limits", "Redis, limits moving window")):
            if key in mem:
                lines.append(f"  {title:<38} {_cell(mem[key], 'bytes_per_sender', ' B')}")
        lines.append(f"  {'memory://, engine (Python objects)':<38} "
                     f"{_cell(mem['memory_engine'], 'python_bytes_per_sender', ' B')}")
        lines.append(f"  {'memory://, limits (Python objects)':<38} "
                     f"{_cell(mem['memory_limits'], 'python_bytes_per_sender', ' B')}")
    tp = results.get("throughput", {})
    if tp and "status" in tp:
        lines.extend(["", f"throughput: {tp['status']}"])
    elif tp:
        lines.append("")
        lines.append(f"throughput, decisions/s ({tp.get('seconds')} s per point)")
        for target in ("redis", "cluster"):
            rows = tp.get(target)
            if not rows:
                continue
            if "status" in rows:
                lines.append(f"  {target:<8} {rows['status']}")
                continue
            for kind in ("engine", "limits"):
                row = rows.get(kind, {})
                if "status" in row:
                    lines.append(f"  {target:<8} {kind:<7} {row['status']}")
                    continue
                cells = "  ".join(f"{p} proc: {_fmt(v['decisions_per_second']):>7}"
                                  for p, v in row.items())
                lines.append(f"  {target:<8} {kind:<7} {cells}")
    dup = results.get("duplicates", {})
    if dup:
        lines.append("")
        lines.append(f"duplicates rule alone as the trace grows (kept at most {dup['max_texts']} texts)")
        for backend in ("memory", "redis"):
            rows = dup.get(backend)
            if rows is None:
                continue
            statuses = {v.get("status") for v in rows.values()}
            if statuses and None not in statuses:
                lines.append(f"  {backend:<8} {', '.join(sorted(statuses))}")  # type: ignore[arg-type]
                continue
            cells = "  ".join(f"{size} texts: {_cell(v, 'p50_us', ' us')} / {_cell(v, 'p99_us', ' us')}"
                              for size, v in rows.items())
            lines.append(f"  {backend:<8} p50/p99  {cells}")
        cells = "  ".join(f"{size} texts: {v['p50_us']} us (kept {v['kept']})"
                          for size, v in dup["core_match"].items())
        lines.append(f"  {'match':<8} p50      {cells}")
        camp = dup.get("campaign")
        if camp:
            lines.append(f"  a campaign (one text to every follower, retried), memory://: p50 "
                         f"{_cell(camp['cache'], 'p50_us', ' us')} with the text cache, "
                         f"{_cell(camp['no_cache'], 'p50_us', ' us')} reading every text "
                         f"({_fmt(camp['ratio_p50'], 'x')})")
    lines.append("")
    lines.append("targets")
    for row in results.get("targets", []):
        verdict = {True: "met", False: "MISSED", None: "not measured"}[row["met"]]
        note = f" ({row['note']})" if row.get("note") else ""
        lines.append(f"  {row['target']:<34} {_fmt(row['value']):>8}  limit {row['limit']:<6} "
                     f"{verdict}{note}")
    return "\n".join(lines)


# -- main ------------------------------------------------------------------------------


def _stop_on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer senders, shorter runs (CI)")
    parser.add_argument("--json", metavar="OUT", type=Path, help="write the results as JSON")
    parser.add_argument("--corpus", nargs="?", const=str(DEFAULT_CORPUS), default=None,
                        metavar="PATH", help="take texts from the SMS Spam Collection's ham "
                        "messages (default path ../shared/data/...); synthetic texts if absent")
    parser.add_argument("--sections", default="latency,memory,throughput,duplicates",
                        help="comma-separated subset to run")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    sections = set(args.sections.split(","))
    prof = QUICK if args.quick else FULL
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    texts = TextSource(Path(args.corpus) if args.corpus else None, seed=args.seed)
    if args.corpus and texts.origin == "synthetic":
        print(f"corpus not found at {args.corpus}: using synthetic texts", file=sys.stderr)
    results: dict[str, Any] = {}
    started = time.monotonic()
    with ExitStack() as stack:
        server: RedisServer | None = None
        redis_note = ""
        try:
            server = start_server()
            stack.callback(server.stop)
            print(f"redis-server started on 127.0.0.1:{server.port}", file=sys.stderr, flush=True)
        except ServerUnavailable as exc:
            redis_note = f"redis-server not available: {exc}"
            print(redis_note, file=sys.stderr)
        results["machine"] = machine(server)
        results["servers"] = {"redis": server.port if server else None}
        results["config"] = {
            "profile": "quick" if args.quick else "full", "texts": texts.origin,
            "limit": LIMIT, "rules": "rules/default.toml", "seed": args.seed,
            "engine_redis_driver": redis_driver_available(),
            **{k: v for k, v in prof.__dict__.items()},
        }
        seconds: dict[str, float] = {}
        lap = time.monotonic()
        if "latency" in sections:
            results["latency"] = {"memory": latency(prof, texts, server=None, seed=args.seed)}
            results["latency"]["redis"] = (
                latency(prof, texts, server=server, seed=args.seed + 10)
                if server else {"status": redis_note}
            )
            results["redis_cost"] = results["latency"]["redis"].get("cost", {"status": redis_note})
            seconds["latency"], lap = round(time.monotonic() - lap, 1), time.monotonic()
        if "memory" in sections:
            results["memory"] = memory(prof, texts, server, seed=args.seed + 20)
            seconds["memory"], lap = round(time.monotonic() - lap, 1), time.monotonic()
        if "throughput" in sections:
            if server is None:
                results["throughput"] = {"status": redis_note}
            else:
                targets: dict[str, tuple[str, list[Any]]] = {
                    "redis": (server.url, [server.client()])
                }
                try:
                    cluster = stack.enter_context(redis_cluster())
                    targets["cluster"] = (cluster.url, cluster.clients())
                    results["servers"]["cluster"] = [n.port for n in cluster.nodes]
                    ports = " ".join(f"127.0.0.1:{n.port}" for n in cluster.nodes)
                    print(f"redis cluster started on {ports}", file=sys.stderr, flush=True)
                except ServerUnavailable as exc:
                    print(f"cluster not available: {exc}", file=sys.stderr)
                results["throughput"] = throughput(prof, args.corpus if texts.origin != "synthetic"
                                                   else None, targets, seed=args.seed + 30)
                if "cluster" not in targets:
                    results["throughput"]["cluster"] = {"status": "cluster not available"}
            seconds["throughput"], lap = round(time.monotonic() - lap, 1), time.monotonic()
        if "duplicates" in sections:
            results["duplicates"] = duplicates(prof, texts, server, seed=args.seed + 40)
            seconds["duplicates"] = round(time.monotonic() - lap, 1)
        results["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["targets"] = judge(results)
    results["elapsed_seconds"] = round(time.monotonic() - started, 1)
    results["section_seconds"] = seconds
    print(table(results))
    print(f"\n(elapsed {results['elapsed_seconds']} s: {seconds}; "
          f"load average at the end {results['machine']['loadavg_at_end']})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, sort_keys=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
