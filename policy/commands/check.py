"""``dm-policy check``: one decision on memory:// (or a storage URI), readable or ``--json``.

Exit status: 0 allowed, 1 refused, 2 bad input or rules, 3 answered without the storage
(it was unavailable: the decision is the failure mode's, ``degraded``, not the policy's).

The graph is given on the command line: ``--followers`` lists the recipients
that follow the sender (by default all of them, so that only the other rules
speak).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from policy import Engine, InvalidRequest, MemoryGraph, RulesError, SendRequest


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="decide one message and print the decision", description=__doc__)
    p.add_argument("--rules", default="default",
                   help="rules file, or a packaged name (default: the packaged 'default')")
    p.add_argument("--storage", default="memory://", help="storage URI (default memory://)")
    p.add_argument("--sender", required=True, help="sender id")
    p.add_argument("--to", required=True, help="recipient ids, comma-separated")
    p.add_argument("--text", required=True, help="message text")
    p.add_argument("--app", default=None, help="third-party app id (default: first-party)")
    p.add_argument("--channel", default="api", choices=("api", "sms"))
    p.add_argument("--conversation", default=None, help="existing group conversation id")
    p.add_argument("--followers", default=None,
                   help="comma-separated recipients who follow the sender (default: all)")
    p.add_argument("--context", default=None, metavar="JSON",
                   help='the sender\'s attributes (docs/signals.md), e.g. '
                        '\'{"account_age": "2d", "verified_email": false}\'')
    p.add_argument("--json", action="store_true", help="print the decision as JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    recipients = tuple(r.strip() for r in args.to.split(",") if r.strip())
    followers = recipients if args.followers is None else tuple(
        f.strip() for f in args.followers.split(",") if f.strip())
    graph = MemoryGraph()
    for follower in followers:
        graph.follow(follower, args.sender)
    try:
        context = json.loads(args.context) if args.context is not None else None
        engine = Engine.from_file(args.rules, storage=args.storage, graph=graph)
        decision = engine.check(SendRequest(args.sender, recipients, args.text, app=args.app,
                                            channel=args.channel, conversation=args.conversation,
                                            context=context))
    except (RulesError, InvalidRequest, ValueError) as exc:  # ValueError: a bad storage URI
        # (or --context not JSON)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(decision.to_dict(), indent=2))
    else:
        print(decision.verdict.value.upper())
        for reason in decision.reasons:
            print(f"  {reason.rule}: [{reason.code}] {reason.message}")
        for reason in decision.shadow:
            print(f"  (shadow) {reason.rule}: [{reason.code}] {reason.message}")
        if decision.challenge is not None:
            print(f"  challenge: prove ownership; a pass lifts it for "
                  f"{decision.challenge.lifts_for:.0f} s")
        if decision.retry_after:
            print(f"  retry after {decision.retry_after:.0f} s")
        if decision.quota is not None:
            print(f"  quota: {decision.quota.remaining}/{decision.quota.limit} left")
        if decision.degraded:
            print(f"  DEGRADED: the storage was unavailable: answered by {decision.degraded}")
    if decision.degraded:
        print(f"error: the storage {args.storage} was unavailable: the decision was made "
              f"without it ({decision.degraded})", file=sys.stderr)
        return DEGRADED
    return 0 if decision.allowed else 1


DEGRADED = 3  # exit status: answered without the storage
