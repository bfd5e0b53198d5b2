"""Parsing of durations ("30m", "24h") and rate limits ("1000/day") in rules files.

Every value is bounded, so that what validates behaves the same on every storage
(Redis TTLs are whole milliseconds in a signed 64-bit integer, Lua numbers are
doubles): a duration or a rate's window is finite and from ``MIN_SECONDS`` (1 s)
to ``MAX_SECONDS`` (366 days); a rate allows from 1 to ``MAX_AMOUNT`` (10^9)
messages per window.
"""

from __future__ import annotations

import math
import re

MIN_SECONDS = 1.0
MAX_SECONDS = 366 * 86400.0
MAX_AMOUNT = 10**9

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*")
# A rate: an amount, "/" or "per", and a window (a duration as above, or a period in words).
_RATE = re.compile(r"\s*(\d+)\s*(?:/|\s+per\s+)\s*(.*?)\s*", re.IGNORECASE)
_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
            "month": 30 * 86400, "year": 360 * 86400}  # month and year as ``limits`` counts them
_PERIOD = re.compile(r"(?:(\d+)\s*)?(second|minute|hour|day|week|month|year)s?", re.IGNORECASE)


def _bounded(seconds: float, value: object, what: str) -> float:
    if not math.isfinite(seconds):
        raise ValueError(f"{what} must be a finite number of seconds, got {value!r}")
    if not MIN_SECONDS <= seconds <= MAX_SECONDS:
        raise ValueError(f"{what} must be from 1 second to 366 days, got {value!r}")
    return seconds


def parse_duration(value: object) -> float:
    """Seconds from ``"30m"``, ``"24h"``, ``"7d"`` or a plain number of seconds.

    From 1 second to 366 days. Raises ``ValueError`` with a readable message.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a duration like '30m', got {value!r}")
    if isinstance(value, (int, float)):
        seconds = float(value) if abs(value) < 1e300 else math.inf  # no OverflowError on ints
    elif isinstance(value, str):
        match = _DURATION.fullmatch(value)
        if not match:
            raise ValueError(f"expected a duration like '30s', '30m', '24h' or '7d', got {value!r}")
        seconds = float(match.group(1)) * _UNITS[match.group(2)]
    else:
        raise ValueError(f"expected a duration like '30m', got {type(value).__name__}")
    if seconds <= 0:
        raise ValueError(f"a duration must be positive, got {value!r}")
    return _bounded(seconds, value, "a duration")


def parse_rate(value: object) -> tuple[int, float]:
    """``(amount, window_seconds)`` from a rate: an amount, ``/`` or ``per``, and a window.

    The window is a duration as elsewhere in rules files (``"1000/24h"``, ``"1000/7d"``,
    ``"1000/90m"``) or a period in words, with an optional count (``"1000/day"``,
    ``"1000 per day"``, ``"100/hour"``, ``"10/5 minutes"``, ``"1000/week"``; a month is 30
    days, as in the ``limits`` notation). From 1 to 10^9 messages in a window from 1
    second to 366 days.
    """
    if not isinstance(value, str):
        raise ValueError(f"expected a rate like '1000/day' or '1000/24h', got {value!r}")
    match = _RATE.fullmatch(value)
    if match is None:
        raise ValueError(f"expected a rate like '1000/day' or '1000/24h' (an amount, '/' or "
                         f"'per', and a window), got {value!r}")
    amount, window = int(match.group(1)), match.group(2)
    if amount <= 0:
        raise ValueError(f"a rate must allow at least one message, got {value!r}")
    if amount > MAX_AMOUNT:
        raise ValueError(f"a rate allows at most {MAX_AMOUNT:,} messages, got {value!r}")
    short = _DURATION.fullmatch(window)
    if short is not None:
        seconds = float(short.group(1)) * _UNITS[short.group(2)]
    else:
        words = _PERIOD.fullmatch(window)
        if words is None:
            raise ValueError(
                f"a rate's window must be a duration ('24h', '7d', '30m') or a period "
                f"(second, minute, hour, day, week, month, optionally counted: '5 minutes'), "
                f"got {window.strip()!r} in {value!r}")
        count = 1 if words.group(1) is None else int(words.group(1))
        whole = count * _PERIODS[words.group(2).lower()]
        seconds = float(whole) if whole < 10**300 else math.inf  # no OverflowError
    if seconds <= 0:
        raise ValueError(f"a rate's window must be at least one period, got {value!r}")
    return amount, _bounded(seconds, value, "a rate's window")
