"""``dm-policy reset-quota USER --reason ... [--rule NAME]``: forget what the user sent in
a quota rule (every quota rule by default), audited."""

from __future__ import annotations

import argparse
from typing import Any

from policy import Engine
from policy.commands._operator import actor, common, print_record, run_engine


def register(sub: Any) -> None:
    p = sub.add_parser("reset-quota", help="reset a user's quota (audited)", description=__doc__)
    common(p, action=True)
    p.add_argument("--rule", default=None, help="the quota rule (default: every quota rule)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def work(engine: Engine) -> int:
        print_record(engine.reset_quota(args.user, actor=actor(args), reason=args.reason,
                                        rule=args.rule), args.json)
        return 0

    return run_engine(args, work)
