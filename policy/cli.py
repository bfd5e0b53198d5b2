"""The ``dm-policy`` command line. Each subcommand lives in ``policy/commands/<name>.py``
(``serve-metrics`` in ``serve_metrics.py``) and exposes ``register(subparsers)``; this file
only assembles them.

Every command reads the packaged rules unless given ``--rules`` (see ``policy/packaged.py``).
A user's mistake (a bad file, URI or value) is one ``error: ...`` line and exit status 2,
never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from importlib import metadata

from policy.errors import PolicyError

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
    parser.add_argument("--version", action="version", version=f"dm-policy {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"policy.commands.{name.replace('-', '_')}").register(sub)
    return parser


def _version() -> str:
    try:
        return metadata.version("dm-policy")
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        from policy import __version__

        return __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except (PolicyError, OSError) as exc:  # what a command did not catch: still one line
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
