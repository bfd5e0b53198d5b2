"""``dm-policy lift-cooldown USER --reason ...``: end the user's spam waits now (audited)."""

from __future__ import annotations

import argparse
from typing import Any

from policy import Engine
from policy.commands._operator import actor, common, print_record, run_engine


def register(sub: Any) -> None:
    p = sub.add_parser("lift-cooldown", help="end a user's cooldown now (audited)",
                       description=__doc__)
    common(p, action=True)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def work(engine: Engine) -> int:
        print_record(engine.lift_cooldown(args.user, actor=actor(args), reason=args.reason),
                     args.json)
        return 0

    return run_engine(args, work)
