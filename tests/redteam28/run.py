"""Round 28: ordinary users only (a blind false-positive test).

``python -m tests.redteam28.run --seed N --spammers 0 --ham 2000 --tactics ""``: the shared
runner's table divides by the number of spam senders of each tactic, and ``"".split(",")`` is
``[""]``, a tactic with no senders (ZeroDivisionError); with no tactics this script measures
through the same ``runner.measure`` and prints the ordinary users' part itself, every refused
user included.
"""
import argparse
import sys
import time
from collections import Counter

from tests.redteam27.harness import run_sender
from tests.redteam28.ham import run_ham_user
from tests.redteam_runner import run as runner

ROUND = runner.Round(28, {}, run_ham_user, run_sender, "r28:")


def measure(seed, spammers, ham_users, tactics):
    return runner.measure(ROUND, seed, spammers, ham_users, tactics)


def report(seed: int, ham: int) -> None:
    t0 = time.time()
    _, hams = measure(seed, 0, ham, [])
    bad = [h for h in hams if h.refused]
    kinds = Counter(h.kind for h in hams)
    bad_kinds = Counter(h.kind for h in bad)
    print(f"## Round 28, seed {seed}, {ham} ordinary users, no spam senders\n")
    print(f"Ordinary users refused by a spam rule: {len(bad)} of {len(hams)} "
          f"({100 * len(bad) / max(1, len(hams)):.2f}%); sends {sum(h.sends for h in hams)}\n")
    print("| kind | users | refused | share | sends (mean) |")
    print("|---|---:|---:|---:|---:|")
    for k, n in kinds.most_common():
        sends = sum(h.sends for h in hams if h.kind == k) / n
        print(f"| {k} | {n} | {bad_kinds[k]} | {100 * bad_kinds[k] / n:.1f}% | {sends:.0f} |")
    print()
    for h in bad:
        rules, text, recips, what = h.refused[0]
        spam = [r for r in rules if r not in {"text", "followers_only", "group", "storage"}]
        print(f"- {h.user} ({h.kind}, {h.sends} sends, {len(h.refused)} refusals): {what} "
              f"refused by {','.join(spam)} to {len(recips)}: {text!r}")
    print(f"\n({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactics", default="")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--ham", type=int, default=1000)
    known, _ = ap.parse_known_args()
    if known.tactics.strip():
        runner.main(ROUND)
    else:
        report(known.seed, known.ham)
        sys.exit(0)
