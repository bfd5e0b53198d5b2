"""Third-party apps: a revoked app may not send for that user; a message to oneself
is the sign of a compromised app.

Blocking is per (user, app): the victim keeps sending from first-party
clients. A self-message revokes the sending app for that user (if
``revoke_on_self_message``) and is counted per app, so that an app abused
across many users stands out (``Engine.app_report``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policy.checks.base import Finding, Fired, Hold, Mode, Step, at_words
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.lua import lua_bool, lua_num
from policy.state import SenderState

KIND = "apps"
STATEFUL = True
OWN_HASH = True  # its state is a hash of its own (keys.py: :r), not a slice
LUA_ONCE = True  # its Lua sets what one call reads in `begin`: loadable once (a Redis function)
CODES = ("app_revoked", "self_message")  # what it may fire (a rule's `challenge` names some)


@dataclass(frozen=True, slots=True)
class Params:
    revoke_on_self_message: bool
    revocation_ttl: float
    signal_window: float
    flag_after_users: int


def parse(reader: ParamReader) -> Params:
    return Params(
        revoke_on_self_message=reader.boolean("revoke_on_self_message", True),
        revocation_ttl=reader.duration("revocation_ttl", "90d"),
        signal_window=reader.duration("signal_window", "1d"),
        flag_after_users=reader.integer("flag_after_users", 5, minimum=1),
    )


MESSAGES = {
    "app_revoked": (
        "This application's access to your Direct Messages has been revoked. "
        "You can still send from Twitter's own apps."
    ),
    "self_message": (
        "Messages to yourself are refused: they are usually sent by a compromised "
        "third-party app. Revoke access for any app you don't recognise."
    ),
}

_VERDICTS = {"app_revoked": Verdict.APP_BLOCKED, "self_message": Verdict.REJECT}


def check_together(rule: Any, by_name: dict[str, Any]) -> tuple[str, str] | None:
    apps = [r for r in by_name.values() if r.kind == KIND]
    if len(apps) > 1 and rule is apps[1]:
        return "check", "only one apps rule is allowed (revocations are shared)"
    return None


def needs(params: Params) -> dict[str, object]:
    return {}


def prepare(ctx: Step) -> None:
    """Drop the revocations that are over (once per transition, before the rules)."""
    if ctx.after.revoked:
        now = ctx.now
        ctx.after.revoked = {a: until for a, until in ctx.after.revoked.items() if until > now}


def step(rule: Any, ctx: Step) -> Fired | None:
    p: Params = rule.params
    feats = ctx.features
    if feats.app is not None and ctx.before.revoked.get(feats.app, 0.0) > ctx.now:
        return Fired(rule.name, "app_revoked")
    if feats.self_message:
        if rule.mode is Mode.ENFORCE and p.revoke_on_self_message and feats.app:
            ctx.after.revoked[feats.app] = ctx.now + p.revocation_ttl
            ctx.revoked_app = True
        return Fired(rule.name, "self_message")
    return None


def hold(rule: Any, state: SenderState, now: float) -> Hold:
    """The apps revoked for this sender (counted: app ids are kept hashed), read only."""
    ends = [until for until in state.revoked.values() if until > now]
    if not ends:
        return Hold("clear", words="no app revoked")
    until = max(ends)
    n = len(ends)
    words = (f"{n} third-party app{'s' if n != 1 else ''} revoked for them, until "
             f"{at_words(until, now)} at the latest; their own apps can still send")
    return Hold("revoked", until, {"apps_revoked": n}, words)


def finding(params: Params, code: str, retry_after: float | None) -> Finding:
    return Finding(code, _VERDICTS[code], MESSAGES[code], retry_after)


def lua_params(rule: Any, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    p: Params = rule.params
    return [("revoke", lua_bool(p.revoke_on_self_message)), ("ttl", lua_num(p.revocation_ttl))]


# What each parameter does: docs/rules.md is generated from these and from ``parse``
# (python -m policy.checks.reference --write).
PARAM_DOCS = {
    "revoke_on_self_message": (
        "a message to oneself through an app revokes that app for that user (a compromised app's sign); false: refused only"
    ),
    "revocation_ttl": (
        "how long a revocation lasts (the host's `restore_app` ends it sooner)"
    ),
    "signal_window": (
        "the window over which an app's self-messages are counted across users (`Engine.app_report`)"
    ),
    "flag_after_users": (
        "distinct users whose self-messages through one app within `signal_window` flag the app as abused"
    ),
}
