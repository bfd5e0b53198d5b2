"""The rules reference (``docs/rules.md``), written from the check modules themselves.

Each kind's ``parse`` is run with a reader that records what it asks for (name, type,
default, bounds); ``PARAM_DOCS`` in the kind's module says what each parameter does, the
module's docstring what the kind does, and its ``CODES`` (else ``UNDECLARED_CODES`` here)
the refusal codes it may give, with their HTTP codes (``policy.middleware.codes``). Every kind of ``policy.checks.KINDS`` that
lives in this package is listed, so a new kind or parameter only needs::

    python -m policy.checks.reference --write      # rewrites docs/rules.md

(``tests/core/test_rules_reference.py`` fails while docs/rules.md is not current.)
"""

from __future__ import annotations

import argparse
import inspect
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from policy.challenge import DEFAULT_TTL
from policy.checks import KINDS
from policy.checks.params import MAX_INTEGER, ParamReader
from policy.conditions import CONDITIONS, WHEN_MISSING
from policy.durations import MAX_AMOUNT
from policy.errors import RulesError
from policy.middleware.codes import REFUSALS
from policy.rules import FAILURE_MODES

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str
    default: str
    bounds: str
    doc: str


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, int):
        return f"{value:_}".replace("_", ",") if abs(value) >= 10_000 else str(value)
    return repr(value)


class _Recorder(ParamReader):
    """A reader of an empty table that notes every parameter a kind's ``parse`` reads."""

    def __init__(self) -> None:
        super().__init__({}, file=None, rule="reference")
        self.found: list[tuple[str, str, Any, str]] = []
        self._defaults: dict[str, Any] = {}

    def _note(self, name: str, kind: str, default: Any, bounds: str = "") -> None:
        if name not in {f[0] for f in self.found}:
            self.found.append((name, kind, default, bounds))

    def integer(self, name: str, default: int, *, minimum: int = 0,
                maximum: int | None = None) -> int:
        top = MAX_INTEGER if maximum is None else maximum
        self._note(name, "whole number", default, f"{_literal(minimum)} to {_literal(top)}")
        return super().integer(name, default, minimum=minimum, maximum=maximum)

    def number(self, name: str, default: float, *, minimum: float, maximum: float) -> float:
        self._note(name, "number", default, f"{minimum:g} to {maximum:g}")
        return super().number(name, default, minimum=minimum, maximum=maximum)

    def boolean(self, name: str, default: bool) -> bool:
        self._note(name, "true or false", default)
        return super().boolean(name, default)

    def duration(self, name: str, default: str) -> float:
        self._note(name, "duration", default, "1 s to 366 d")
        return super().duration(name, default)

    def rate(self, name: str, default: str | None = None) -> tuple[int, float]:
        self._note(name, "rate", default, f"1 to {MAX_AMOUNT:,} per 1 s to 366 d")
        return super().rate(name, default if default is not None else "1/day")

    def string(self, name: str, default: str) -> str:
        self._note(name, "string", default)
        return super().string(name, default)

    def string_list(self, name: str, default: tuple[str, ...]) -> tuple[str, ...]:
        self._note(name, "list of rule names" if "by" in name else "list of strings",
                   list(default))
        # A kind may refuse an empty list (the cooldown's triggered_by): read on with one.
        return super().string_list(name, default) or ("a_rule",)


def params_of(module: ModuleType) -> list[Param]:
    """The parameters ``module.parse`` reads, in its order, with ``PARAM_DOCS``."""
    recorder = _Recorder()
    try:
        module.parse(recorder)
    except RulesError:
        pass  # a default the kind refuses (a required parameter): what was read is listed
    docs: dict[str, str] = getattr(module, "PARAM_DOCS", {})
    out = []
    for name, kind, default, bounds in recorder.found:
        shown = "required" if default is None or default == [] else _literal(default)
        out.append(Param(name, kind, shown, bounds, docs.get(name, "")))
    return out


# The refusal codes of the kinds that declare none: the stateful kinds declare theirs in
# ``CODES`` (what a rule's `challenge` may name), ``reports`` its one ``CODE``; the
# stateless kinds, which cannot challenge, are listed here by hand.
UNDECLARED_CODES: dict[str, tuple[str, ...]] = {
    "text_length": ("text_empty", "text_too_long", "sms_too_long"),
    "follows": ("not_follower",),
    "group": ("group_too_large", "blocked_member", "not_a_member", "invitee_not_follower",
              "invitee_blocked"),
}


def codes_of(kind: str, module: ModuleType) -> tuple[str, ...]:
    """The stable codes a kind's refusals carry."""
    declared = getattr(module, "CODES", None)
    if declared is None and isinstance(getattr(module, "CODE", None), str):
        declared = (module.CODE,)
    return tuple(declared if declared is not None else UNDECLARED_CODES.get(kind, ()))


def _codes_line(kind: str, module: ModuleType) -> str:
    shown = []
    for code in codes_of(kind, module):
        known = REFUSALS.get(code)
        http = f" (HTTP {known.status}, code {known.code})" if known is not None else ""
        shown.append(f"`{code}`{http}")
    return "Refusal codes: " + (", ".join(shown) or "none listed") + "."


def _summary(module: ModuleType) -> str:
    doc = inspect.getdoc(module) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def kinds() -> list[tuple[str, ModuleType]]:
    """The kinds of this package, in the registry's order."""
    return [(k, m) for k, m in KINDS.items() if m.__name__.startswith("policy.checks.")]


def _duration(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f'`"{int(seconds // size)}{unit}"`'
    return f"`{seconds:g}` s"


def _conditions() -> str:
    return "\n".join(f"- `{name}`: on {reads}" for name, (reads, _, _) in CONDITIONS.items())


HEADER = f"""# Rules reference

<!-- Generated by `python -m policy.checks.reference --write` from the check modules
(`policy/checks/<kind>.py`: `parse`, `PARAM_DOCS`, the docstring, `CODES`). Do not edit by hand:
tests/core/test_rules_reference.py fails while this file is not current. -->

A rules file is TOML: an optional `version`, an optional `[storage]` table, and an ordered
list of `[[rules]]`, each a configured instance of a check kind. Rules run in file order;
the first enforced refusal gives the verdict. Every mistake is a `RulesError` naming the
file, the rule and the field; `dm-policy lint FILE` checks a file.

```toml
version = "my-policy-1"       # optional; defaults to a hash of the file

[storage]                     # optional
on_error = "fail_open"        # what to answer while the storage is down
local_share = 0.5             # with on_error = "local"

[[rules]]
name = "daily_quota"          # a-z, 0-9, _; unique in the file
check = "quota"               # the kind (below)
mode = "enforce"              # enforce | shadow | off
description = "optional text"
limit = "1000/day"            # the kind's parameters
```

The packaged policies (`default`, `shadow-trial`, any `rules/*.toml` of the
repository) are read by name: `Engine.from_file("default")`, `Engine.default()`,
`dm-policy check --rules shadow-trial`.

## Top level and `[storage]`

| key | type | default | what it does |
|---|---|---|---|
| `version` | string | a hash of the file | the rules version, in decisions, logs and the `dm_policy_rules_version_info` metric |
| `storage.on_error` | one of {", ".join(f"`{m}`" for m in FAILURE_MODES)} | `"fail_open"` | the answer while the storage is unavailable: allow, refuse, or decide on a per-process store (see [storage](storage.md)) |
| `storage.local_share` | number, more than 0 to 1 | 1 | with `local`: the share of each quota one process admits alone |

## Every rule

| key | type | default | what it does |
|---|---|---|---|
| `name` | lowercase identifier, at most 48 | required | names the rule in decisions, metrics and `triggered_by` |
| `check` | a kind below | required | what the rule checks |
| `mode` | `enforce`, `shadow` or `off` | `"enforce"` | `shadow`: evaluated and reported in `Decision.shadow` (its own state), never refuses; `off`: not evaluated |
| `description` | string | `""` | free text |
| `when` | table of conditions (below) | none: always | the rule applies to a send only when every condition on the sender's context holds ([signals](signals.md)) |
| `when_missing` | {" or ".join(f"`{m}`" for m in WHEN_MISSING)} | `"{WHEN_MISSING[0]}"` | with `when`: what an attribute the host did not send means (`apply`: the rule applies) |
| `challenge` | list of the rule's refusal codes (each kind's, below) | none | a stateful rule answers these refusals with a challenge (`CHALLENGE`) the sender can pass |
| `challenge_ttl` | duration | {_duration(DEFAULT_TTL)} | with `challenge`: how long a passed challenge lifts the rule's challenges |

Conditions of `when` (`when = {{ account_age_under = "7d", verified = false }}`):

{_conditions()}

## Values

- **Durations**: `"30s"`, `"30m"`, `"24h"`, `"7d"`, `"2w"` (a number and one of s, m, h, d,
  w), or a number of seconds; from 1 second to 366 days.
- **Rates**: an amount, `/` or `per`, and a window: a duration as above (`"1000/24h"`,
  `"1000/1d"`, `"1000/7d"`) or a period in words, optionally counted (`"1000/day"`,
  `"1000 per day"`, `"10/5 minutes"`, `"1000/week"`; a month is 30 days). From 1 to
  {MAX_AMOUNT:,} messages in a window of 1 second to 366 days.
- A file may start with a UTF-8 byte order mark.
"""


def render() -> str:
    out = [HEADER, "## Check kinds\n"]
    for kind, module in kinds():
        state = "stateful (kept in the storage)" if module.STATEFUL else "stateless"
        out.append(f"### `{kind}`\n")
        out.append(f"{_summary(module)} *({state}; `policy/checks/{kind}.py`)*\n")
        out.append(f"{_codes_line(kind, module)}\n")
        params = params_of(module)
        if not params:
            out.append("No parameters.\n")
            continue
        out.append("| parameter | type | default | bounds | what it does |")
        out.append("|---|---|---|---|---|")
        for p in params:
            doc = p.doc or "*(not described yet: add it to `PARAM_DOCS`)*"
            default = p.default if p.default == "required" else f"`{p.default}`"
            out.append(f"| `{p.name}` | {p.type} | {default} | {p.bounds or '—'} | {doc} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policy.checks.reference",
                                     description="Write the rules reference (docs/rules.md).")
    parser.add_argument("--write", action="store_true", help=f"rewrite {DOC}")
    args = parser.parse_args(argv)
    text = render()
    if args.write:
        DOC.parent.mkdir(parents=True, exist_ok=True)
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC}")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
