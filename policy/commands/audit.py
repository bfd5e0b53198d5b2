"""``dm-policy audit [USER] [--since EPOCH] [--limit N]``: the audit trail, most recent
first (a user's, or every user's without USER: hashed ids only)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from policy import Engine
from policy.commands._operator import print_record, run_engine


def register(sub: Any) -> None:
    p = sub.add_parser("audit", help="the audit trail of operator actions", description=__doc__)
    p.add_argument("user", nargs="?", default=None, help="the user id (default: every user)")
    p.add_argument("--rules", default="default",
                   help="rules file, or a packaged name (default: the packaged 'default')")
    p.add_argument("--storage", default="memory://", help="storage URI (default memory://)")
    p.add_argument("--since", type=float, default=None, help="epoch seconds")
    p.add_argument("--limit", type=int, default=100, help="records at most (default 100)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    def work(engine: Engine) -> int:
        records = engine.audit(args.user, since=args.since, limit=args.limit)
        if args.json:
            print(json.dumps([r.to_dict() for r in records], indent=2))
            return 0
        if not records:
            print("no audited action", file=sys.stderr)
        for record in records:
            when = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(record.at))
            print(when, end="  ")
            if record.user is None:
                record = record.__class__(**{**record.to_dict(), "user": "#" + record.user_key})
            print_record(record, False)
        return 0

    return run_engine(args, work)
