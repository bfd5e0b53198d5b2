"""``dm-policy standing USER``: what holds a user now, per rule, and what a send right now
would get. Read only: nothing is consumed or restarted.

Exit status: 0 the user can send now, 1 they cannot, 2 bad input, 3 storage unavailable.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from policy import Engine
from policy.commands._operator import common, run_engine


def register(sub: Any) -> None:
    p = sub.add_parser("standing", help="why can (or can't) this user send? (read only)",
                       description=__doc__)
    common(p, action=False)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def work(engine: Engine) -> int:
        standing = engine.standing(args.user)
        if args.json:
            print(json.dumps(standing.to_dict(), indent=2))
        else:
            print(standing.words())
        return 0 if standing.would.allowed else 1

    return run_engine(args, work)
