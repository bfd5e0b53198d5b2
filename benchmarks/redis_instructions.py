"""Redis CPU per decision as instructions, not seconds: redis-server under callgrind.

    python -m benchmarks.redis_instructions [--json OUT]

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
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
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


def _instructions(workload: str, decisions: int) -> int:
    """Instructions redis-server executed, start to shutdown, around ``decisions`` calls."""
    port = free_port()
    out = Path(tempfile.mkdtemp()) / "callgrind.out"
    server = subprocess.Popen(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
         "redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 60
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                server.kill()
                raise RuntimeError("redis-server under valgrind did not start") from None
            time.sleep(0.2)
    try:
        (_engine if workload == "engine" else _limits)(port, decisions)
    finally:
        try:
            client.shutdown(nosave=True)
        except redis.ConnectionError:
            pass
        server.wait(timeout=120)
    for line in out.read_text().splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError("no totals in the callgrind output")


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
            engine.check(SendRequest(f"s{s}", (f"f{s}-{rng.randrange(FRIENDS)}",),
                                     " ".join(rng.sample(WORDS, 9))))
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


def per_call(workload: str, short: int, long: int) -> float:
    return (_instructions(workload, long) - _instructions(workload, short)) / (long - short)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", type=int, default=100)
    parser.add_argument("--long", type=int, default=400)
    parser.add_argument("--json", type=Path, metavar="OUT")
    args = parser.parse_args(argv)
    if not (shutil.which("valgrind") and shutil.which("redis-server")):
        print("skipped: valgrind and redis-server are needed")
        return 0
    result: dict[str, Any] = {
        name: per_call(name, args.short, args.long) for name in ("engine", "limits")}
    result["ratio"] = result["engine"] / result["limits"]
    print("redis-server instructions per call (callgrind; difference of a "
          f"{args.long}- and a {args.short}-call run)")
    print(f"  engine, rules/default.toml  {result['engine']:>12,.0f}")
    print(f"  limits moving-window hit    {result['limits']:>12,.0f}")
    print(f"  ratio                       {result['ratio']:>12.2f}x")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
