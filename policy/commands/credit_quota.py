"""``dm-policy credit-quota USER AMOUNT --reason ... [--rule NAME]``: give a user AMOUNT
messages back in a quota rule (every quota rule by default), audited."""

from __future__ import annotations

import argparse
from typing import Any

from policy import Engine
from policy.commands._operator import actor, common, print_record, run_engine


def register(sub: Any) -> None:
    p = sub.add_parser("credit-quota", help="give a user messages back (audited)",
                       description=__doc__)
    common(p, action=True)
    p.add_argument("amount", type=int, help="messages to give back (1 or more)")
    p.add_argument("--rule", default=None, help="the quota rule (default: every quota rule)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def work(engine: Engine) -> int:
        print_record(engine.credit_quota(args.user, args.amount, actor=actor(args),
                                         reason=args.reason, rule=args.rule), args.json)
        return 0

    return run_engine(args, work)
