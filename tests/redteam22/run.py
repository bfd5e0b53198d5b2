"""Round 22: ``python -m tests.redteam22.run [--seed N] [--spammers N] [--ham-users N]``.

Prints a markdown table: per tactic the spam senders contained (at most 4 strangers
reached at their first refusal by a spam rule, or at most 4 in all if never refused), held
(at most 4 all day), strangers reached per spam sender per day (mean, max) and the first
refusals; then the ordinary senders refused by a spam rule. ``--examples N`` prints, for
each tactic under a target, N escaped senders' sends up to their first spam refusal, and
what each ordinary sender refused did.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from policy import Engine, MemoryGraph, SendRequest
from policy.rules import load_rules
from tests.redteam22.campaigns import CORPUS, Hidden, families, load_corpus
from tests.redteam22.ham import run_ham
from tests.redteam22.harness import run_family

RULES_FILE = Path(__file__).resolve().parents[2] / "rules" / "default.toml"
CONTAINED_TARGET = 0.95
PER_DAY_TARGET = 50.0
HAM_TARGET = 0.005


class _HiddenGroups(Hidden):
    """Hidden's texts to invited groups of 12 (under the strangers rule's 12 in 6 hours)."""

    def next(self, ctx):
        msg = super().next(ctx)
        msg.n, msg.kind, msg.pace = 12, "invite", self.rng.uniform(60, 600)
        return msg


EXTRAS = [
    ("hidden-groups", "hidden's texts to invited groups of 12, honest host (record_invite)", _HiddenGroups, True),
    ("hidden-groups-srv", "the same, host as policy/server.py (no record_invite)", _HiddenGroups, False),
]


def reads_as_way_back(rules, text: str) -> bool:
    """Black-box probe on the public API: a fresh sender's one message to a new group of 5
    strangers; the links rule among the refusals says the text reads as a way back."""
    graph = MemoryGraph()
    engine = Engine(rules, storage="memory://", graph=graph, clock=lambda: 1_900_000_000.0)
    group = tuple(f"probe{i}" for i in range(5))
    for r in group:
        graph.follow(r, "prober")
    d = engine.check(SendRequest("prober", group, text))
    engine.close()
    return any(r.rule == "links_to_strangers" for r in d.reasons)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--spammers", type=int, default=20)
    ap.add_argument("--ham-users", type=int, default=1000)
    ap.add_argument("--hours", type=float, default=24.0)
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--rules", default=str(RULES_FILE))
    ap.add_argument("--only", default="", help="comma-separated family names")
    ap.add_argument("--no-extras", action="store_true", help="leave out the host-variant rows")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--json", default="")
    args = ap.parse_args(argv)

    corpus = load_corpus(args.corpus)
    if corpus is None:
        print(f"SKIPPED: the SMS Spam Collection is not at {args.corpus} (it is read in place, never copied)")
        return 0
    ham, spam = corpus
    rules = load_rules(args.rules)
    only = {s for s in args.only.split(",") if s}
    fams = [(n, lab, mk, True) for n, lab, mk in families()]
    if not args.no_extras:
        fams += EXTRAS
    if only:
        fams = [f for f in fams if f[0] in only]

    t_start = time.time()
    rows = []
    for name, label, make, rec in fams:
        r = run_family(make, name, rules, spam, spammers=args.spammers, seed=args.seed, hours=args.hours,
                       record_invites=rec)
        r["label"] = label
        rows.append(r)
    hamres = run_ham(rules, ham, n_users=args.ham_users, seed=args.seed, hours=args.hours) if args.ham_users else None
    elapsed = time.time() - t_start

    print(f"## Round 22, seed {args.seed}: {args.spammers} spam senders a tactic, "
          f"{args.ham_users} ordinary users, {args.hours:g} h, rules {Path(args.rules).name}\n")
    print("| tactic | contained | held to 4 all day | strangers a day (mean) | max | first refusal by a spam rule (senders) |")
    print("|---|---:|---:|---:|---:|---|")
    failing = []
    for r in rows:
        firsts = Counter(t.first_refusal or "never" for t in r["tallies"]).most_common(3)
        fr = ", ".join(f"{k.split('/')[0]} {v}" for k, v in firsts)
        bad = r["contained"] < CONTAINED_TARGET or r["mean"] > PER_DAY_TARGET
        if bad:
            failing.append(r)
        mark = " **(under target)**" if bad else ""
        print(f"| {r['family']}: {r['label']}{mark} | {r['contained']:.0%} | {r['held']:.0%} | "
              f"{r['mean']:.1f} | {r['max']:.0f} | {fr} |")
    if hamres is not None:
        share = len(hamres.flagged) / max(1, hamres.senders)
        by_first = Counter()
        for log in hamres.flagged.values():
            first = next(e for e in log if e[4] != "allow" and not e[4].startswith("spam_cooldown"))
            by_first[f"{first[1]} ({first[4].split('/')[0]})"] += 1
        detail = ", ".join(f"{k}: {v}" for k, v in by_first.most_common())
        print(f"\n**Ordinary senders refused by a spam rule: {len(hamres.flagged)} of {hamres.senders} "
              f"({share:.2%})**{' (over the 0.5% target)' if share > HAM_TARGET else ''}; "
              f"first refusal per behaviour: {detail or 'none'}. "
              f"{hamres.decisions:,} decisions; refusals by other rules: {dict(hamres.refused_other) or 'none'}.")
    print(f"\n({elapsed:.0f} s)")

    if args.examples:
        for r in failing:
            esc = [t for t in r["tallies"] if not t.contained][: args.examples]
            print(f"\n### {r['family']}: how {len(esc)} escaped senders went past the 4th stranger "
                  "(W: the text alone reads as a way back, by a probe on the public API)")
            for t in esc:
                print(f"\n{t.uid} ({t.label}): {len(t.reached)} strangers in the day, first spam refusal "
                      f"{t.first_refusal} at {t.at_first}")
                shown = 0
                for e in t.events:
                    w = "W" if e.text != "<invite>" and reads_as_way_back(rules, e.text) else "-"
                    print(f"    {e.t / 3600:5.2f} h  stranger #{e.nth + 1}{'-' + str(e.nth + e.size) if e.size > 1 else ''}"
                          f"  part {e.part}  {e.kind:8s} {w} {e.outcome:38s} {e.text!r}")
                    shown += 1
                    if (e.outcome != "allow" and not e.outcome.startswith("group/") and e.text != "<invite>"
                            and e.nth >= (t.at_first or 99)) or shown >= 30:
                        break
        if hamres is not None and hamres.flagged:
            print("\n### Ordinary senders refused by a spam rule: what they did (sends to non-friends, and every refusal)")
            for u, log in hamres.flagged.items():
                print(f"\n{u}:")
                for e in log:
                    if e[4] != "allow" or "friend" != e[2]:
                        print(f"    {e[0] / 3600:5.2f} h  {e[1]:12s} to {e[2]:28s} {e[4]:34s} {e[3][:70]!r}")

    if args.json:
        out = {"seed": args.seed, "rows": [{k: v for k, v in r.items() if k != "tallies"} for r in rows]}
        if hamres is not None:
            out["ham"] = {"senders": hamres.senders, "flagged": len(hamres.flagged)}
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
