"""Where the Redis transition script spends its time: the script cut short, section by section.

    python -m benchmarks.script_sections [--rounds 5] [--quick] [--json OUT]

Starts its own redis-server on a free loopback port, gives senders 50 messages of
history (a live trace of 32 texts, 24 quota buckets), then runs the same decisions
through copies of the assembled script (``policy/storage/redis/transition.lua`` with the
kinds' sections) that return at each of its section headers (``-- The checks``
(the kinds' functions defined), ``-- State``, ``-- core.transition``, ``--
Commit``, ``-- Result``) and through the whole script, taking turns in each round.
Each row is the Redis CPU per call from ``INFO commandstats`` (best of ``--rounds``),
so the difference between two rows is what that section costs. The cuts before ``-- Commit`` write nothing, so
every round sees the same state.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.servers import start_server
from benchmarks.texts import TextSource
from benchmarks.workload import (
    default_rules,
    engine_with_history,
    make_population,
    make_requests,
)
from policy.storage.redis.script import assemble_script

SECTIONS = ("The checks", "State", "core.transition", "Commit", "Result")
_HEADER = re.compile(r"^-- (" + "|".join(re.escape(s) for s in SECTIONS) + r")\b")


def cut_scripts(body: str) -> list[tuple[str, str]]:
    """(label, script body) for the script returning just before each section header."""
    lines = body.split("\n")
    out = [("empty script", "return 0")]
    for i, line in enumerate(lines):
        match = _HEADER.match(line)
        if match:
            cut = "\n".join([*lines[:i], "do return 0 end", *lines[i:]])
            out.append((f"up to '-- {match.group(1)}'", cut))
    out.append(("whole script", body))
    return out


def measure(senders: int, history: int, rounds: int) -> dict[str, Any]:
    server = start_server()
    try:
        texts = TextSource(None, seed=1)
        pop = make_population(senders, prefix="sect-", seed=3)
        engine, _ = engine_with_history(
            default_rules(), server.url, pop.graph, make_requests(pop, texts, history, seed=3)
        )
        storage: Any = engine.storage
        prepared = [engine._prepare(r) for r in make_requests(pop, texts, 2, seed=9)]
        calls = [(storage.keys.sender(p.sender_key).state, storage._args(p.inp, None))
                 for p in prepared if p.inp is not None]
        client = server.client()
        shas = {label: client.script_load(body)
                for label, body in cut_scripts(assemble_script(prepared[0].inp.rules).decode())}
        best: dict[str, float] = {}
        # The variants take turns within each round, so that drift hits them alike.
        for _ in range(rounds):
            for label, sha in shas.items():
                client.config_resetstat()
                for keys, args in calls:
                    client.evalsha(sha, len(keys), *keys, *args)
                stats = client.info("commandstats")["cmdstat_evalsha"]
                per_call = stats["usec"] / stats["calls"]
                best[label] = min(best.get(label, per_call), per_call)
        rows = {label: round(usec, 1) for label, usec in best.items()}
        engine.close()
        return {"senders": senders, "history_per_sender": history, "rounds": rounds,
                "decisions_per_round": len(calls), "redis_usec_per_call": rows}
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="10 senders, 2 rounds")
    parser.add_argument("--json", type=Path, metavar="OUT")
    args = parser.parse_args(argv)
    senders, rounds = (10, 2) if args.quick else (100, max(1, args.rounds))
    result = measure(senders, 50, rounds)
    print(f"Redis CPU per call (INFO commandstats, best of {rounds} rounds of "
          f"{result['decisions_per_round']} decisions)")
    previous = None
    for label, usec in result["redis_usec_per_call"].items():
        step = "" if previous is None else f"  ({usec - previous:+.1f})"
        print(f"  {label:<28} {usec:8.1f} us{step}")
        previous = usec
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
