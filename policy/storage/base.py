"""What a storage driver does: fetch a sender's state, run the transition, commit. Atomically."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from policy.core import TransitionInput, TransitionResult

# Senders kept per app for its self-message signal: enough to flag an abused app, and
# bounded whatever happens (the same on every storage).
MAX_SIGNAL_USERS = 10_000


@runtime_checkable
class Storage(Protocol):
    """A storage driver. ``sender`` and ``app`` arguments are already-hashed keys.

    ``now`` is the engine's injected clock reading, or None to use the
    storage's own clock (Redis ``TIME``; the process clock for memory://).
    Every method raises ``policy.errors.StorageError`` when the backend fails.
    """

    kind: str

    def transition(self, sender: str, inp: TransitionInput, now: float | None) -> TransitionResult:
        """Check and consume all of one sender's state atomically."""
        ...

    async def atransition(
        self, sender: str, inp: TransitionInput, now: float | None
    ) -> TransitionResult: ...

    def revoke_app(self, sender: str, app: str, seconds: float, now: float | None) -> None: ...

    def restore_app(self, sender: str, app: str) -> None: ...

    def pass_challenge(self, sender: str, seconds: float, now: float | None) -> float:
        """``sender`` passed a challenge: lift the rules' challenges for ``seconds`` (one
        round trip, under the sender's hash tag, with a TTL); return when the pass ends."""
        ...

    def record_app_signal(self, app: str, sender: str, window: float, now: float | None) -> int:
        """Note a self-message by ``sender`` through ``app``; return distinct senders in window."""
        ...

    def app_signal_count(self, app: str, window: float, now: float | None) -> int: ...

    def forget(self, sender: str) -> None:
        """Delete everything stored under this sender."""
        ...

    def close(self) -> None: ...
