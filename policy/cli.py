"""The ``dm-policy`` command line. Each subcommand lives in ``policy/commands/<name>.py``
(``serve-metrics`` in ``serve_metrics.py``) and exposes ``register(subparsers)``; this file
only assembles them."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Subcommand names, in the order ``--help`` lists them.
COMMANDS = (
    "tour",
    "lint",
    "check",
    "demo",
    "serve-metrics",
    "simulate",
    "replay",
    "quality",
    "standing",
    "lift-cooldown",
    "reset-quota",
    "credit-quota",
    "audit",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dm-policy",
        description="Abuse and rate-limit policy engine for direct messages.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"policy.commands.{name.replace('-', '_')}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
