"""The spam wait: after a trigger rule fires, wait ``duration`` without any attempt.

Every attempt during the wait (allowed or not, whatever else is wrong with
it) restarts the wait, so the sender must stay quiet for the whole duration.

With ``strangers_only = true`` the wait holds only for sends that reach a stranger
(someone the sender does not follow and who never wrote to the sender): after a
campaign is caught, changing its words or its number after the short wait gains it no
new strangers, while the sender still talks to the people it knows. Such a wait does
not lengthen the refusal that started it (the sender learns of it when it next writes
to a stranger).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from policy.checks.base import (
    Finding,
    Fired,
    Hold,
    Mode,
    Step,
    at_words,
    new_strangers,
    wait_words,
)
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.lua import lua_bool, lua_num
from policy.state import SenderState

KIND = "cooldown"
STATEFUL = True
OWN_HASH = True  # its state is a hash of its own (keys.py: :c), not a slice
LUA_ONCE = True  # its Lua sets what one call reads in `begin`: loadable once (a Redis function)
CODES = ("cooldown_active",)  # what it may fire (a rule's `challenge` names some)


@dataclass(frozen=True, slots=True)
class Params:
    duration: float
    triggered_by: tuple[str, ...]
    restart_on_attempt: bool
    strangers_only: bool = False  # only sends that reach a stranger are refused
    count_followed: bool = False  # ... or someone the sender follows who never wrote


def parse(reader: ParamReader) -> Params:
    triggered_by = reader.string_list("triggered_by", ())
    if not triggered_by:
        raise reader.error("triggered_by", "must name at least one rule (e.g. ['duplicates'])")
    params = Params(
        duration=reader.duration("duration", "30m"),
        triggered_by=triggered_by,
        restart_on_attempt=reader.boolean("restart_on_attempt", True),
        strangers_only=reader.boolean("strangers_only", False),
        count_followed=reader.boolean("count_followed", False),
    )
    if params.count_followed and not params.strangers_only:
        raise reader.error("count_followed", "holds people the sender follows besides "
                           "strangers: it needs strangers_only = true")
    return params


def check_together(rule: Any, by_name: dict[str, Any]) -> tuple[str, str] | None:
    """Each trigger names a rule of the file whose kind can trigger (duplicates)."""
    for trigger in rule.params.triggered_by:
        target = by_name.get(trigger)
        if target is None:
            return "triggered_by", f"names no rule of this file: {trigger!r}"
        if not getattr(target.module, "TRIGGERS", False):
            from policy.checks import KINDS  # the registry imports this module

            kinds = ", ".join(sorted(k for k, m in KINDS.items() if getattr(m, "TRIGGERS", False)))
            return ("triggered_by", f"{trigger!r} is a {target.kind} rule; a cooldown is "
                    f"triggered by rules of these checks: {kinds}")
    return None


def needs(params: Params) -> dict[str, object]:
    return {"relationships": True, "people": True} if params.strangers_only else {}


def prepare(ctx: Step) -> None:
    """Drop the waits that are over (once per transition, before the rules)."""
    if ctx.after.cooldown:
        now = ctx.now
        ctx.after.cooldown = {r: until for r, until in ctx.after.cooldown.items() if until > now}


def step(rule: Any, ctx: Step) -> Fired | None:
    """Refuse while the wait lasts; an attempt restarts it (``restart_on_attempt``)."""
    p: Params = rule.params
    until = ctx.before.cooldown.get(rule.name, 0.0)
    if until > ctx.now:
        if p.strangers_only and not _holds(p, ctx.features.each_person):
            return None  # people the sender knows (or follows, unless count_followed)
        if p.restart_on_attempt:
            until = ctx.now + p.duration
            ctx.after.cooldown[rule.name] = until
        return Fired(rule.name, "cooldown_active", until - ctx.now)
    return None


def trigger(rule: Any, source: Any, ctx: Step) -> float | None:
    """``source`` (named in ``triggered_by``) fired: start the wait; the sender's wait, or
    None when this rule is in shadow mode."""
    # A shadow rule never changes what the sender experiences.
    if rule.mode is Mode.SHADOW or source.mode is Mode.ENFORCE:
        ctx.after.cooldown[rule.name] = ctx.now + rule.params.duration
        # A strangers_only wait is this send's too when it holds one of its people: the
        # decision that starts a day's pause says a day, not the other waits' 30 minutes.
        if rule.mode is Mode.ENFORCE and (not rule.params.strangers_only
                                          or _holds(rule.params, ctx.features.each_person)):
            return rule.params.duration
    return None


def _holds(p: Params, people: tuple[tuple[str, int], ...]) -> bool:
    """Whether a strangers_only wait holds one of ``people``: a stranger, or (count_followed)
    someone the sender follows who never wrote."""
    return bool(new_strangers((), people)) or (p.count_followed
                                               and bool(new_strangers((), people, True)))


def hold(rule: Any, state: SenderState, now: float) -> Hold:
    """The wait, if one lasts (read only: ``Engine.standing``)."""
    p: Params = rule.params
    until = state.cooldown.get(rule.name, 0.0)
    if until <= now:
        return Hold("clear", words="no wait")
    detail = {"seconds_left": until - now, "duration": p.duration}
    if p.strangers_only:
        words = (f"can write to {_held(p)} again at "
                 f"{at_words(until, now)} (a {wait_words(p.duration)} pause after spam-like "
                 "activity); people they know are not affected")
        return Hold("cooling", until, detail, words)
    if p.restart_on_attempt:
        words = (f"can send again at {at_words(until, now)}, {wait_words(p.duration)} after "
                 "their last attempt; each attempt restarts the wait")
    else:
        words = (f"can send again at {at_words(until, now)} (a {wait_words(p.duration)} wait "
                 "after spam-like activity)")
    return Hold("cooling", until, detail, words)


def finding(params: Params, code: str, retry_after: float | None) -> Finding:
    return Finding(code, Verdict.COOLDOWN, message(params, retry_after), retry_after)


def lua_params(rule: Any, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    p: Params = rule.params
    return [("duration", lua_num(p.duration)), ("restart", lua_bool(p.restart_on_attempt)),
            ("strangers_only", lua_bool(p.strangers_only)),
            ("count_followed", lua_bool(p.count_followed))]


def message(params: Params, retry_after: float | None) -> str:
    wait = math.ceil((retry_after or params.duration) / 60)
    if params.strangers_only:
        return (f"Writing to {_held(params, 'you')} is paused because of spam-like "
                f"activity. Wait {wait} minutes; people you know are not affected.")
    text = f"Sending is paused because of spam-like activity. Wait {wait} minutes"
    if params.restart_on_attempt:
        return text + " without any attempt to send: each attempt restarts the wait."
    return text + "."


# What each parameter does: docs/rules.md is generated from these and from ``parse``
# (python -m policy.checks.reference --write).
PARAM_DOCS = {
    "triggered_by": (
        "the rules whose firing starts the wait (rules of a kind that triggers: duplicates, contacts, strangers); required"
    ),
    "duration": ("the wait, during which every send is refused `cooldown_active` (with "
                 "`strangers_only`, every send that reaches a stranger)"),
    "restart_on_attempt": (
        "every attempt during the wait starts it again (so it ends only after `duration` without any attempt)"
    ),
    "strangers_only": (
        "refuse only the sends that reach a stranger (someone the sender does not follow and "
        "who never wrote to the sender) during the wait; the refusal that starts it keeps "
        "its own wait"
    ),
    "count_followed": (
        "with `strangers_only`, hold the people the sender follows who never wrote to it too "
        "(following is one click: a caught spammer would follow its next targets)"
    ),
}


def _held(params: Params, whose: str = "them") -> str:
    """Who a strangers_only wait holds, in words."""
    if params.count_followed:
        return f"people who never wrote to {whose}"
    return f"people who don't follow {whose} back"
