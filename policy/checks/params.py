"""Reading a rule's parameters with errors that name file, rule and field."""

from __future__ import annotations

import math
from typing import Any

from policy.durations import MAX_AMOUNT, parse_duration, parse_rate
from policy.errors import RulesError

MAX_INTEGER = MAX_AMOUNT  # a whole-number parameter without a tighter bound: at most 10^9


class ParamReader:
    """Typed access to one rule's raw TOML table; every mistake is a ``RulesError``."""

    def __init__(self, raw: dict[str, Any], *, file: str | None, rule: str) -> None:
        self._raw = dict(raw)
        self._used: set[str] = set()
        self.file = file
        self.rule = rule

    def error(self, field: str | None, problem: str) -> RulesError:
        return RulesError(problem, file=self.file, rule=self.rule, field=field)

    def _get(self, name: str, default: Any) -> Any:
        self._used.add(name)
        return self._raw.get(name, default)

    def integer(self, name: str, default: int, *, minimum: int = 0, maximum: int | None = None) -> int:
        """A whole number from ``minimum`` to ``maximum`` (by default ``MAX_INTEGER``)."""
        if maximum is None:
            maximum = MAX_INTEGER
        value = self._get(name, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(name, f"expected a whole number, got {value!r}")
        if not minimum <= value <= maximum:
            raise self.error(name, f"must be from {minimum} to {maximum}, got {value}")
        return value

    def number(self, name: str, default: float, *, minimum: float, maximum: float) -> float:
        value = self._get(name, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(name, f"expected a number, got {value!r}")
        if not (math.isfinite(value) and minimum <= value <= maximum):  # nan fails both
            raise self.error(name, f"must be a finite number from {minimum} to {maximum}, "
                                   f"got {value}")
        return float(value)

    def boolean(self, name: str, default: bool) -> bool:
        value = self._get(name, default)
        if not isinstance(value, bool):
            raise self.error(name, f"expected true or false, got {value!r}")
        return value

    def duration(self, name: str, default: str) -> float:
        try:
            return parse_duration(self._get(name, default))
        except ValueError as exc:
            raise self.error(name, str(exc)) from None

    def rate(self, name: str, default: str | None = None) -> tuple[int, float]:
        value = self._get(name, default)
        if value is None:
            raise self.error(name, "is required (a rate like '1000/day')")
        try:
            return parse_rate(value)
        except ValueError as exc:
            raise self.error(name, str(exc)) from None

    def string(self, name: str, default: str) -> str:
        value = self._get(name, default)
        if not isinstance(value, str):
            raise self.error(name, f"expected a string, got {value!r}")
        return value

    def string_list(self, name: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self._get(name, list(default))
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(name, f"expected a list of strings, got {value!r}")
        return tuple(value)

    def finish(self) -> None:
        """Refuse parameters the check does not know (a typo must not pass silently)."""
        unknown = sorted(set(self._raw) - self._used)
        if unknown:
            raise self.error(unknown[0], "is not a parameter of this check")
