"""The rolling quota: at most ``limit`` messages in any window (1,000 per day by default).

State is a fixed number of buckets per window (``precision``, 96: 15 minutes
for a day), not one entry per message. A bucket counts until the window has
fully passed its *end*, so the sum never undercounts any window: no instant
ever sees one message more than the limit. The price is that capacity comes
back up to one bucket late; the refusal says exactly when.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from policy.checks.base import Finding, Fired, Standing, Step
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.lua import lua_int, lua_num
from policy.state import SenderState

KIND = "quota"
STATEFUL = True
STANDING = True  # its rules report the sender's Standing (Decision.quota)


@dataclass(frozen=True, slots=True)
class Params:
    limit: int
    window: float
    precision: int

    @property
    def bucket_seconds(self) -> float:
        return self.window / self.precision


def parse(reader: ParamReader) -> Params:
    limit, window = reader.rate("limit", "1000/day")
    precision = reader.integer("precision", 96, minimum=1, maximum=1440)
    return Params(limit=limit, window=window, precision=precision)


def needs(params: Params) -> dict[str, object]:
    return {}


def step(rule: Any, ctx: Step) -> Fired | None:
    """Count the live buckets; refuse when this send would not fit."""
    q: Params = rule.params
    live = live_buckets(ctx.before.quota.get(rule.name, {}), ctx.now, q)
    ctx.after.quota[rule.name] = live  # new in this transition: settle may add to it
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
    buckets = ctx.after.quota[rule.name]
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


def expires_at(rule: Any, state: SenderState) -> float | None:
    buckets = state.quota.get(rule.name)
    return drops_out_at(max(buckets), rule.params) if buckets else None


def finding(params: Params, code: str, retry_after: float | None) -> Finding:
    return Finding(code, Verdict.THROTTLE, message(params, retry_after), retry_after)


def lua_params(rule: Any, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    p: Params = rule.params
    return [("limit", lua_int(p.limit)), ("window", lua_num(p.window)),
            ("bucket_seconds", lua_num(p.bucket_seconds))]


def bucket_of(now: float, params: Params) -> int:
    return math.floor(now / params.bucket_seconds)


def drops_out_at(bucket: int, params: Params) -> float:
    """When a bucket stops counting: one whole window after its end."""
    return (bucket + 1) * params.bucket_seconds + params.window


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
