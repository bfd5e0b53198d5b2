"""Rules files: an ordered list of named, configured checks, validated with clear errors.

    version = "seed-1"            # optional; defaults to a hash of the file

    [storage]                     # optional
    on_error = "fail_open"        # fail_open | fail_closed | local
    local_share = 0.5             # local: the share of each quota a process admits alone

    [[rules]]
    name = "daily_quota"
    check = "quota"
    mode = "enforce"              # enforce | shadow | off
    limit = "1000/day"

Every error is a ``RulesError`` naming the file, the rule, the field and what is wrong.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Generic, TypeVar

from policy.challenge import parse_challenge
from policy.checks import KINDS
from policy.checks.base import Mode
from policy.checks.params import ParamReader
from policy.conditions import Condition, parse_condition
from policy.errors import RulesError
from policy.packaged import DEFAULT, names, resolve
from policy.packaged import packaged as packaged  # policy.rules.packaged("default")

T = TypeVar("T")
NAME = re.compile(r"[a-z][a-z0-9_]{0,47}")  # fullmatch: "$" would let a final newline in
FAILURE_MODES = ("fail_open", "fail_closed", "local")
_RULE_KEYS = {"name", "check", "mode", "description"}


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str
    mode: Mode
    params: Any
    description: str = ""
    # Any kind: a condition on the sender's context (policy/conditions.py), and the codes
    # answered with a challenge, lifted for challenge_ttl once passed (policy/challenge.py).
    when: Condition | None = None
    challenge: frozenset[str] = frozenset()
    challenge_ttl: float = 0.0

    @property
    def module(self) -> ModuleType:
        """The module of this rule's kind (``policy/checks/<kind>.py``)."""
        return KINDS[self.kind]

    @property
    def stateful(self) -> bool:
        return bool(self.module.STATEFUL)

    def needs(self) -> dict[str, object]:
        """What the engine must gather for this rule (``policy.checks.base.NEEDS``)."""
        return dict(self.module.needs(self.params))


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    version: str
    source: str | None = None
    on_error: str = "fail_open"
    local_share: float = 1.0  # in `local` mode, the share of each quota one process admits
    # Worked out once from ``rules`` (every decision asks them):
    _by_name: dict[str, Rule] = field(init=False, repr=False, compare=False)
    _enforced_quotas: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name: dict[str, Rule] = {}
        for rule in self.rules:
            by_name.setdefault(rule.name, rule)  # the first of a name, as a search would find
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_enforced_quotas", tuple(
            r.name for r in self.rules
            if getattr(r.module, "STANDING", False) and r.mode is Mode.ENFORCE
        ))

    @property
    def active(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.mode is not Mode.OFF)

    @property
    def enforced_quotas(self) -> tuple[str, ...]:
        """Names of the enforced quota rules, in rule order."""
        return self._enforced_quotas

    def get(self, name: str) -> Rule:
        return self._by_name[name]  # KeyError(name) if there is none

    def param(self, name: str, default: Any) -> Any:
        """The parameter ``name`` of the first rule that has one (``default`` if none):
        settings an administrative call shares with a rule, e.g. ``revocation_ttl``."""
        for rule in self.rules:
            if hasattr(rule.params, name):
                return getattr(rule.params, name)
        return default


class PerRules(Generic[T]):
    """What ``build`` makes of a tuple of rules, made once per tuple: an engine passes the
    same tuple each time (a reload makes a new one), so the last answer is found by
    identity, and a few others by the identity of their rules (bounded: cleared when
    ``size`` are kept). It holds the rules it keys, so their ids stay unique."""

    def __init__(self, build: Callable[[tuple[Rule, ...]], T], size: int = 16) -> None:
        self._build = build
        self._size = size
        self._kept: dict[tuple[int, ...], tuple[tuple[Rule, ...], T]] = {}
        self._last: tuple[tuple[Rule, ...], T] | None = None  # the usual answer

    def get(self, rules: tuple[Rule, ...]) -> T:
        last = self._last
        if last is not None and last[0] is rules:
            return last[1]
        ident = tuple(map(id, rules))
        kept = self._kept.get(ident)
        if kept is None or not all(a is b for a, b in zip(kept[0], rules, strict=True)):
            if len(self._kept) >= self._size:
                self._kept.clear()
            kept = self._kept[ident] = (rules, self._build(rules))
        self._last = kept
        return kept[1]


def triggered(rules: tuple[Rule, ...]) -> dict[str, tuple[int, ...]]:
    """Rule name -> the positions in ``rules`` of the rules whose ``triggered_by`` names it
    (the cooldowns it starts), in file order; rules that start none are left out. The
    core and the Redis script's rule table read the same map."""
    out: dict[str, tuple[int, ...]] = {}
    for rule in rules:
        targets = tuple(i for i, t in enumerate(rules)
                        if rule.name in getattr(t.params, "triggered_by", ()))
        if targets:
            out[rule.name] = targets
    return out


def load_rules(path: str | Path = DEFAULT) -> RuleSet:
    """Read and validate a rules file: a path, or the name of a packaged one (``default``,
    ``shadow-trial``: see ``policy.packaged``)."""
    file = str(path)
    try:
        data = resolve(path).read_bytes()
    except OSError as exc:
        hint = f"; packaged rules: {', '.join(names())}" if names() else ""
        raise RulesError(f"cannot read the file ({exc.strerror or exc}){hint}",
                         file=file) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RulesError("the file is not UTF-8 text", file=file) from None
    return parse_rules(text, file=file)


def parse_rules(text: str, *, file: str | None = None) -> RuleSet:
    """Validate rules given as TOML text (a leading UTF-8 byte order mark is ignored)."""
    text = text.removeprefix("\ufeff")  # editors on Windows write one; TOML does not allow it
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"not valid TOML: {exc}", file=file) from None
    except RecursionError:  # tomllib recurses into each nested array or inline table
        raise RulesError("not valid rules: arrays or tables nested too deep", file=file) from None
    unknown = sorted(set(doc) - {"version", "storage", "rules"})
    if unknown:
        raise RulesError("unknown top-level key (expected version, storage, rules)", file=file,
                         field=unknown[0])
    version = doc.get("version", "sha256:" + hashlib.sha256(text.encode()).hexdigest()[:12])
    if not isinstance(version, str) or not version:
        raise RulesError("must be a non-empty string", file=file, field="version")
    on_error, local_share = _parse_storage(doc.get("storage", {}), file)
    raw_rules = doc.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise RulesError("the file defines no rules (expected [[rules]] tables)", file=file,
                         field="rules")
    rules: list[Rule] = []
    for index, raw in enumerate(raw_rules):
        rules.append(_parse_rule(raw, index, file))
    _check_together(rules, file)
    return RuleSet(rules=tuple(rules), version=version, source=file, on_error=on_error,
                   local_share=local_share)


def check_local_share(value: Any) -> str | None:
    """What is wrong with a ``local_share`` (None: nothing): a number in (0, 1]."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"must be a number greater than 0 and at most 1, got {value!r}"
    if not 0 < value <= 1:  # nan fails too; math.isfinite(10**400) would raise
        return f"must be a number greater than 0 and at most 1, got {value!r}"
    return None


def _parse_storage(raw: Any, file: str | None) -> tuple[str, float]:
    if not isinstance(raw, dict):
        raise RulesError("must be a table", file=file, field="storage")
    unknown = sorted(set(raw) - {"on_error", "local_share"})
    if unknown:
        raise RulesError("is not a storage setting (expected on_error, local_share)",
                         file=file, field=f"storage.{unknown[0]}")
    local_share = raw.get("local_share", 1.0)
    problem = check_local_share(local_share)
    if problem is not None:
        raise RulesError(problem, file=file, field="storage.local_share")
    on_error = raw.get("on_error", "fail_open")
    if on_error not in FAILURE_MODES:
        raise RulesError(f"must be one of {', '.join(FAILURE_MODES)}, got {on_error!r}",
                         file=file, field="storage.on_error")
    return str(on_error), float(local_share)


def _parse_rule(raw: Any, index: int, file: str | None) -> Rule:
    label = f"#{index + 1}"
    if not isinstance(raw, dict):
        raise RulesError("must be a table", file=file, rule=label)
    name = raw.get("name")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise RulesError(
            f"must be a lowercase identifier (a-z, 0-9, _; at most 48), got {name!r}",
            file=file, rule=label, field="name",
        )
    kind = raw.get("check")
    if not isinstance(kind, str) or kind not in KINDS:  # a list is unhashable
        raise RulesError(
            f"unknown check {kind!r}; known: {', '.join(sorted(KINDS))}",
            file=file, rule=name, field="check",
        )
    mode_raw = raw.get("mode", "enforce")
    try:
        mode = Mode(mode_raw)
    except ValueError:
        raise RulesError(f"must be enforce, shadow or off, got {mode_raw!r}",
                         file=file, rule=name, field="mode") from None
    description = raw.get("description", "")
    if not isinstance(description, str):
        raise RulesError("must be a string", file=file, rule=name, field="description")
    rest = {k: v for k, v in raw.items() if k not in _RULE_KEYS}
    when = parse_condition(rest, file=file, rule=name)  # pops when, when_missing
    challenge_raw = {k: rest.pop(k) for k in ("challenge", "challenge_ttl") if k in rest}
    reader = ParamReader(rest, file=file, rule=name)
    params = KINDS[kind].parse(reader)
    reader.finish()
    challenge, challenge_ttl = parse_challenge(challenge_raw, KINDS[kind], params, file=file,
                                               rule=name)
    return Rule(name=name, kind=kind, mode=mode, params=params, description=description,
                when=when, challenge=challenge, challenge_ttl=challenge_ttl)


def _check_together(rules: list[Rule], file: str | None) -> None:
    seen: set[str] = set()
    for rule in rules:
        if rule.name in seen:
            raise RulesError("the name is used by an earlier rule", file=file, rule=rule.name,
                             field="name")
        seen.add(rule.name)
    by_name = {r.name: r for r in rules}
    for rule in rules:
        together = getattr(rule.module, "check_together", None)
        problem = together(rule, by_name) if together is not None else None
        if problem is not None:
            raise RulesError(problem[1], file=file, rule=rule.name, field=problem[0])


def check_reload(old: RuleSet, new: RuleSet, file: str) -> None:
    """A reload that gives the name of a rule keeping a slice (a field of the sender's
    slices hash, shared by the stateful kinds without ``OWN_HASH``: strangers, contacts,
    reports) to a rule of another such kind is refused: the field, kept up to a week,
    would be read as the other kind's, and misread (a Lua error at that sender's every
    decision, or wrong counts). Another name starts the new rule afresh; kinds with a hash
    of their own (quota, duplicates, cooldown, apps) may swap names."""
    def slice_kind(rule: Rule) -> bool:
        return rule.stateful and not getattr(rule.module, "OWN_HASH", False)

    kinds = {r.name: r.kind for r in old.rules if slice_kind(r)}
    for rule in new.rules:
        was = kinds.get(rule.name)
        if slice_kind(rule) and was is not None and was != rule.kind:
            raise RulesError(f"changes its check from {was!r} to {rule.kind!r} while the "
                             f"rules run: the state kept under its name would be read as "
                             f"the other kind's; give it a new name", file=file,
                             rule=rule.name, field="check")
