"""What the operator subcommands share (``standing``, ``lift-cooldown``, ``reset-quota``,
``credit-quota``, ``audit``): the engine on ``--rules`` and ``--storage``, the actor and
reason of an action, how errors end the command.

Exit status: 0 done (``standing``: the user can send now), 1 (``standing``) the user
cannot send now, 2 bad input or rules, 3 the storage is unavailable (nothing was done).
On a shared storage the key secret must be the deployment's (``$DM_POLICY_KEY_SECRET``).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from typing import Any

from policy import Engine, InvalidRequest, MemoryGraph, RulesError
from policy.audit import AuditRecord
from policy.errors import StorageError


def common(p: argparse.ArgumentParser, *, action: bool) -> None:
    p.add_argument("user", help="the user id")
    p.add_argument("--rules", default="default",
                   help="rules file, or a packaged name (default: the packaged 'default')")
    p.add_argument("--storage", default="memory://",
                   help="storage URI (default memory://: a fresh store, for trying it out)")
    p.add_argument("--json", action="store_true", help="print JSON")
    if action:
        p.add_argument("--reason", required=True, help="why (kept in the audit trail)")
        p.add_argument("--actor", default=None,
                       help="who acts (default: cli:<login name>), kept in the audit trail")


def actor(args: argparse.Namespace) -> str:
    if args.actor is not None:
        return str(args.actor)
    try:
        return "cli:" + getpass.getuser()
    except Exception:  # no login name (a container): still an actor
        return "cli"


def run_engine(args: argparse.Namespace, work: Callable[[Engine], int]) -> int:
    try:
        # No send is decided here: the graph is never asked (and the engine does not warn).
        engine = Engine.from_file(args.rules, storage=args.storage, graph=MemoryGraph())
    except (RulesError, ValueError) as exc:  # ValueError: a bad storage URI
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        return work(engine)
    except (InvalidRequest, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    finally:
        engine.close()


def print_record(record: AuditRecord, as_json: bool) -> None:
    if as_json:
        print(json.dumps(record.to_dict(), indent=2))
        return
    print(f"{record.action} for {record.user} by {record.actor} ({record.reason}): "
          f"{_compact(record.before)} -> {_compact(record.after)}  [audit {record.id}]")


def _compact(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))
