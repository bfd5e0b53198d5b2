"""The rolling quota: at most ``limit`` messages in any window (1,000 per day by default).

State is a fixed number of buckets per window (``precision``, 96: 15 minutes
for a day), not one entry per message. A bucket counts until the window has
fully passed its *end*, so the sum never undercounts any window: no instant
ever sees one message more than the limit. The price is that capacity comes
back up to one bucket late; the refusal says exactly when.

The state keeps the bucket length it was counted in (``(bucket_seconds, {bucket:
count})``), so a reload that changes ``precision`` or the window never misreads it:
stored buckets of another length are converted first (``convert``), each count moved
to the new bucket that holds the old bucket's *end*, so it drops out no earlier than
it did (and at most one new bucket later). ``carries = "old_name"`` makes a renamed
rule take over (and delete) the state its old name kept.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from policy.checks.base import Finding, Fired, Hold, Standing, Step, at_words
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.lua import lua_int, lua_num, lua_str
from policy.state import SenderState

KIND = "quota"
STATEFUL = True
OWN_HASH = True  # its state is a hash of its own (keys.py: :q), not a slice
LUA_ONCE = True  # its Lua sets what one call reads in `begin`: loadable once (a Redis function)
CODES = ("quota_exceeded",)  # what it may fire (a rule's `challenge` names some)
STANDING = True  # its rules report the sender's Standing (Decision.quota)


@dataclass(frozen=True, slots=True)
class Params:
    limit: int
    window: float
    precision: int
    carries: str = ""  # the name of a former rule whose counts this rule takes over

    @property
    def bucket_seconds(self) -> float:
        return self.window / self.precision


def parse(reader: ParamReader) -> Params:
    limit, window = reader.rate("limit", "1000/day")
    precision = reader.integer("precision", 96, minimum=1, maximum=1440)
    carries = reader.string("carries", "")
    return Params(limit=limit, window=window, precision=precision, carries=carries)


def check_together(rule: Any, by_name: dict[str, Any]) -> tuple[str, str] | None:
    """``carries`` names a former rule: a valid name, not a rule of this file, carried by
    one rule only."""
    carries = rule.params.carries
    if not carries:
        return None
    from policy.rules import NAME  # here: policy.rules imports the kinds

    if not NAME.fullmatch(carries):
        return "carries", f"must be a rule name (a-z, 0-9, _), got {carries!r}"
    if carries in by_name:
        return "carries", (f"names a rule of this file ({carries!r}): it carries the state "
                           "of a former rule's name")
    for other in by_name.values():
        if other is not rule and getattr(other.params, "carries", "") == carries:
            return "carries", f"{carries!r} is carried by rule {other.name!r} too"
    return None


def local_params(params: Params, share: float) -> Params:
    """The rule as one process applies it alone, on its local store while the shared
    storage is down (``local`` failure mode): ``share`` of the limit, rounded down."""
    return replace(params, limit=math.floor(params.limit * share))


def needs(params: Params) -> dict[str, object]:
    return {}


def step(rule: Any, ctx: Step) -> Fired | None:
    """Count the live buckets; refuse when this send would not fit."""
    q: Params = rule.params
    stored = ctx.before.quota.get(rule.name)
    buckets = convert(stored, q) if stored is not None else {}
    if q.carries:
        carried = ctx.before.quota.get(q.carries)
        if carried is not None:  # a renamed rule: take the old name's counts over
            buckets = dict(buckets)
            for bucket, n in convert(carried, q).items():
                buckets[bucket] = buckets.get(bucket, 0) + n
            ctx.after.quota.pop(q.carries, None)
    live = live_buckets(buckets, ctx.now, q)  # a new dict
    # new in this transition: settle may add to it
    ctx.after.quota[rule.name] = (q.bucket_seconds, live)
    used = sum(live.values())
    ctx.found[rule.name] = used
    if used + ctx.features.cost > q.limit:
        at = capacity_at(live, ctx.features.cost, q)
        return Fired(rule.name, "quota_exceeded", None if at is None else at - ctx.now)
    return None


def settle(rule: Any, ctx: Step) -> None:
    """Count an allowed send in the newest bucket; the standing after the send (or as it
    stands, when refused)."""
    q: Params = rule.params
    used: int = ctx.found[rule.name]
    buckets = ctx.after.quota[rule.name][1]
    if ctx.refused:
        standing = Standing(q.limit, max(0, q.limit - used), reset_at(buckets, ctx.now, q))
    else:
        cost = ctx.features.cost
        bucket = bucket_of(ctx.now, q)
        buckets[bucket] = buckets.get(bucket, 0) + cost
        remaining = max(0, max(0, q.limit - used) - cost)  # as the standing before, less cost
        standing = Standing(q.limit, remaining, reset_at(buckets, ctx.now, q))
    if not buckets:
        del ctx.after.quota[rule.name]
    ctx.standings.append((rule.name, standing))


def counted(rule: Any, state: SenderState, now: float) -> dict[int, int]:
    """The live buckets of ``rule`` in ``state`` as ``step`` reads them (carried counts
    included), without changing anything."""
    q: Params = rule.params
    stored = state.quota.get(rule.name)
    buckets = dict(convert(stored, q)) if stored is not None else {}
    carried = state.quota.get(q.carries) if q.carries else None
    if carried is not None:
        for bucket, n in convert(carried, q).items():
            buckets[bucket] = buckets.get(bucket, 0) + n
    return live_buckets(buckets, now, q)


def credit(rule: Any, state: SenderState, now: float, amount: int
           ) -> tuple[float, dict[int, int]]:
    """The rule's stored counts with ``amount`` messages given back (the newest counts
    first: they would have counted longest), as ``step`` would store them (converted, the
    carried counts taken over). ``amount`` 0 gives nothing back: a reset is ``amount`` =
    the count."""
    q: Params = rule.params
    live = counted(rule, state, now)
    left = amount
    for bucket in sorted(live, reverse=True):
        if left <= 0:
            break
        take = min(left, live[bucket])
        left -= take
        if take == live[bucket]:
            del live[bucket]
        else:
            live[bucket] -= take
    return q.bucket_seconds, live


def hold(rule: Any, state: SenderState, now: float) -> Hold:
    """Used, remaining, and when capacity returns (read only: ``Engine.standing``)."""
    q: Params = rule.params
    live = counted(rule, state, now)
    used = sum(live.values())
    remaining = max(0, q.limit - used)
    detail: dict[str, Any] = {"used": used, "remaining": remaining, "limit": q.limit,
                              "window": q.window}
    if live:
        detail["capacity_returns_at"] = reset_at(live, now, q)
    per = _window_words(q.window)
    if used + 1 > q.limit:
        at = capacity_at(live, 1, q)
        words = f"has used all {q.limit} messages of the last {per}"
        if at is not None:
            words += f"; can send again at {at_words(at, now)}"
        return Hold("throttled", at, detail, words)
    words = f"{used} of {q.limit} messages used in the last {per}, {remaining} left"
    if live:
        words += f"; more capacity returns at {at_words(reset_at(live, now, q), now)}"
    return Hold("clear", None, detail, words)


def expires_at(rule: Any, state: SenderState) -> float | None:
    stored = state.quota.get(rule.name)
    return drops_out_at(max(stored[1]), rule.params) if stored and stored[1] else None


def finding(params: Params, code: str, retry_after: float | None) -> Finding:
    return Finding(code, Verdict.THROTTLE, message(params, retry_after), retry_after)


def lua_params(rule: Any, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    p: Params = rule.params
    return [("limit", lua_int(p.limit)), ("window", lua_num(p.window)),
            ("bucket_seconds", lua_num(p.bucket_seconds)), ("carries", lua_str(p.carries))]


def bucket_of(now: float, params: Params) -> int:
    return math.floor(now / params.bucket_seconds)


def drops_out_at(bucket: int, params: Params) -> float:
    """When a bucket stops counting: one whole window after its end."""
    return (bucket + 1) * params.bucket_seconds + params.window


def convert(stored: tuple[float, dict[int, int]], params: Params) -> dict[int, int]:
    """Stored buckets as buckets of ``params``' length (the stored dict itself when
    they already are: not to be changed in place).

    Buckets of another length (a reload changed ``precision`` or the window) move,
    count and all, to the new bucket that holds their end: the new bucket ends no
    earlier, so nothing drops out sooner than it did, and at most one new bucket later.
    """
    size, buckets = stored
    new = params.bucket_seconds
    if size == new:
        return buckets
    out: dict[int, int] = {}
    for bucket, n in buckets.items():
        end = (bucket + 1) * size
        b = math.floor(end / new)
        if b * new >= end:  # the end is on a new bucket's start: the one before holds it
            b -= 1
        while (b + 1) * new < end:  # rounding: the new bucket must not end earlier
            b += 1
        out[b] = out.get(b, 0) + n
    return out


def live_buckets(buckets: dict[int, int], now: float, params: Params) -> dict[int, int]:
    # drops_out_at inlined (the same arithmetic, so the same floats). It grows with the
    # bucket, so when the oldest bucket still counts, every bucket does.
    if not buckets:
        return {}
    size, window = params.bucket_seconds, params.window
    if (min(buckets) + 1) * size + window > now:
        return dict(buckets)
    return {b: n for b, n in buckets.items() if (b + 1) * size + window > now}


def capacity_at(live: dict[int, int], cost: int, params: Params) -> float | None:
    """Earliest time ``cost`` more messages fit, given the live buckets (None: never)."""
    if cost > params.limit:
        return None
    used = sum(live.values())
    excess = used + cost - params.limit
    if excess <= 0:
        return None
    for bucket in sorted(live):
        excess -= live[bucket]
        if excess <= 0:
            return drops_out_at(bucket, params)
    return None  # unreachable: all buckets dropping frees everything


def reset_at(live: dict[int, int], now: float, params: Params) -> float:
    """When capacity next grows: the oldest live bucket dropping out (now if none)."""
    return drops_out_at(min(live), params) if live else now


def message(params: Params, retry_after: float | None) -> str:
    if retry_after is None:
        return f"This message costs more than the limit of {params.limit} messages allows."
    return (
        f"You have reached the limit of {params.limit} direct messages per "
        f"{_window_words(params.window)}. You can send again in {_minutes(retry_after)}."
    )


def _window_words(seconds: float) -> str:
    if seconds == 86400:
        return "day"
    if seconds % 3600 == 0:
        return f"{int(seconds // 3600)} hours"
    if seconds % 60 == 0:
        return f"{int(seconds // 60)} minutes"
    return f"{seconds:g} seconds"


def _minutes(seconds: float) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{minutes / 60:.1f} hours"


# What each parameter does: docs/rules.md is generated from these and from ``parse``
# (python -m policy.checks.reference --write).
PARAM_DOCS = {
    "limit": (
        "messages per sender per rolling window: a rate (`1000/day`, `1000/24h`, `500/week`)"
    ),
    "precision": (
        "buckets per window: the rolling window's granularity (never one message over the limit)"
    ),
    "carries": (
        "a former rule's name whose stored counts this rule takes over (a renamed quota keeps its senders' counts)"
    ),
}
