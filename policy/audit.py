"""Audited actions on one sender's state, and the audit trail they leave.

Each action (lift a cooldown, reset or credit a quota, revoke or restore an app,
forget a user) is worked out here, once, as a pure function of the sender's snapshot:
it answers a ``Change`` (what to write, field by field) and the audit entry (who, what,
when, why, before and after: numbers and rule names, never message text; the user only
as its keyed hash). The storage applies both atomically: memory:// under its lock;
Redis in one script that checks that the fields it rewrites still hold what the
snapshot read (else it reads again) and appends the entry to the user's audit stream
(``XADD ... MAXLEN ~``, with a TTL) in the same round trip.

The trail is bounded on every storage: ``AUDIT_PER_USER`` entries per user,
``AUDIT_ALL`` for the deployment-wide list, each entry kept ``AUDIT_TTL`` at most.

Forgetting a user erases their trail too (their stream, and their entries in the
deployment's list): afterwards their keyed hash is nowhere in the storage. The
``forget_user`` entry itself is kept in the deployment's list only, anonymous (no user
key): who erased someone, when and why, never whom.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from policy.errors import InvalidRequest
from policy.rules import Rule
from policy.state import SenderState

__all__ = ["ACTIONS", "AUDIT_ALL", "AUDIT_PER_USER", "AUDIT_TTL", "AuditRecord", "Change",
           "apply_change", "check_actor", "check_reason"]

AUDIT_PER_USER = 1000  # entries kept per user (the oldest dropped first)
AUDIT_ALL = 10_000  # entries kept in the deployment-wide list (forget_user scans it)
AUDIT_TTL = 400 * 86400.0  # how long an entry may be kept (a year and some)
MAX_ACTOR = 100
MAX_REASON = 500
MAX_CREDIT = 10**9
MAX_LIMIT = 10_000  # entries one audit() call returns at most
ACTIONS = ("lift_cooldown", "reset_quota", "credit_quota", "revoke_app", "restore_app",
           "forget_user")


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One audited action. ``user`` is the user as the reader named it (stored only
    hashed; ``None`` in a deployment-wide listing, where ``user_key`` says whose)."""

    id: str
    at: float
    actor: str
    action: str
    user: str | None
    reason: str
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    user_key: str = ""  # the user's keyed hash, as stored

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "actor": self.actor, "action": self.action,
                "user": self.user, "user_key": self.user_key, "reason": self.reason,
                "before": self.before, "after": self.after}


@dataclass(slots=True)
class Change:
    """What an action writes: per part of the sender's state, field -> new value
    (None: delete the field); ``forget`` deletes the whole state."""

    cooldown: dict[str, float | None] = field(default_factory=dict)
    quota: dict[str, tuple[float, dict[int, int]] | None] = field(default_factory=dict)
    revoked: dict[str, float | None] = field(default_factory=dict)
    forget: bool = False
    ends: dict[str, float] = field(default_factory=dict)  # quota rule -> its counts' end
    slices: dict[str, None] = field(default_factory=dict)  # rule -> None: its slice deleted

    def is_empty(self) -> bool:
        return not (self.cooldown or self.quota or self.revoked or self.forget or self.slices)


def _check_text(value: object, name: str, bound: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequest(f"{name} must be a non-empty string", field=name)
    if len(value) > bound:
        raise InvalidRequest(f"{name} must be at most {bound} characters, got {len(value)}",
                             field=name)
    # C0 and C1 controls (a terminal reads "\x9b" as an escape: dm-policy audit prints
    # reasons), DEL, and the Unicode line and paragraph separators.
    if any(c != "\t" and unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in value):
        raise InvalidRequest(f"{name} must be one line of text (no control characters)",
                             field=name)
    try:  # a lone surrogate could be stored but never read back as UTF-8
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRequest(f"{name} is not valid Unicode (a lone surrogate)",
                             field=name) from None
    return value.strip()


def check_actor(actor: object) -> str:
    """Who acts: a non-empty line of at most ``MAX_ACTOR`` characters (``InvalidRequest``)."""
    return _check_text(actor, "actor", MAX_ACTOR)


def check_reason(reason: object) -> str:
    """Why: a non-empty line of at most ``MAX_REASON`` characters (``InvalidRequest``)."""
    return _check_text(reason, "reason", MAX_REASON)


def check_amount(amount: object) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int) or not 1 <= amount <= MAX_CREDIT:
        raise InvalidRequest(f"amount must be an integer from 1 to {MAX_CREDIT}, got {amount!r}",
                             field="amount")
    return amount


def amount_from_text(raw: str) -> int:
    """An amount typed in a form or sent as a JSON string: ASCII digits ("²" is a digit to
    isdigit), at most as many as MAX_CREDIT has (int() refuses past 4,300 digits)."""
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(MAX_CREDIT)):
        raise InvalidRequest(f"the amount must be a whole number from 1 to {MAX_CREDIT}",
                             field="amount")
    return check_amount(int(raw))


def check_limit(limit: object) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InvalidRequest(f"limit must be an integer from 1 to {MAX_LIMIT}, got {limit!r}",
                             field="limit")
    return limit


def check_since(since: object) -> float | None:
    if since is None:
        return None
    # Compared, not math.isfinite: an int past a float's range would raise OverflowError.
    if isinstance(since, bool) or not isinstance(since, (int, float)) or \
            not -1e300 < since < 1e300:
        if isinstance(since, float) or (isinstance(since, int) and abs(since) < 10**30):
            shown = repr(since)
        elif isinstance(since, int):
            shown = "a larger number"
        else:
            shown = f"a {type(since).__name__}"
        raise InvalidRequest(f"since must be epoch seconds, got {shown}", field="since")
    return float(since)


def quota_rules(rules: tuple[Rule, ...], name: str | None) -> tuple[Rule, ...]:
    """The quota rules an action touches: ``name``, or every one (InvalidRequest when
    ``name`` is not a quota rule of the rules in force)."""
    quotas = tuple(r for r in rules if hasattr(r.module, "credit"))
    if name is None:
        return quotas
    chosen = tuple(r for r in quotas if r.name == name)
    if not chosen:
        names = ", ".join(r.name for r in quotas) or "none"
        raise InvalidRequest(f"{name!r} is not a quota rule in force (quota rules: {names})",
                             field="rule")
    return chosen


# -- the actions: (state, now, ...) -> (Change, before, after) ------------------

Outcome = tuple[Change, dict[str, Any], dict[str, Any]]


def lift_cooldown(state: SenderState, now: float, rules: tuple[Rule, ...] = ()) -> Outcome:
    """End every cooldown; and, the finding being wrong, forget the ways back counted by
    a rule that arms another's lower limit (``armed_by``: policy/checks/strangers.py), so
    that the sender may write to someone new again (recorded as ``ways_back``)."""
    live = {rule: until for rule, until in state.cooldown.items() if until > now}
    change = Change(cooldown=dict.fromkeys(state.cooldown))
    before: dict[str, Any] = {"cooldowns": live}
    after: dict[str, Any] = {"cooldowns": {}}
    arming = {getattr(r.params, "armed_by", "") for r in rules} - {""}
    counted = {r.name: len(r.module.live(state.slices[r.name], now, r.params))
               for r in rules if r.name in arming and state.slices.get(r.name)}
    if counted:
        change.slices = dict.fromkeys(counted)
        before["ways_back"] = counted
        after["ways_back"] = dict.fromkeys(counted, 0)
    return change, before, after


def credit_quota(state: SenderState, now: float, rules: tuple[Rule, ...],
                 amount: int | None) -> Outcome:
    """Give ``amount`` messages back on each rule (None: all of them, a reset)."""
    change, before, after = Change(), {}, {}
    for rule in rules:
        used = sum(rule.module.counted(rule, state, now).values())
        size, buckets = rule.module.credit(rule, state, now, used if amount is None else amount)
        before[rule.name] = used
        after[rule.name] = sum(buckets.values())
        change.quota[rule.name] = (size, buckets) if buckets else None
        if buckets:
            change.ends[rule.name] = rule.module.drops_out_at(max(buckets), rule.params)
        carries = getattr(rule.params, "carries", "")
        if carries and carries in state.quota:
            change.quota[carries] = None  # taken over, as a decision would
    return change, {"used": before}, {"used": after}


def revoke_app(state: SenderState, now: float, app_key: str, seconds: float) -> Outcome:
    old = state.revoked.get(app_key)
    until = now + seconds
    return (Change(revoked={app_key: until}),
            {"revoked_until": old if old is not None and old > now else None},
            {"revoked_until": until})


def restore_app(state: SenderState, now: float, app_key: str) -> Outcome:
    old = state.revoked.get(app_key)
    return (Change(revoked={app_key: None}),
            {"revoked_until": old if old is not None and old > now else None},
            {"revoked_until": None})


def forget(state: SenderState, now: float) -> Outcome:
    kept = {
        "cooldowns": sum(1 for u in state.cooldown.values() if u > now),
        "quota_rules": len(state.quota),
        "traces": len(state.traces),
        "apps_revoked": sum(1 for u in state.revoked.values() if u > now),
    }
    return Change(forget=True), {"kept": kept}, {"kept": {}}


def apply_change(state: SenderState | None, change: Change) -> SenderState:
    """``state`` with ``change`` written (a new state; ``state`` is not modified)."""
    out = state.copy() if state is not None else SenderState()
    if change.forget:
        return SenderState()
    for part, edits in (("cooldown", change.cooldown), ("quota", change.quota),
                        ("revoked", change.revoked), ("slices", change.slices)):
        values = getattr(out, part)
        for name, value in edits.items():
            if value is None:
                values.pop(name, None)
            else:
                values[name] = value
    out.expires_at = max(out.expires_at, out.latest_until())
    return out


# -- entries as stored (the same fields on every storage) -------------------------

def entry(*, at: float, actor: str, action: str, user_key: str, reason: str,
          before: dict[str, Any], after: dict[str, Any]) -> dict[str, str]:
    """An audit entry as the storages keep it: strings only (a Redis stream's fields)."""
    return {"at": repr(float(at)), "actor": actor, "action": action, "user": user_key,
            "reason": reason, "before": json.dumps(before, sort_keys=True),
            "after": json.dumps(after, sort_keys=True)}


def record_of(entry_id: str, fields: dict[str, str], user: str | None) -> AuditRecord:
    return AuditRecord(id=entry_id, at=float(fields["at"]), actor=fields["actor"],
                       action=fields["action"], user=user, reason=fields["reason"],
                       before=json.loads(fields["before"]), after=json.loads(fields["after"]),
                       user_key=fields["user"])
