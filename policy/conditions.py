"""Sender context and conditional rules: what the host knows of a sender, and a rule's
``when`` on it. One home for both: the attributes, their types, and the conditions a
rules file may put on them.

The host gives attributes on the request (``SendRequest(..., context={...})``) or from
its graph (an optional ``graph.attributes(user)`` returning the same mapping); the
request's win, attribute by attribute. Every attribute is optional and typed:

==========================  ======================================================
``account_created_at``      epoch seconds (int or float) the account was created
``account_age``             seconds (int or float, or a duration: ``"3d"``, ``"2y"``)
``verified_email``          true or false
``verified_phone``          true or false
``prior_enforcements``      whole number >= 0: earlier enforcement actions
==========================  ======================================================

A rule may carry a condition; the rule applies to a send only when every part holds::

    [[rules]]
    name = "daily_quota_new"
    check = "quota"
    limit = "100/day"
    when = { account_age_under = "7d", verified = false }
    when_missing = "apply"     # apply (the default) | skip

A rule whose condition does not hold is not evaluated at all for that send (stateless
or stateful: no step, nothing consumed, its stored state untouched), the same on every
storage (the engine works the conditions out in Python and hands the transition the
set of rules that sit out). A tier is two rules of one kind: the stricter with a
``when``, the ordinary one without; a sender the condition picks is held to both, so
the stricter bound decides.

An attribute a condition reads but the host did not send is *missing*: the rule's
``when_missing`` decides (``apply``: treated as the tier, the safe side and the
default; ``skip``: the rule sits out), and the engine counts it
(``dm_policy_conditions_total{outcome="missing"}``) and logs a warning at most once a
minute per rule. Unknown condition names, wrong types, unknown attributes and values
of the wrong type are errors: ``RulesError`` at load, ``InvalidRequest`` on a request.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from policy.durations import parse_duration
from policy.errors import InvalidRequest, RulesError

MAX_ENFORCEMENTS = 10**9
MIN_EPOCH, MAX_EPOCH = 0.0, 1e11  # account_created_at: epoch seconds, up to the year 5138
WHEN_MISSING = ("apply", "skip")


@dataclass(frozen=True, slots=True)
class SenderContext:
    """What the host knows of a sender; None: not given. Build it with ``of``."""

    account_created_at: float | None = None
    account_age: float | None = None
    verified_email: bool | None = None
    verified_phone: bool | None = None
    prior_enforcements: int | None = None

    def __post_init__(self) -> None:
        # Built directly by a host (SenderContext(verified_email="false")), a wrong type
        # would pass silently ("false" is not False: the tier sits out) or fail deep in
        # a condition: validated here like a mapping is.
        for f in fields(self):
            raw = getattr(self, f.name)
            if raw is None:
                continue
            try:
                value = _READERS[f.name](raw)
            except (TypeError, ValueError) as exc:
                raise InvalidRequest(f"context.{f.name} {exc}",
                                     field=f"context.{f.name}") from None
            if value is not raw:
                object.__setattr__(self, f.name, value)

    @classmethod
    def of(cls, value: Any, *, where: str = "context") -> SenderContext:
        """A context from a mapping (or a ``SenderContext``, or None: empty), validated:
        an unknown attribute or a value of the wrong type is an ``InvalidRequest``
        naming ``<where>.<attribute>``."""
        if value is None:
            return EMPTY
        if isinstance(value, SenderContext):
            return value
        if not isinstance(value, Mapping):
            raise InvalidRequest(f"{where} must be a mapping of attributes, got "
                                 f"{type(value).__name__}", field=where)
        unknown = sorted(str(k) for k in value if k not in _READERS)
        if unknown:
            raise InvalidRequest(f"{where}.{unknown[0]} is not a sender attribute (known: "
                                 f"{', '.join(_READERS)})", field=f"{where}.{unknown[0]}")
        out: dict[str, Any] = {}
        for name, raw in value.items():
            if raw is None:
                continue
            try:
                out[name] = _READERS[name](raw)
            except (TypeError, ValueError) as exc:
                raise InvalidRequest(f"{where}.{name} {exc}", field=f"{where}.{name}") from None
        return cls(**out) if out else EMPTY

    def over(self, base: SenderContext) -> SenderContext:
        """This context, with ``base``'s attributes where this one has none."""
        if base is EMPTY or base == EMPTY:
            return self
        if self is EMPTY:
            return base
        return SenderContext(**{f.name: getattr(self, f.name) if getattr(self, f.name)
                                is not None else getattr(base, f.name) for f in fields(self)})

    def age(self, now: float) -> float | None:
        """The account's age in seconds at ``now`` (``account_age`` wins), None if unknown."""
        if self.account_age is not None:
            return self.account_age
        if self.account_created_at is not None:
            return max(0.0, now - self.account_created_at)
        return None

    @property
    def verified(self) -> bool | None:
        """True if any verification given is true; False if all given are false; None if
        neither is given."""
        given = [v for v in (self.verified_email, self.verified_phone) if v is not None]
        return any(given) if given else None


EMPTY = SenderContext()


_AGE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([smhdwy])\s*")
_AGE_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "y": 365 * 86400}
MAX_AGE = 1e11  # seconds: any real account is younger


def _seconds(value: Any) -> float:
    """An age: seconds (a number) or a duration like ``"3d"`` or ``"10y"``, 0 to 1e11 s
    (no 366-day cap, unlike a rule's durations: accounts are older than that)."""
    if isinstance(value, bool):
        raise TypeError(f"must be seconds or a duration like '3d', got {value!r}")
    if isinstance(value, str):
        found = _AGE.fullmatch(value)
        if found is None:
            raise ValueError(f"must be seconds or a duration like '3d' or '2y', got {value!r}")
        value = float(found.group(1)) * _AGE_UNITS[found.group(2)]
    # The range first: math.isfinite(10**400) raises OverflowError (nan and inf fail it).
    if not isinstance(value, (int, float)) or not 0 <= value <= MAX_AGE:
        raise ValueError(f"must be a number of seconds from 0 to 1e11 or a duration, "
                         f"got {value!r}")
    return float(value)


def _epoch(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"must be epoch seconds (a number), got {value!r}")
    if not MIN_EPOCH <= value <= MAX_EPOCH:  # nan and inf fail too; no OverflowError
        raise ValueError(f"must be epoch seconds from 0 to 1e11, got {value!r}")
    return float(value)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"must be true or false, got {value!r}")
    return value


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"must be a whole number, got {value!r}")
    if not 0 <= value <= MAX_ENFORCEMENTS:
        raise ValueError(f"must be from 0 to {MAX_ENFORCEMENTS}, got {value}")
    return value


_READERS: dict[str, Callable[[Any], Any]] = {
    "account_created_at": _epoch,
    "account_age": _seconds,
    "verified_email": _flag,
    "verified_phone": _flag,
    "prior_enforcements": _count,
}


# -- conditions ----------------------------------------------------------------------

# One part of a condition: reads the context at ``now``; None when its attribute is missing.
Test = Callable[[SenderContext, float], bool | None]


def _age_under(limit: float) -> Test:
    def test(ctx: SenderContext, now: float) -> bool | None:
        age = ctx.age(now)
        return None if age is None else age < limit
    return test


def _age_at_least(limit: float) -> Test:
    def test(ctx: SenderContext, now: float) -> bool | None:
        age = ctx.age(now)
        return None if age is None else age >= limit
    return test


def _equals(attribute: str, wanted: bool) -> Test:
    def test(ctx: SenderContext, now: float) -> bool | None:
        value = getattr(ctx, attribute)
        return None if value is None else value is wanted
    return test


def _at_least(limit: int) -> Test:
    def test(ctx: SenderContext, now: float) -> bool | None:
        value = ctx.prior_enforcements
        return None if value is None else value >= limit
    return test


def _duration_arg(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"expected a duration like '7d', got {value!r}")
    return parse_duration(value)


# condition name -> (what it reads, how its value is read, how it tests)
CONDITIONS: dict[str, tuple[str, Callable[[Any], Any], Callable[[Any], Test]]] = {
    "account_age_under": ("account age", _duration_arg, _age_under),
    "account_age_at_least": ("account age", _duration_arg, _age_at_least),
    "verified": ("verified_email or verified_phone", _flag, lambda v: _equals("verified", v)),
    "verified_email": ("verified_email", _flag, lambda v: _equals("verified_email", v)),
    "verified_phone": ("verified_phone", _flag, lambda v: _equals("verified_phone", v)),
    "prior_enforcements_at_least": ("prior_enforcements", _count, _at_least),
}


@dataclass(frozen=True, slots=True)
class Condition:
    """A rule's ``when``: every part must hold. ``source`` is the table as written."""

    parts: tuple[tuple[str, Test], ...]
    when_missing: str  # apply | skip
    source: tuple[tuple[str, Any], ...]

    def applies(self, ctx: SenderContext, now: float) -> tuple[bool, bool]:
        """(the rule applies, an attribute it needed was missing: when_missing decided)."""
        missing = False
        for _name, test in self.parts:
            held = test(ctx, now)
            if held is None:
                missing = True
            elif not held:
                return False, False  # a known part fails: what is missing cannot matter
        if missing:
            return self.when_missing == "apply", True
        return True, False


def parse_condition(raw: dict[str, Any], *, file: str | None, rule: str) -> Condition | None:
    """The ``when`` and ``when_missing`` of one rule's raw table (popped from ``raw``),
    or None when it has no ``when``. Errors name file, rule and field."""
    when = raw.pop("when", None)
    when_missing = raw.pop("when_missing", None)
    if when is None:
        if when_missing is not None:
            raise RulesError("is only meaningful with a `when` condition", file=file,
                             rule=rule, field="when_missing")
        return None
    if not isinstance(when, dict) or not when:
        raise RulesError("must be a non-empty table, e.g. { account_age_under = \"7d\" }",
                         file=file, rule=rule, field="when")
    parts: list[tuple[str, Test]] = []
    for name, value in when.items():
        known = CONDITIONS.get(name)
        if known is None:
            raise RulesError(f"is not a condition (known: {', '.join(CONDITIONS)})",
                             file=file, rule=rule, field=f"when.{name}")
        _reads, read, make = known
        try:
            parts.append((name, make(read(value))))
        except (TypeError, ValueError) as exc:
            raise RulesError(str(exc), file=file, rule=rule, field=f"when.{name}") from None
    if when_missing is None:
        when_missing = "apply"
    if when_missing not in WHEN_MISSING:
        raise RulesError(f"must be one of {', '.join(WHEN_MISSING)}, got {when_missing!r}",
                         file=file, rule=rule, field="when_missing")
    return Condition(tuple(parts), when_missing, tuple(when.items()))


# -- what the engine asks once per decision -------------------------------------------

_WARN_EVERY = 60.0  # seconds between two warnings about one rule's missing attributes
logger = logging.getLogger("policy.conditions")


class ConditionPlan:
    """The conditional rules of one rule set, and which of them sit out a send."""

    def __init__(self, rules: tuple[Any, ...]) -> None:
        self.rules = tuple((r.name, r.when) for r in rules if r.when is not None)
        self._warned: dict[str, float] = {}

    @classmethod
    def of(cls, rules: tuple[Any, ...]) -> ConditionPlan | None:
        """None when no rule has a condition (the usual case: nothing to work out)."""
        plan = cls(rules)
        return plan if plan.rules else None

    def inactive(self, ctx: SenderContext, now: float, observer: Any) -> frozenset[str]:
        """The rules whose condition does not hold for ``ctx`` at ``now``; each
        conditional rule's outcome is reported to ``observer.condition(rule, outcome)``
        (applied, not_applied, missing)."""
        out: list[str] = []
        for name, condition in self.rules:
            applies, missing = condition.applies(ctx, now)
            if missing:
                self._warn(name, condition, applies)
            observer.condition(name, "missing" if missing else
                               "applied" if applies else "not_applied")
            if not applies:
                out.append(name)
        return frozenset(out)

    def _warn(self, name: str, condition: Condition, applies: bool) -> None:
        at = time.monotonic()
        if at - self._warned.get(name, -_WARN_EVERY) >= _WARN_EVERY:
            self._warned[name] = at
            reads = ", ".join(CONDITIONS[part][0] for part, _ in condition.parts)
            logger.warning("rule %r: the host sent no %s for a sender; when_missing = %r: "
                           "the rule %s (counted in dm_policy_conditions_total)", name, reads,
                           condition.when_missing, "applies" if applies else "sits out")


def context_of(request_context: SenderContext, attributes: Callable[[str], Any] | None,
               user: str) -> SenderContext:
    """The sender's context: the request's attributes over the graph's (``attributes``,
    the graph's optional ``attributes(user)``, validated like the request's)."""
    if attributes is None:
        return request_context
    return request_context.over(SenderContext.of(attributes(user), where="graph.attributes"))
