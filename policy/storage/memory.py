"""memory://: the embedded storage, one process, bounded.

Each sender's state lives in a dict under one lock, so a decision's fetch,
transition and commit are atomic. Memory is bounded twice: a sender's state is
bounded by the rules (fixed buckets, a capped trace), and the number of
senders kept is capped (``max_senders``, least recently active dropped first).
Expired states are swept as traffic goes by: a heap holds one expiry time per
sender (refreshed lazily when it comes due), so each decision pops at most a
few entries and no sweep ever scans the whole store.
"""

from __future__ import annotations

import heapq
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from typing import Any

from policy.audit import AUDIT_ALL, AUDIT_PER_USER, AUDIT_TTL, Change, apply_change
from policy.core import TransitionInput, TransitionResult, transition
from policy.state import SenderState
from policy.storage.base import MAX_SIGNAL_USERS

_MAX_AUDITED = 100_000  # users with an audit trail kept (the least recently audited go first)
_SWEEP_BATCH = 4  # expiry-heap entries looked at per decision: more than one is created


class MemoryStorage:
    kind = "memory"

    def __init__(
        self,
        *,
        max_senders: int = 1_000_000,
        max_apps: int = 100_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if max_senders < 1 or max_apps < 1:
            raise ValueError("max_senders and max_apps must be at least 1")
        self._states: OrderedDict[str, SenderState] = OrderedDict()
        self._signals: OrderedDict[str, dict[str, float]] = OrderedDict()
        self._lock = threading.Lock()
        self._max_senders = max_senders
        self._max_apps = max_apps
        self._clock = clock
        self._expiry: list[tuple[float, str]] = []  # (expires_at when pushed, sender)
        # The audit trail: per user (bounded, the least recently audited users dropped
        # first past _MAX_AUDITED or max_senders) and deployment-wide; entries older than AUDIT_TTL are
        # dropped as they are read or added.
        self._audit: OrderedDict[str, deque[tuple[str, dict[str, str]]]] = OrderedDict()
        self._audit_all: deque[tuple[str, dict[str, str]]] = deque(maxlen=AUDIT_ALL)
        self._audit_seq = 0

    def __len__(self) -> int:
        return len(self._states)

    def state_of(self, sender: str) -> SenderState | None:
        """A copy of one sender's state (for tests and inspection)."""
        with self._lock:
            state = self._states.get(sender)
            return state.copy() if state is not None else None

    def transition(self, sender: str, inp: TransitionInput, now: float | None) -> TransitionResult:
        with self._lock:
            at = self._clock() if now is None else now
            result, state = transition(self._states.get(sender), inp, at)
            self._store(sender, state)
            self._sweep(at)
            return result

    async def atransition(
        self, sender: str, inp: TransitionInput, now: float | None
    ) -> TransitionResult:
        # Microseconds under a lock that is never held across an await: no thread hop needed.
        return self.transition(sender, inp, now)

    def _store(self, sender: str, state: SenderState) -> None:
        if state.is_empty():
            self._states.pop(sender, None)
            return
        if sender not in self._states:
            heapq.heappush(self._expiry, (state.expires_at, sender))
        self._states[sender] = state
        self._states.move_to_end(sender)
        while len(self._states) > self._max_senders:
            self._states.popitem(last=False)

    def _sweep(self, now: float) -> None:
        for _ in range(_SWEEP_BATCH):
            if not self._expiry or self._expiry[0][0] > now:
                return
            _, sender = heapq.heappop(self._expiry)
            state = self._states.get(sender)
            if state is None:
                continue  # forgotten or evicted since
            if state.expires_at <= now:
                del self._states[sender]
            else:  # it was used since: look again when its new expiry comes due
                heapq.heappush(self._expiry, (state.expires_at, sender))

    def snapshot(self, sender: str, rules: tuple[Any, ...], now: float | None
                 ) -> tuple[SenderState | None, float]:
        """A copy of the sender's state and the time it was read at (read only)."""
        with self._lock:
            at = self._clock() if now is None else now
            state = self._states.get(sender)
            return (state.copy() if state is not None else None), at

    async def asnapshot(self, sender: str, rules: tuple[Any, ...], now: float | None
                        ) -> tuple[SenderState | None, float]:
        return self.snapshot(sender, rules, now)

    def amend(
        self,
        sender: str,
        compute: Callable[[SenderState, float], tuple[Change, dict[str, str]]],
        now: float | None,
        rules: tuple[Any, ...] = (),  # (Redis decodes the slices of these; here they are)
    ) -> tuple[str, dict[str, str]]:
        """Apply an audited action atomically: ``compute`` (pure) answers the change and
        the audit entry for the state as it is; both are written under the lock."""
        with self._lock:
            at = self._clock() if now is None else now
            current = self._states.get(sender)
            change, fields = compute(current.copy() if current is not None else SenderState(),
                                     at)
            self._audit_seq += 1
            entry_id = f"{int(at * 1000)}-{self._audit_seq}"
            if change.forget:  # the trail too; the erasure's own entry names no one
                self._forget(sender)
                self._audit.pop(sender, None)
                kept = [item for item in self._audit_all if item[1]["user"] != sender]
                self._audit_all.clear()
                self._audit_all.extend(kept)
            else:
                if not change.is_empty():
                    self._store(sender, apply_change(current, change))
                trail = self._audit.get(sender)
                if trail is None:
                    trail = self._audit[sender] = deque(maxlen=AUDIT_PER_USER)
                trail.append((entry_id, fields))
                self._audit.move_to_end(sender)
                while len(self._audit) > min(self._max_senders, _MAX_AUDITED):
                    self._audit.popitem(last=False)
            self._audit_all.append((entry_id, fields))
            self._drop_old_audit(at)
            return entry_id, fields

    def _drop_old_audit(self, now: float) -> None:
        cutoff = now - AUDIT_TTL
        while self._audit_all and float(self._audit_all[0][1]["at"]) <= cutoff:
            self._audit_all.popleft()

    def audit_log(self, sender: str | None, since: float | None, limit: int,
                  now: float | None = None) -> list[tuple[str, dict[str, str]]]:
        """Audit entries, most recent first: ``sender``'s, or the deployment's (None)."""
        with self._lock:
            at = self._clock() if now is None else now
            cutoff = max(at - AUDIT_TTL, since if since is not None else -1.0)
            trail = self._audit_all if sender is None else self._audit.get(sender, ())
            out: list[tuple[str, dict[str, str]]] = []
            for entry_id, fields in reversed(trail):
                if float(fields["at"]) < cutoff:
                    break
                out.append((entry_id, dict(fields)))
                if len(out) >= limit:
                    break
            return out

    def revoke_app(self, sender: str, app: str, seconds: float, now: float | None) -> None:
        with self._lock:
            at = self._clock() if now is None else now
            state = self._states.get(sender)
            state = state.copy() if state is not None else SenderState()
            state.revoked[app] = at + seconds
            state.expires_at = max(state.expires_at, at + seconds)
            self._store(sender, state)

    def pass_challenge(self, sender: str, seconds: float, now: float | None) -> float:
        with self._lock:
            at = self._clock() if now is None else now
            state = self._states.get(sender)
            state = state.copy() if state is not None else SenderState()
            state.challenge_passed = at + seconds
            state.expires_at = max(state.expires_at, state.challenge_passed)
            self._store(sender, state)
            return state.challenge_passed

    def restore_app(self, sender: str, app: str) -> None:
        with self._lock:
            state = self._states.get(sender)
            if state is not None and app in state.revoked:
                state = state.copy()
                del state.revoked[app]
                self._states[sender] = state

    def record_app_signal(self, app: str, sender: str, window: float, now: float | None) -> int:
        with self._lock:
            at = self._clock() if now is None else now
            senders = {s: t for s, t in self._signals.get(app, {}).items() if t > at - window}
            senders[sender] = at
            if len(senders) > MAX_SIGNAL_USERS:
                oldest = sorted(senders, key=senders.__getitem__)[: len(senders) - MAX_SIGNAL_USERS]
                for old in oldest:
                    del senders[old]
            self._signals[app] = senders
            self._signals.move_to_end(app)
            while len(self._signals) > self._max_apps:
                self._signals.popitem(last=False)
            return len(senders)

    def app_signal_count(self, app: str, window: float, now: float | None) -> int:
        with self._lock:
            at = self._clock() if now is None else now
            return sum(1 for t in self._signals.get(app, {}).values() if t > at - window)

    def forget(self, sender: str) -> None:
        with self._lock:
            self._forget(sender)

    def _forget(self, sender: str) -> None:
        self._states.pop(sender, None)
        for senders in self._signals.values():
            senders.pop(sender, None)

    def close(self) -> None:
        with self._lock:
            self._states.clear()
            self._signals.clear()
            self._audit.clear()
            self._audit_all.clear()
