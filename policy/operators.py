"""The engine's operator calls: a user's standing (read only) and the audited actions.

``Engine`` inherits these (``policy/engine.py`` stays about decisions). The work is
elsewhere, once: standings in ``policy/standing.py`` and the kinds' ``hold`` hooks,
actions and the audit trail in ``policy/audit.py``, the atomic writes in the storages.

Like every admin call, these reach the storage whatever the failure mode: while it is
down they raise ``StorageUnavailable`` and nothing was done (a standing is not made
up from a local store; an action is neither queued nor half-written).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from policy import audit as actions
from policy.audit import AuditRecord, Change
from policy.conditions import EMPTY, context_of
from policy.observe import Observer
from policy.requests import require_id
from policy.standing import Standing, standing_of
from policy.state import SenderState

DEFAULT_ACTOR = "host"  # actions called in the old form, without an actor
DEFAULT_REASON = "(no reason given)"
DEFAULT_REVOCATION_TTL = 90 * 86400.0

Compute = Callable[[SenderState, float], tuple[Change, dict[str, Any], dict[str, Any]]]


class OperatorCalls:
    """Mixed into ``Engine``: uses its rules, keys, storage, clock and observer."""

    _keys: Any
    _storage: Any
    _observer: Any
    _rules: Any

    # -- standing --------------------------------------------------------------

    def standing(self, user: str) -> Standing:
        """What holds ``user`` now, per rule, and what a send right now would get.

        Read only: nothing is consumed or restarted (one read-only round trip on Redis).
        Raises ``StorageUnavailable`` while the storage is down.
        """
        require_id(user, "user")
        plan = self._plan_for(self._rules)  # type: ignore[attr-defined]
        with self._admin("standing"):  # type: ignore[attr-defined]
            state, at = self._storage.snapshot(self._keys.user(user), plan.stateful,
                                               self._clock_now())  # type: ignore[attr-defined]
        return standing_of(user, plan.ruleset, plan.stateful, state, at,
                           self._sitting_out(user, plan, at))

    async def astanding(self, user: str) -> Standing:
        """``standing`` for asyncio (the storage read is awaited)."""
        require_id(user, "user")
        plan = self._plan_for(self._rules)  # type: ignore[attr-defined]
        with self._admin("standing"):  # type: ignore[attr-defined]
            state, at = await self._storage.asnapshot(self._keys.user(user), plan.stateful,
                                                      self._clock_now())  # type: ignore[attr-defined]
        return standing_of(user, plan.ruleset, plan.stateful, state, at,
                           self._sitting_out(user, plan, at))

    def _sitting_out(self, user: str, plan: Any, at: float) -> frozenset[str]:
        """The conditional rules that sit out ``user``'s sends (docs/signals.md), from the
        graph's attributes (a standing has no request); not counted in the metrics."""
        if plan.conditions is None:
            return frozenset()
        attributes = self._attributes  # type: ignore[attr-defined]
        return plan.conditions.inactive(context_of(EMPTY, attributes, user), at, Observer())

    # -- audited actions ---------------------------------------------------------

    def lift_cooldown(self, user: str, *, actor: str, reason: str) -> AuditRecord:
        """End every cooldown of ``user`` now (the next send is decided afresh); the ways
        back that held their new strangers (``strangers_daily``'s lower limit) are
        forgotten with it."""
        rules = self._plan_for(self._rules).stateful  # type: ignore[attr-defined]
        return self._act("lift_cooldown", user, actor, reason,
                         lambda state, now: actions.lift_cooldown(state, now, rules),
                         rules=rules)

    def reset_quota(self, user: str, *, actor: str, reason: str,
                    rule: str | None = None) -> AuditRecord:
        """Forget what ``user`` has sent in the quota ``rule`` (every quota rule: None)."""
        rules = actions.quota_rules(self._plan_for(self._rules).stateful, rule)  # type: ignore[attr-defined]
        return self._act("reset_quota", user, actor, reason,
                         lambda state, now: actions.credit_quota(state, now, rules, None),
                         logged={"rule": rule})

    def credit_quota(self, user: str, amount: int, *, actor: str, reason: str,
                     rule: str | None = None) -> AuditRecord:
        """Give ``amount`` messages back to ``user`` in the quota ``rule`` (all: None)."""
        amount = actions.check_amount(amount)
        rules = actions.quota_rules(self._plan_for(self._rules).stateful, rule)  # type: ignore[attr-defined]
        return self._act("credit_quota", user, actor, reason,
                         lambda state, now: actions.credit_quota(state, now, rules, amount),
                         logged={"rule": rule, "amount": amount})

    def revoke_app(self, *, user: str, app: str, actor: str | None = None,
                   reason: str | None = None) -> AuditRecord:
        """Block ``app`` from sending for ``user`` only; first-party sending stays open.

        Raises ``StorageUnavailable`` while the storage is down (not revoked: retry).
        """
        require_id(app, "app")
        ttl = self._rules.param("revocation_ttl", DEFAULT_REVOCATION_TTL)
        key = self._keys.app(app)
        record = self._act("revoke_app", user, actor, reason,
                           lambda state, now: actions.revoke_app(state, now, key, ttl),
                           old_form=True, logged={"app": app})
        self._observer.app_revoked(automatic=False)
        return record

    def restore_app(self, *, user: str, app: str, actor: str | None = None,
                    reason: str | None = None) -> AuditRecord:
        """Undo ``revoke_app`` (or an automatic revocation) for one user.

        Raises ``StorageUnavailable`` while the storage is down (not restored: retry).
        """
        require_id(app, "app")
        key = self._keys.app(app)
        return self._act("restore_app", user, actor, reason,
                         lambda state, now: actions.restore_app(state, now, key), old_form=True,
                         logged={"app": app})

    def forget_user(self, user: str, *, actor: str | None = None,
                    reason: str | None = None) -> AuditRecord:
        """Delete everything the storage keeps under ``user`` (as a sender), their audit
        trail included; the deployment's trail keeps an anonymous record of the erasure
        (actor, reason, counts: never whom).

        Raises ``StorageUnavailable`` while the storage is down: the user is then not
        forgotten, and the host must retry until the call returns.
        """
        require_id(user, "user")
        if self._fallback is not None:  # type: ignore[attr-defined]  # the local store first
            self._fallback.forget(self._keys.user(user))  # type: ignore[attr-defined]
        return self._act("forget_user", user, actor, reason, actions.forget, old_form=True)

    def audit(self, user: str | None = None, since: float | None = None,
              limit: int = 100) -> list[AuditRecord]:
        """The audit trail, most recent first: ``user``'s (found by its keyed hash), or
        the deployment's (``user`` None: records carry ``user_key`` only). ``since``:
        epoch seconds. Raises ``StorageUnavailable`` while the storage is down."""
        since = actions.check_since(since)
        limit = actions.check_limit(limit)
        key = None
        if user is not None:
            require_id(user, "user")
            key = self._keys.user(user)
        with self._admin("audit"):  # type: ignore[attr-defined]
            entries = self._storage.audit_log(key, since, limit, self._clock_now())  # type: ignore[attr-defined]
        return [actions.record_of(entry_id, fields, user) for entry_id, fields in entries]

    # -- internals -----------------------------------------------------------------

    def _act(self, action: str, user: str, actor: str | None, reason: str | None,
             compute: Compute, *, old_form: bool = False,
             logged: dict[str, Any] | None = None, rules: tuple[Any, ...] = ()) -> AuditRecord:
        """``rules``: those whose slices ``compute`` reads (Redis decodes them)."""
        require_id(user, "user")
        if old_form and actor is None and reason is None:
            actor, reason = DEFAULT_ACTOR, DEFAULT_REASON
        actor = actions.check_actor(actor)
        reason = actions.check_reason(reason)
        key = self._keys.user(user)

        def work(state: SenderState, now: float) -> tuple[Change, dict[str, str]]:
            change, before, after = compute(state, now)
            # An erasure's own record names no one (policy/audit.py).
            user_key = "" if change.forget else key
            return change, actions.entry(at=now, actor=actor, action=action, user_key=user_key,
                                         reason=reason, before=before, after=after)

        with self._admin(action):  # type: ignore[attr-defined]
            entry_id, fields = self._storage.amend(  # type: ignore[attr-defined]
                key, work, self._clock_now(), rules)
        self._observer.admin_action(action)
        record = actions.record_of(entry_id, fields, user)
        log = getattr(self, "decision_log", None)
        if log is not None:  # so that a replay of the log sees the action too
            log.action(action, user, at=record.at, **(logged or {}))
        return record
