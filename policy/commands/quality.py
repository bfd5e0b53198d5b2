"""``dm-policy quality``: detection quality of the duplicates rule on real texts.

Simulates traffic with the SMS Spam Collection (spam campaigns with evasions,
ordinary users in two-way conversations, short phrases to several friends,
invitations), replays it under the rules file and under exact-hash baselines,
and prints the share of spam senders caught by their 5th recipient and the
share of ordinary senders ever cooled down.

With ``--adversary NAME`` it runs adaptive spam senders instead
(``policy/backtest/adversary.py``: tactics that read the rules' thresholds and
obey every refusal) against one engine, with ordinary users interleaved, and
prints one row per tactic (``mix``: every tactic, then mixed plans). It exits
0 whether or not the detector targets are met: it is a measurement.

With ``--context`` it models the sender context (``policy/backtest/context.py``: new
accounts over-represented among spam senders) and compares rules files side by side
(``--rules`` once per file; by default rules/default.toml and rules/strict.toml), on
the simulation and per adversary tactic (docs/signals.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from policy.backtest.adversary import (
    ADVERSARIES,
    DEFAULT_ROTATING_K,
    RunConfig,
    format_adversary_table,
    run_adversary,
)
from policy.backtest.feedback import (
    DEFAULT_DAYS,
    HAM_SHARE,
    SPAM_SHARE,
    FeedbackConfig,
    format_reports_table,
    run_reports,
)
from policy.backtest.quality import TARGET_CAUGHT, TARGET_COOLED, format_table, run_quality
from policy.backtest.simulate import DEFAULT_CORPUS, CorpusError
from policy.errors import RulesError


def register(sub: Any) -> None:
    p = sub.add_parser("quality", help="measure the duplicates rule on real texts",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), metavar="PATH",
                   help="the SMS Spam Collection (default ../shared/data/sms_spam_collection.tsv)")
    p.add_argument("--rules", action="append", default=None,
                   help="rules file or packaged name (default: the packaged 'default'; with "
                        "--context, once per file compared)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--senders", type=int, default=2000, help="accounts (default 2000)")
    p.add_argument("--hours", type=float, default=24.0, help="simulated hours (default 24)")
    p.add_argument("--json", default=None, metavar="OUT", help="write the results as JSON")
    p.add_argument("--adversary", default=None, choices=ADVERSARIES, metavar="NAME",
                   help=f"run adaptive spam senders instead: {', '.join(ADVERSARIES)}")
    p.add_argument("--spammers", type=int, default=20,
                   help="with --adversary: spam senders per tactic (default 20)")
    p.add_argument("--ham-senders", type=int, default=1000,
                   help="with --adversary: ordinary users beside them (default 1000)")
    p.add_argument("--rotating-k", type=int, default=DEFAULT_ROTATING_K,
                   help=f"with --adversary: texts in rotation (default {DEFAULT_ROTATING_K})")
    p.add_argument("--context", action="store_true",
                   help="model the sender context and compare rules files (docs/signals.md)")
    p.add_argument("--reports", action="store_true",
                   help="with --adversary: recipients report or block (policy/backtest/"
                        "feedback.py), over --days days; one row per tactic (mix: several)")
    p.add_argument("--days", type=float, default=DEFAULT_DAYS,
                   help=f"with --reports: days of the campaign (default {DEFAULT_DAYS:g})")
    p.add_argument("--report-share", type=float, default=SPAM_SHARE,
                   help="with --reports: share of a spam sender's recipients who report it "
                        "(default 0.02)")
    p.add_argument("--ham-report-share", type=float, default=HAM_SHARE,
                   help="with --reports: share of an ordinary sender's recipients who report "
                        "it (default 0.001)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.context:
        return _run_context(args)
    args.rules = args.rules[-1] if args.rules else "default"
    if args.adversary is not None:
        return _run_adversary(args)
    try:
        result = run_quality(args.corpus, rules=args.rules, seed=args.seed,
                             senders=args.senders, hours=args.hours)
    except (CorpusError, RulesError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sim = result["simulation"]
    print(f"seed {sim['seed']}, {sim['senders']} senders, {sim['hours']} h, "
          f"{result['sends']} sends, rules {result['rules']} ({result['rules_version']})")
    print(format_table(result))
    default = result["rows"][0]
    met = ((default["caught_by_5th_recipient_share"] or 0) >= TARGET_CAUGHT
           and (default["ordinary_cooled_down_share"] or 0) <= TARGET_COOLED)
    print(f"targets (>= {TARGET_CAUGHT:.0%} caught by the 5th recipient, <= {TARGET_COOLED:.1%} "
          f"ordinary cooled down): {'met' if met else 'NOT met'}")
    if args.json and not _write_json(args.json, result):
        return 2
    return 0 if met else 1


def _run_adversary(args: argparse.Namespace) -> int:
    if args.reports:
        return _run_reports(args)
    try:
        config = RunConfig(seed=args.seed, spammers=args.spammers, ham_senders=args.ham_senders,
                           hours=min(args.hours, 24.0), rotating_k=args.rotating_k)
        result = run_adversary(args.adversary, args.corpus, rules=args.rules, config=config)
    except (CorpusError, RulesError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    cfg = result["config"]
    print(f"adversary {args.adversary}: seed {cfg['seed']}, {cfg['spammers']} spam senders per "
          f"tactic ({cfg['targets']} targets each), {cfg['ham_senders']} ordinary users, "
          f"{cfg['hours']} h, rules {result['rules']} ({result['rules_version']})")
    print(format_adversary_table(result))
    targets = result["targets"]
    print(f"targets: >= {targets['contained_share_min']:.0%} contained, <= "
          f"{targets['reached_per_day_mean_max']} strangers reached per spam sender per day "
          f"(mean), <= {targets['ham_refused_by_spam_rule_share_max']:.1%} ordinary senders "
          "refused by a spam rule; 'held to 4 all run': spam senders that reached at most 4 "
          "strangers over the whole run, whatever refused them first")
    if args.json and not _write_json(args.json, result):
        return 2
    return 0


def _run_context(args: argparse.Namespace) -> int:
    from policy.backtest.context import format_context_table, run_context_quality

    try:
        result = run_context_quality(
            args.corpus, rules=tuple(args.rules or ("default", "strict")),
            seed=args.seed, senders=args.senders, hours=args.hours, spammers=args.spammers,
            ham_senders=args.ham_senders)
    except (CorpusError, RulesError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sim = result["simulation"]
    print(f"sender context modelled {result['model']}; seed {sim['seed']}, {sim['senders']} "
          f"senders, {sim['hours']} h")
    print(format_context_table(result))
    if args.json and not _write_json(args.json, result):
        return 2
    return 0


def _run_reports(args: argparse.Namespace) -> int:
    try:
        config = RunConfig(seed=args.seed, spammers=args.spammers, ham_senders=args.ham_senders,
                           hours=args.days * 24, rotating_k=args.rotating_k)
        feedback = FeedbackConfig(spam_share=args.report_share, ham_share=args.ham_report_share)
        result = run_reports(args.adversary, args.corpus, rules=args.rules, config=config,
                             feedback=feedback)
    except (CorpusError, RulesError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"adversary {args.adversary} with recipient reports: seed {args.seed}, "
          f"{args.spammers} spam senders per tactic, {args.ham_senders} ordinary users, "
          f"{args.days:g} days; {args.report_share:.1%} of spam recipients and "
          f"{args.ham_report_share:.2%} of ordinary ones report or block; rules "
          f"{result['rules']} ({result['rules_version']})")
    print(format_reports_table(result))
    if args.json and not _write_json(args.json, result):
        return 2
    return 0


def _write_json(path: str, result: dict[str, Any]) -> bool:
    """Write ``result`` to ``path``; False (and a line on stderr) when it cannot."""
    try:
        Path(path).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        print(f"error: cannot write {path}: {exc.strerror}", file=sys.stderr)
        return False
    return True
