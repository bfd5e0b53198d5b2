"""One runner for the blind rounds 23 to 26: every tactic's spam senders, then the ordinary
users, each in a day of its own on one engine (memory://, the default rules), and the table.

A round gives its campaigns (name -> class), its ordinary users' runner, its sender harness
and the prefix of its random seeds; ``python -m tests.redteamNN.run --seed N`` calls ``main``.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policy import Engine, MemoryGraph
from policy.rules import load_rules

RULES = Path(__file__).resolve().parents[2] / "rules" / "default.toml"
DAY = 86400.0


@dataclass(frozen=True)
class Round:
    number: int
    tactics: dict[str, Any]          # name -> campaign class (rng, sender id)
    run_ham_user: Callable[..., Any]  # (engine, graph, now, rng, user, start) -> HamResult
    run_sender: Callable[..., Any]    # (engine, graph, now, campaign, start) -> SenderResult
    seed_prefix: str = ""             # round 26's seeds are "r26:{seed}:..."


def measure(rnd: Round, seed: int, spammers: int, ham_users: int, tactics: list[str]
            ) -> tuple[dict[str, list[Any]], list[Any]]:
    now = [1_900_000_000.0]
    graph = MemoryGraph()
    engine = Engine(load_rules(RULES), storage="memory://", graph=graph, clock=lambda: now[0])
    slot = [now[0]]

    def next_slot() -> float:
        slot[0] += DAY + 3600
        return slot[0]

    p = rnd.seed_prefix
    results = {name: [rnd.run_sender(engine, graph, now,
                                     rnd.tactics[name](random.Random(f"{p}{seed}:{name}:{i}"),
                                                       f"s{seed}.{name}.{i}"), next_slot())
                      for i in range(spammers)]
               for name in tactics}
    hams = [rnd.run_ham_user(engine, graph, now, random.Random(f"{p}{seed}:ham:{i}"), f"h{seed}.{i}",
                             next_slot())
            for i in range(ham_users)]
    engine.close()
    return results, hams


def main(rnd: Round) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--spammers", type=int, default=20)
    ap.add_argument("--ham", type=int, default=1000)
    ap.add_argument("--tactics", default=",".join(rnd.tactics))
    ap.add_argument("--examples", action="store_true", help="print escaped senders' texts")
    a = ap.parse_args()
    t0 = time.time()
    measured, hams = measure(rnd, a.seed, a.spammers, a.ham, [t for t in a.tactics.split(",") if t])
    print(f"## Round {rnd.number}, seed {a.seed}, {a.spammers} spam senders a tactic, {a.ham} ordinary users\n")
    print("| tactic | contained | held to 4 | strangers reached a day (mean / max) | got a way back (mean) | first refusing rules |")
    print("|---|---:|---:|---:|---:|---|")
    for name, results in measured.items():
        if not results:  # (--spammers 0: ordinary users only)
            continue
        cont = sum(r.contained for r in results)
        held = sum(getattr(r, "held", r.reached <= 4) for r in results)
        reached = [r.reached for r in results]
        rules_c = Counter(r.first_rules[0] if r.first_rules else "(none)" for r in results)
        rules_s = ", ".join(f"{k} {v}" for k, v in rules_c.most_common())
        print(f"| {name} | {100 * cont / len(results):.0f}% | {100 * held / len(results):.0f}% | "
              f"{statistics.mean(reached):.1f} / {max(reached)} | "
              f"{statistics.mean(r.armed for r in results):.1f} | {rules_s} |")
    bad = [h for h in hams if h.refused]
    print(f"\nOrdinary users refused by a spam rule: {len(bad)} of {len(hams)} "
          f"({100 * len(bad) / max(1, len(hams)):.2f}%); by kind: "
          + ", ".join(f"{k} {v}" for k, v in Counter(h.kind for h in hams).most_common()))
    print("Refused by kind: " + (", ".join(f"{k} {v}" for k, v in Counter(h.kind for h in bad).most_common())
                                 or "none"))
    for h in bad[:15]:
        rules, text, recips, who = h.refused[0]
        print(f"- {h.user} ({h.kind}, {h.sends} sends): {who} refused by {','.join(rules)} "
              f"to {len(recips) if isinstance(recips, tuple) else recips}: {text[:100]!r}")
    if a.examples:
        print("\n## Escaped senders (not contained)\n")
        for name, rs in measured.items():
            for r in [r for r in rs if not r.contained][:3]:
                print(f"- {name} {r.sender}: reached {r.reached} (way back {r.armed}), first spam refusal at "
                      f"{r.first_at} by {','.join(r.first_rules) or '-'}")
                for s in r.samples[:6]:
                    print(f"    - {s!r}")
    print(f"\n({time.time() - t0:.0f} s)")
