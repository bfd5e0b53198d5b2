"""``dm-policy demo``: run the reference server (``policy/server.py``) on loopback.

It serves ``POST /1.1/direct_messages/new.json``, group conversations and app
revocation, protected by the policy middleware, with a few demo users (see
``GET /`` for their tokens). It listens on 127.0.0.1 only and prints its URL.
Needs the ``server`` extra: ``pip install 'dm-policy[server]'``.
"""

from __future__ import annotations

import argparse
import socket
import sys
from typing import Any

from policy.errors import RulesError

DEFAULT_RULES = "default"  # the packaged rules (policy/packaged.py)
HOST = "127.0.0.1"


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="run the reference messaging server on loopback",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--port", type=int, default=8000,
                   help="TCP port on 127.0.0.1 (default 8000; 0 picks a free one)")
    p.add_argument("--rules", default=DEFAULT_RULES, help="rules file, or a packaged name (default: the packaged 'default')")
    p.add_argument("--storage", default="memory://", help="storage URI (default: memory://)")
    p.add_argument("--decision-log", default=None, metavar="PATH",
                   help="write each decision to this JSON Lines file (docs/decision-log.md); "
                        "the console at /admin/ shows a user's recent ones")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from policy.server import create_app
    except ImportError as exc:
        print(f"error: the demo server needs the 'server' extra ({exc.name} is missing): "
              "pip install 'dm-policy[server]'", file=sys.stderr)
        return 2
    if not 0 <= args.port <= 65535:
        print(f"error: --port must be between 0 and 65535, got {args.port}", file=sys.stderr)
        return 2
    try:
        from policy.decisionlog import DecisionLog

        log = DecisionLog(args.decision_log) if args.decision_log else None
        app = create_app(rules=args.rules, storage=args.storage, decision_log=log)
    except (RulesError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, args.port))
    except OSError as exc:
        sock.close()
        print(f"error: cannot listen on {HOST}:{args.port} ({exc.strerror})", file=sys.stderr)
        return 2
    url = f"http://{HOST}:{sock.getsockname()[1]}"
    print(f"dm-policy demo: the reference server listens on {url}/ (Ctrl-C stops it)")
    print(f"  users and tokens:  curl {url}/")
    print(f"  support console:   {url}/admin/ (admin token: $DM_POLICY_ADMIN_TOKEN)")
    print("  send a message:    curl -H 'Authorization: Bearer alice-token' "
          f"-d screen_name=bob -d text=hello {url}/1.1/direct_messages/new.json")
    sys.stdout.flush()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return 0
