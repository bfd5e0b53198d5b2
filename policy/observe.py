"""Hooks the engine calls as it works. Metrics (``policy.metrics``) implement them.

The base class does nothing, so an engine without an observer pays nothing.
No hook receives a user id, an app id or message text.
"""

from __future__ import annotations

from policy.decision import Decision


class Observer:
    def decision(self, decision: Decision, seconds: float, storage: str) -> None:
        """A send decision was made in ``seconds`` on storage kind ``storage``."""

    def invite(self, decision: Decision) -> None:
        """An invitation decision was made."""

    def storage_error(self, storage: str, mode: str) -> None:
        """The storage failed; the failure mode ``mode`` answered instead."""

    def rules_loaded(self, version: str) -> None:
        """The engine started on rules ``version`` (reloads report through ``reload``)."""

    def reload(self, ok: bool, version: str) -> None:
        """A rules reload succeeded (``version`` is now live) or failed (old rules kept)."""

    def app_signal(self, flagged: bool) -> None:
        """A self-message through a third-party app; ``flagged`` once the app crosses the bar."""

    def app_revoked(self, automatic: bool) -> None:
        """An app was revoked for one user (by a self-message, or by the host)."""

    def admin_action(self, action: str) -> None:
        """An audited operator action took effect (``policy.audit.ACTIONS``); who and why
        are in the audit trail, not here."""

    def condition(self, rule: str, outcome: str) -> None:
        """A rule's ``when`` was worked out for one request: ``applied``, ``not_applied``
        or ``missing`` (an attribute it reads was not sent: ``when_missing`` decided)."""

    def challenge_passed(self) -> None:
        """The host reported a passed challenge (``Engine.challenge_passed``)."""

    def storage_config(self, storage: str, risks: dict[str, bool]) -> None:
        """The storage's server settings were read (once per driver): each risk of losing
        state (``eviction``, ``no_aof``, ``unknown``) found or not."""

    def report(self, kind: str, outcome: str) -> None:
        """A recipient's report (``spam``, ``block``) and what became of it (``counted``,
        ``repeated``, ``not_reached``, ``replied``, ``no_rule``)."""

    def state_cache(self, outcome: str) -> None:
        """How a decision was made where the Redis driver keeps copies of senders' state:
        ``copy`` (from this process's copy), ``stale`` (a copy was not current, the Lua
        transition decided) or ``lua`` (no copy)."""
