"""``dm-policy lint [RULES...]``: validate rules files (exit 0 if all are valid, 1 if one is
not). Without a file, the packaged rules files (``default``, ``shadow-trial``...)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from policy.errors import RulesError
from policy.packaged import names
from policy.rules import load_rules


def register(sub: Any) -> None:
    p = sub.add_parser("lint", help="validate rules files", description=__doc__)
    p.add_argument("files", nargs="*", metavar="RULES",
                   help="rules files (TOML) or packaged names (default: every packaged one)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    for file in args.files or names():
        try:
            ruleset = load_rules(file)
        except RulesError as exc:
            failed += 1
            print(f"error: {exc}", file=sys.stderr)
            continue
        modes = ", ".join(f"{r.name} ({r.kind}, {r.mode.value})" for r in ruleset.rules)
        print(f"ok: {file}: version {ruleset.version}: {modes}")
    return 1 if failed else 0
