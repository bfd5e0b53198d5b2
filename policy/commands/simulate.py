"""``dm-policy simulate``: write simulated direct-message traffic as JSON Lines.

Ordinary users in two-way conversations, bursts, short phrases to several
friends, group invitations; spam campaigns that vary their texts; compromised
apps. The social graph (follow events) comes first. The same arguments give
the same output, byte for byte. With ``--corpus`` the texts are drawn from
the SMS Spam Collection (read in place; by default
``../shared/data/sms_spam_collection.tsv`` beside the project).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from policy.backtest.events import Event, dump_event
from policy.backtest.feedback import HAM_SHARE, SPAM_SHARE, FeedbackConfig, with_reports
from policy.backtest.simulate import DEFAULT_CORPUS, CorpusError, SimConfig, load_corpus, simulate


def register(sub: Any) -> None:
    p = sub.add_parser("simulate", help="write simulated traffic as JSON Lines events",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--senders", type=int, default=500, help="accounts that send (default 500)")
    p.add_argument("--hours", type=float, default=24.0, help="simulated hours (default 24)")
    p.add_argument("--corpus", nargs="?", const=str(DEFAULT_CORPUS), default=None, metavar="PATH",
                   help="draw texts from the SMS Spam Collection (default path: "
                        "../shared/data/sms_spam_collection.tsv)")
    p.add_argument("--spam-share", type=float, default=0.05,
                   help="share of senders running spam campaigns (default 0.05)")
    p.add_argument("--compromised-share", type=float, default=0.01,
                   help="share of ordinary users whose app gets compromised (default 0.01)")
    p.add_argument("--text-hashes", action="store_true",
                   help="write text_sha256 instead of the text")
    p.add_argument("--reports", action="store_true",
                   help="recipients report or block (report events, policy/backtest/feedback.py)")
    p.add_argument("--report-share", type=float, default=SPAM_SHARE,
                   help="with --reports: share of a spam sender's recipients who report it "
                        "(default 0.02)")
    p.add_argument("--ham-report-share", type=float, default=HAM_SHARE,
                   help="with --reports: share of an ordinary sender's recipients who do "
                        "(default 0.001)")
    p.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        config = SimConfig(seed=args.seed, senders=args.senders, hours=args.hours,
                           spam_share=args.spam_share, compromised_share=args.compromised_share,
                           text_hashes=args.text_hashes)
        corpus = load_corpus(args.corpus) if args.corpus is not None else None
        feedback = (FeedbackConfig(spam_share=args.report_share,
                                   ham_share=args.ham_report_share) if args.reports else None)
    except (ValueError, CorpusError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    def events() -> Iterator[Event]:
        made = simulate(config, corpus)
        return with_reports(made, feedback, args.seed) if feedback is not None else made

    if args.output == "-":
        for event in events():
            sys.stdout.write(dump_event(event) + "\n")
        return 0
    target = Path(args.output)
    tmp = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as out:
            for event in events():
                out.write(dump_event(event) + "\n")
        tmp.replace(target)  # never a partial file under the real name
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        print(f"error: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0
