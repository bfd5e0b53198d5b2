"""Recipient feedback: a sender whom enough of the strangers it wrote to report (as spam, or
by blocking it) is refused new messages to strangers until the reports age out.

A report (``Engine.report``) is its own transition of the sender's state (one round trip):
it counts only if the reporter is among the strangers the sender reached, as the
``strangers`` rule named by this rule's ``strangers`` parameter records them (someone
the sender never wrote to cannot brigade it), only once per reporter within ``window``,
and never when the reporter has written to the sender (a reply is evidence of a
conversation: a quarrel between people who talk is not spam). A send to at least one
stranger is refused (``reported_as_spam``) while, within ``window``, the reports number
at least ``min_reports`` and at least ``share`` of the strangers the sender reached
(a popular sender who writes to thousands is not stopped by a handful). Sends to people
the sender follows, or who wrote to it, are never refused by this rule.

State, in the sender's slices: the last ``max_reports`` counted reports (hashed reporter,
time) within ``window``, and the number of new strangers reached per seventh of the
window (``BUCKETS`` counts): bounded, and no message, no reporter id in clear.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from policy.checks import strangers as strangers_kind
from policy.checks.base import (
    TIME_WIDTH,
    Finding,
    Fired,
    Hold,
    Step,
    at_words,
    new_strangers,
    read_time,
    time_field,
)
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.lua import lua_int, lua_num, lua_str

KIND = "reports"
STATEFUL = True
LUA_ONCE = True  # its Lua sets what one call reads in `begin`: loadable once (a Redis function)
CODE = "reported_as_spam"
BUCKETS = 7  # counts of strangers reached, each a seventh of the window
REPORT_KINDS = ("spam", "block")
# What became of a report (the code of its Fired, counted by the metrics)
COUNTED, REPEATED, NOT_REACHED, REPLIED = "counted", "repeated", "not_reached", "replied"
OUTCOMES = (COUNTED, REPEATED, NOT_REACHED, REPLIED)

Reports = tuple[tuple[str, float], ...]  # (reporter unit, time), most recent first
Reached = tuple[tuple[int, int], ...]  # (bucket, strangers reached in it), oldest first


@dataclass(frozen=True, slots=True)
class Params:
    strangers: str  # the strangers rule whose record says whom the sender wrote to
    window: float
    min_reports: int
    share: float
    max_reports: int


def parse(reader: ParamReader) -> Params:
    p = Params(
        strangers=reader.string("strangers", "strangers_daily"),
        window=reader.duration("window", "7d"),
        min_reports=reader.integer("min_reports", 2, minimum=1, maximum=1000),
        share=reader.number("share", 0.01, minimum=0.0, maximum=1.0),
        max_reports=reader.integer("max_reports", 8, minimum=1, maximum=1000),
    )
    if p.max_reports < p.min_reports:
        raise reader.error("max_reports", f"must be at least min_reports ({p.min_reports}), "
                                          f"got {p.max_reports}")
    return p


def needs(params: Params) -> dict[str, object]:
    return {"relationships": True, "people": True}


def check_together(rule: Any, by_name: dict[str, Any]) -> tuple[str, str] | None:
    other = by_name.get(rule.params.strangers)
    if other is None or other.kind != strangers_kind.KIND:
        return ("strangers", f"names no strangers rule ({rule.params.strangers!r}): a report "
                             "counts only from someone the sender reached, as that rule records")
    if other.mode.value == "off":
        return ("strangers", f"the strangers rule {other.name!r} is off: it records nothing")
    return None


def _live(value: Any, now: float, p: Params) -> tuple[Reports, Reached]:
    if not value:
        return (), ()
    reports, reached = value
    cutoff = now - p.window
    reports = tuple(r for r in reports if r[1] > cutoff)
    first = math.floor(now / (p.window / BUCKETS)) - BUCKETS
    reached = tuple(b for b in reached if b[0] > first)
    return reports, reached


def _keep(ctx: Step, rule: Any, reports: Reports, reached: Reached) -> None:
    if reports or reached:
        ctx.after.slices[rule.name] = (reports, reached)
    else:
        ctx.after.slices.pop(rule.name, None)


def step(rule: Any, ctx: Step) -> Fired | None:
    p: Params = rule.params
    reports, reached = _live(ctx.before.slices.get(rule.name), ctx.now, p)
    ctx.found[rule.name] = (reports, reached)
    feats = ctx.features
    n = len(reports)
    if n < p.min_reports or n < p.share * sum(c for _, c in reached):
        return None
    if not new_strangers((), feats.each_person):
        return None  # friends only: never refused here
    # At the latest when enough of the oldest reports leave the window (earlier if more
    # strangers reached meanwhile... which a refused sender cannot add).
    oldest = sorted(t for _, t in reports)[n - p.min_reports]
    return Fired(rule.name, CODE, oldest + p.window - ctx.now)


def settle(rule: Any, ctx: Step) -> None:
    """Count a delivered send's new strangers; prune what left the window."""
    found = ctx.found.get(rule.name)
    if found is None:
        return
    reports, reached = found
    if not ctx.refused:
        new = strangers_kind.newly_reached(rule.params.strangers, ctx)
        if new:
            bucket = math.floor(ctx.now / (rule.params.window / BUCKETS))
            if any(b == bucket for b, _ in reached):
                reached = tuple((b, c + new if b == bucket else c) for b, c in reached)
            else:  # the clock may step back: a new bucket goes last all the same
                reached = (*reached, (bucket, new))
    _keep(ctx, rule, reports, reached)


def report(rule: Any, ctx: Step) -> Fired:
    """A recipient reported the sender: count it, or say why not."""
    p: Params = rule.params
    reports, reached = _live(ctx.before.slices.get(rule.name), ctx.now, p)
    unit, replied = ctx.features.units[0]
    outcome = COUNTED
    if replied:
        outcome = REPLIED
    elif any(u == unit for u, _ in reports):
        outcome = REPEATED
    else:
        srule = next((r for r in ctx.rules if r.name == p.strangers), None)
        if srule is None or not strangers_kind.reached(srule, ctx.before, unit, ctx.now):
            outcome = NOT_REACHED
    if outcome == COUNTED:
        reports = ((unit, ctx.now), *reports)[: p.max_reports]
    _keep(ctx, rule, reports, reached)
    return Fired(rule.name, outcome, None)


def expires_at(rule: Any, state: Any) -> float | None:
    value = state.slices.get(rule.name)
    if not value:
        return None
    p: Params = rule.params
    reports, reached = value
    ends = [t + p.window for _, t in reports]
    ends += [(b + BUCKETS) * (p.window / BUCKETS) for b, _ in reached]
    return max(ends) if ends else None


def hold(rule: Any, state: Any, now: float) -> Hold:
    """Reports counted and strangers reached in the window; whether new strangers are
    refused, and until when (read only: ``Engine.standing``)."""
    p: Params = rule.params
    reports, reached = _live(state.slices.get(rule.name), now, p)
    n, total = len(reports), sum(c for _, c in reached)
    detail = {"reports": n, "strangers_reached": total, "min_reports": p.min_reports,
              "share": p.share, "window": p.window}
    days = f"{p.window / 86400:g} days"
    if n >= p.min_reports and n >= p.share * total:
        until = sorted(t for _, t in reports)[n - p.min_reports] + p.window
        return Hold("cooling", until, detail,
                    f"reported as spam by {n} of the {total} people they don't follow back "
                    f"they wrote to within {days}; can write to someone new at "
                    f"{at_words(until, now)} at the latest, people they already write to are "
                    "not affected")
    return Hold("clear", None, detail, f"{n} reports counted of {p.min_reports} (and "
                f"{p.share:.1%} of {total} people reached) within {days}")


def decode_slice(blob: bytes) -> tuple[Reports, Reached]:
    """The Redis field of a reports rule (``reports.lua``: the counts '<bucket>:<count>,',
    ';', then the reports most recent first: the unit, 8 bytes, and its time, 8 bytes:
    ``time_field``)."""
    head, _, body = blob.partition(b";")
    reached = tuple((int(b), int(c)) for b, c in
                    (item.split(b":") for item in head.split(b",") if item))
    size = 8 + TIME_WIDTH
    reports = tuple((body[at:at + 8].hex(), read_time(body, at + 8))
                    for at in range(0, len(body), size))
    return reports, reached


def encode_slice(value: tuple[Reports, Reached]) -> bytes:
    """The twin of ``decode_slice`` (``reports.lua``'s field)."""
    reports, reached = value
    return ("".join(f"{b}:{c}," for b, c in reached).encode() + b";"
            + b"".join(bytes.fromhex(unit) + time_field(t) for unit, t in reports))


def finding(params: Params, code: str, retry_after: float | None) -> Finding:
    text = ("Several people you wrote to reported your messages as spam or blocked you. "
            "You cannot write to people you don't follow back for now; people you "
            "already talk with are not affected.")
    if retry_after is not None:
        text += f" Try again in {max(1, math.ceil(retry_after / 3600))} hours."
    return Finding(code, Verdict.COOLDOWN, text, retry_after)


def lua_params(rule: Any, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    p: Params = rule.params
    return [("strangers", lua_str(p.strangers)), ("window", lua_num(p.window)),
            ("min_reports", lua_int(p.min_reports)), ("share", lua_num(p.share)),
            ("max_reports", lua_int(p.max_reports))]


# What each parameter does: docs/rules.md is generated from these and from ``parse``
# (python -m policy.checks.reference --write).
PARAM_DOCS = {
    "strangers": "the `strangers` rule whose record says whom the sender reached (only they can report)",
    "window": "how long a report counts, and the span over which strangers reached are counted",
    "min_reports": "reports within `window` at least, before new messages to strangers are refused",
    "share": "and at least this share of the strangers reached within `window` must have reported",
    "max_reports": "counted reports kept per sender (at least `min_reports`)",
}
