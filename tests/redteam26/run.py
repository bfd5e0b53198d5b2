"""Round 26: blind campaigns and ordinary users against the default rules.

    python -m tests.redteam26.run --seed 1 --spammers 20 [--ham 1000] [--tactics a,b] [--examples]
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from collections import Counter
from pathlib import Path

from policy import Engine, MemoryGraph
from policy.rules import load_rules
from tests.redteam26.campaigns import TACTICS
from tests.redteam26.ham import HamResult, run_ham_user
from tests.redteam26.harness import DAY, SenderResult, run_sender

RULES = Path(__file__).resolve().parents[2] / "rules" / "default.toml"


def measure(seed: int, spammers: int, ham_users: int, tactics: list[str]
            ) -> tuple[dict[str, list[SenderResult]], list[HamResult]]:
    """Every tactic's spam senders, then the ordinary users, each in a day of its own on one
    engine (memory://, the default rules)."""
    graph = MemoryGraph()
    now = [1_900_000_000.0]
    engine = Engine(load_rules(RULES), storage="memory://", graph=graph, clock=lambda: now[0])
    slot = [now[0]]

    def next_slot() -> float:
        slot[0] += DAY + 3600
        return slot[0]

    results: dict[str, list[SenderResult]] = {}
    for name in tactics:
        cls = TACTICS[name]
        results[name] = [
            run_sender(engine, graph, now, cls(random.Random(f"r26:{seed}:{name}:{i}"), f"s{seed}.{name}.{i}"),
                       next_slot())
            for i in range(spammers)]
    hams = [run_ham_user(engine, graph, now, random.Random(f"r26:{seed}:ham:{i}"), f"h{seed}.{i}", next_slot())
            for i in range(ham_users)]
    engine.close()
    return results, hams


def table(measured: dict[str, list[SenderResult]]) -> list[str]:
    out = ["| tactic | contained | strangers reached a day (mean / max) | got a way back (mean) | first refusing rules |",
           "|---|---:|---:|---:|---|"]
    for name, results in measured.items():
        cont = sum(r.contained for r in results)
        reached = [r.reached for r in results]
        rules_c = Counter(r.first_rules[0] if r.first_rules else "(none)" for r in results)
        out.append(f"| {name} | {100 * cont / len(results):.0f}% | {statistics.mean(reached):.1f} / {max(reached)} | "
                   f"{statistics.mean(r.armed for r in results):.1f} | "
                   + ", ".join(f"{k} {v}" for k, v in rules_c.most_common()) + " |")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--spammers", type=int, default=20)
    ap.add_argument("--ham", type=int, default=1000)
    ap.add_argument("--tactics", default=",".join(TACTICS))
    ap.add_argument("--examples", action="store_true", help="print escaped senders' texts")
    a = ap.parse_args()
    t0 = time.time()
    measured, hams = measure(a.seed, a.spammers, a.ham, a.tactics.split(","))
    print(f"## Round 26, seed {a.seed}, {a.spammers} spam senders a tactic, {a.ham} ordinary users\n")
    print("\n".join(table(measured)))
    bad = [h for h in hams if h.refused]
    print(f"\nOrdinary users refused by a spam rule: {len(bad)} of {len(hams)} "
          f"({100 * len(bad) / max(1, len(hams)):.2f}%); users by kind: "
          + ", ".join(f"{k} {v}" for k, v in Counter(h.kind for h in hams).most_common()))
    print("Refused by kind: " + (", ".join(f"{k} {v}" for k, v in Counter(h.kind for h in bad).most_common())
                                 or "none"))
    for h in bad[:15]:
        rules, text, recips, what = h.refused[0]
        print(f"- {h.user} ({h.kind}, {h.sends} sends): {what} to {len(recips)} refused by "
              f"{','.join(rules)}: {text[:100]!r}")
    if a.examples:
        print("\n## Escaped senders (not contained)\n")
        for name, rs in measured.items():
            for r in [r for r in rs if not r.contained][:3]:
                print(f"- {name} {r.sender}: reached {r.reached} (way back {r.armed}), first spam refusal at "
                      f"{r.first_at} by {','.join(r.first_rules) or '-'}")
                for s in r.samples[:6]:
                    print(f"    - {s!r}")
    print(f"\n({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
