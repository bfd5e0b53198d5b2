"""Parsing of durations ("30m", "24h") and rate limits ("1000/day") in rules files."""

from __future__ import annotations

import re

from limits import parse as parse_limit_item

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")


def parse_duration(value: object) -> float:
    """Seconds from ``"30m"``, ``"24h"``, ``"7d"`` or a plain number of seconds.

    Raises ``ValueError`` with a readable message.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a duration like '30m', got {value!r}")
    if isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str):
        match = _DURATION.match(value)
        if not match:
            raise ValueError(f"expected a duration like '30s', '30m', '24h' or '7d', got {value!r}")
        seconds = float(match.group(1)) * _UNITS[match.group(2)]
    else:
        raise ValueError(f"expected a duration like '30m', got {type(value).__name__}")
    if seconds <= 0:
        raise ValueError(f"a duration must be positive, got {value!r}")
    return seconds


def parse_rate(value: object) -> tuple[int, float]:
    """``(amount, window_seconds)`` from a rate in the notation of the ``limits`` package.

    ``"1000/day"``, ``"1000 per day"``, ``"100/hour"``, ``"10/5 minutes"``.
    """
    if not isinstance(value, str):
        raise ValueError(f"expected a rate like '1000/day', got {value!r}")
    try:
        item = parse_limit_item(value)
    except ValueError as exc:
        raise ValueError(f"expected a rate like '1000/day', got {value!r} ({exc})") from None
    if item.amount <= 0:
        raise ValueError(f"a rate must allow at least one message, got {value!r}")
    return int(item.amount), float(item.get_expiry())
