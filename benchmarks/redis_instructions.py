"""Redis CPU per decision as instructions, not seconds: redis-server under callgrind.

    python -m benchmarks.redis_instructions [--sections] [--json OUT]

On a shared machine the Redis CPU that ``INFO commandstats`` reports moves with the
load (the script's wall time inside the server); instructions do not. This starts
redis-server under ``valgrind --tool=callgrind`` on a free loopback port, runs a
workload twice (a short and a long one, each on a fresh server) and reports the
difference divided by the difference in decisions, so start-up and connection costs
cancel out: the engine on the default rules (every text new, senders with a day of
history on their quota and a full trace), then one ``limits`` moving-window hit, side
by side. Needs valgrind and redis-server (skips, saying so, otherwise).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import redis

from benchmarks.servers import free_port
from policy import Engine, MemoryGraph, SendRequest
from policy.rules import load_rules

WORDS = ("apple bread chair delta eagle flute grape house igloo jelly kite lemon melon "
         "noodle olive pepper quince radish salad tomato umbrella violet walnut yogurt "
         "zebra anchor bottle candle dragon engine forest garden harbor island jungle").split()
SENDERS = 10
FRIENDS = 12  # followed back: no strangers rule refuses them


@contextlib.contextmanager
def _callgrind_server() -> Iterator[tuple[redis.Redis, subprocess.Popen[bytes], Path]]:
    """redis-server under callgrind on a free loopback port: (client, process, the
    callgrind output's path); shut down (and its totals written) on exit."""
    port = free_port()
    out = Path(tempfile.mkdtemp()) / "callgrind.out"
    server = subprocess.Popen(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
         "redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    _wait(client, server)
    try:
        yield client, server, out
    finally:
        try:
            client.shutdown(nosave=True)
        except redis.ConnectionError:
            pass
        server.wait(timeout=120)


def _instructions(workload: str, decisions: int) -> int:
    """Instructions redis-server executed, start to shutdown, around ``decisions`` calls."""
    with _callgrind_server() as (client, _, out):
        port = client.connection_pool.connection_kwargs["port"]
        (_engine if workload == "engine" else _limits)(port, decisions)
    return _totals(out)


def _engine(port: int, decisions: int) -> None:
    graph = MemoryGraph()
    rng = random.Random(7)
    for s in range(SENDERS):
        for f in range(FRIENDS):
            graph.follow(f"f{s}-{f}", f"s{s}")
            graph.follow(f"s{s}", f"f{s}-{f}")
    os.environ.setdefault("DM_POLICY_KEY_SECRET", "instructions-benchmark-secret-0123456789")
    engine = Engine(load_rules("rules/default.toml"), storage=f"redis://127.0.0.1:{port}/0",
                    graph=graph)
    try:
        # History: every sender's trace full of distinct texts (not counted: both runs do it)
        for i in range(SENDERS * 20):
            s = i % SENDERS
            engine.check(SendRequest(f"s{s}", (f"f{s}-{i % FRIENDS}",),
                                     " ".join(rng.sample(WORDS, 9))))
        for i in range(decisions):
            s = i % SENDERS
            decision = engine.check(SendRequest(f"s{s}", (f"f{s}-{rng.randrange(FRIENDS)}",),
                                                " ".join(rng.sample(WORDS, 9))))
            if decision.degraded is not None:  # a failing script would count few instructions
                raise RuntimeError(f"a decision was degraded: {decision.degraded}")
    finally:
        engine.close()


def _limits(port: int, decisions: int) -> None:
    from limits import parse
    from limits.storage import RedisStorage
    from limits.strategies import MovingWindowRateLimiter

    limiter = MovingWindowRateLimiter(RedisStorage(f"redis://127.0.0.1:{port}/0"))
    limit = parse("1000/day")
    for i in range(SENDERS * 20):
        limiter.hit(limit, f"s{i % SENDERS}")
    for i in range(decisions):
        limiter.hit(limit, f"s{i % SENDERS}")


def sections(decisions: int = 50) -> dict[str, float]:
    """Instructions per call of the transition script cut short at each of its section
    headers (``benchmarks.script_sections``): one redis-server under callgrind, its
    counters zeroed before and dumped after each variant's calls. Deterministic where
    ``script_sections`` (``INFO commandstats``) moves with the machine's load; the Lua
    garbage collector runs when allocations add up, so a row may carry some of the
    previous row's collection (a few thousand instructions)."""
    from benchmarks.script_sections import cut_scripts
    from benchmarks.texts import TextSource
    from benchmarks.workload import (
        default_rules,
        engine_with_history,
        make_population,
        make_requests,
    )
    from policy.storage.redis.script import assemble_script

    rows: dict[str, float] = {}
    with _callgrind_server() as (client, server, out):
        port = client.connection_pool.connection_kwargs["port"]
        os.environ.setdefault("DM_POLICY_KEY_SECRET", "instructions-benchmark-secret-0123456789")
        texts = TextSource(None, seed=1)
        pop = make_population(10, prefix="sect-", seed=3)
        engine, _ = engine_with_history(default_rules(), f"redis://127.0.0.1:{port}/0",
                                        pop.graph, make_requests(pop, texts, 50, seed=3))
        storage: Any = engine.storage
        prepared = [engine._prepare(r)
                    for r in make_requests(pop, texts, max(1, decisions // 10), seed=9)]
        calls = [(storage.keys.sender(p.sender_key).state, storage._args(p.inp, None))
                 for p in prepared if p.inp is not None]
        body = assemble_script(prepared[0].inp.rules).decode()
        runs: list[tuple[str, Any]] = []
        for label, cut in cut_scripts(body):
            sha = client.script_load(cut)
            runs.append((f"EVALSHA, {label}", lambda sha=sha: [
                client.evalsha(sha, len(keys), *keys, *args) for keys, args in calls]))
        # The function library (what the driver runs): the same cuts inside `run`.
        library = assemble_script(prepared[0].inp.rules, library=True).decode()
        for n, (label, cut) in enumerate(_library_cuts(library)):
            name = f"dmpolicy_cut{n}"
            client.function_load(f"#!lua name={name}\n" + cut.replace("@FUNCTION@", name),
                                 replace=True)
            runs.append((f"FCALL, {label}", lambda name=name: [
                client.fcall(name, len(keys), *keys, *args) for keys, args in calls]))
        engine.close()
        for dumps, (label, run) in enumerate(runs, start=1):
            subprocess.run(["callgrind_control", "-z", str(server.pid)], capture_output=True,
                           check=False, timeout=60)
            run()
            subprocess.run(["callgrind_control", "-d", str(server.pid)], capture_output=True,
                           check=False, timeout=60)
            rows[label] = _totals(Path(f"{out}.{dumps}")) / len(calls)
    return rows


def _library_cuts(library: str) -> list[tuple[str, str]]:
    """(label, library) for the function returning at each section header of ``run``
    (its definitions were loaded once: no row for them)."""
    from benchmarks.script_sections import SECTIONS

    lines = library.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("local function run("))
    out = [("empty function", library.replace(
        "  return run(0)\n", "  return 0\n"))]
    for i in range(start, len(lines)):
        header = next((s for s in ("Inputs", *SECTIONS[1:])
                       if re.match(rf"-- {re.escape(s)}\b", lines[i])), None)
        if header is not None:
            out.append((f"up to '-- {header}'",
                        "\n".join([*lines[:i], "do return 0 end", *lines[i:]])))
    out.append(("whole function", library))
    return out


def _wait(client: Any, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            client.ping()
            return
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                server.kill()
                raise RuntimeError("redis-server under valgrind did not start") from None
            time.sleep(0.2)


def _totals(path: Path) -> int:
    for _ in range(100):  # callgrind_control returns before the dump is complete
        if path.exists():
            for line in path.read_text().splitlines():
                if line.startswith(("summary:", "totals:")):
                    return int(line.split()[1])
        time.sleep(0.1)
    raise RuntimeError(f"no totals in {path}")


def per_call(workload: str, short: int, long: int) -> float:
    return (_instructions(workload, long) - _instructions(workload, short)) / (long - short)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", type=int, default=100)
    parser.add_argument("--long", type=int, default=400)
    parser.add_argument("--json", type=Path, metavar="OUT")
    parser.add_argument("--sections", action="store_true",
                        help="also the transition script's sections, instructions per call")
    args = parser.parse_args(argv)
    if not (shutil.which("valgrind") and shutil.which("redis-server")):
        print("skipped: valgrind and redis-server are needed")
        return 0
    if args.sections:
        rows = sections()
        print("transition script cut short at each section (instructions per call, callgrind)")
        previous = None
        for label, value in rows.items():
            first = previous is None or label.split(",")[0] != previous[0]
            step = "" if first else f"  ({value - previous[1]:+,.0f})"
            print(f"  {label:<40} {value:>12,.0f}{step}")
            previous = (label.split(",")[0], value)
    result: dict[str, Any] = {
        name: per_call(name, args.short, args.long) for name in ("engine", "limits")}
    result["ratio"] = result["engine"] / result["limits"]
    print("redis-server instructions per call (callgrind; difference of a "
          f"{args.long}- and a {args.short}-call run)")
    print(f"  engine, rules/default.toml  {result['engine']:>12,.0f}")
    print(f"  limits moving-window hit    {result['limits']:>12,.0f}")
    print(f"  ratio                       {result['ratio']:>12.2f}x")
    if args.sections:
        result["sections"] = rows
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
