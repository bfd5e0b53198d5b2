"""One sender's remembered state: small, bounded, expiring.

This is the snapshot the pure core reads and the new value it returns. The
memory storage keeps it as is; the Redis storage keeps the same facts in keys
under the sender's hash tag (see ``policy/storage/redis/keys.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Cluster:
    """Recent texts of one sender that look alike, and who received them.

    ``units`` are hashed recipients (a user, or a group conversation) with no
    evidence of a real conversation; at most the duplicates rule's
    ``recipients`` of them are kept.
    """

    signature: bytes
    units: tuple[str, ...]
    last: float  # last time a text of this cluster was delivered
    seq: int  # creation order, to break ties the same way everywhere
    # Some copy carried a contact or a promotion's words: compared at contact_similarity
    # (a spun copy that drops its number or pitch still meets its campaign's copies).
    contact: bool = False
    # A short copy (duplicates' short_similarity) reached someone who knows the sender: the
    # cluster's short copies never fire ("see you at 8" to friends and a few followers).
    friendly: bool = False


@dataclass(slots=True)
class SenderState:
    # rule -> (bucket length in seconds, bucket -> count): the length the buckets count in
    quota: dict[str, tuple[float, dict[int, int]]] = field(default_factory=dict)
    cooldown: dict[str, float] = field(default_factory=dict)  # rule -> until
    traces: dict[str, tuple[Cluster, ...]] = field(default_factory=dict)  # rule -> clusters
    revoked: dict[str, float] = field(default_factory=dict)  # app key -> until
    next_seq: int = 0
    expires_at: float = 0.0  # when every part has expired; the store may drop it then
    # rule -> what a rule kind without a field above keeps (its own immutable value)
    slices: dict[str, object] = field(default_factory=dict)
    challenge_passed: float = 0.0  # until when a passed challenge lifts the rules' challenges

    def successor(self) -> SenderState:
        """A copy whose dicts are new and whose values are shared (traces are tuples, quota
        buckets are replaced, never changed in place, by the transition)."""
        return SenderState(
            quota=dict(self.quota),
            cooldown=dict(self.cooldown),
            traces=dict(self.traces),
            revoked=dict(self.revoked),
            next_seq=self.next_seq,
            expires_at=self.expires_at,
            slices=dict(self.slices),
            challenge_passed=self.challenge_passed,
        )

    def copy(self) -> SenderState:
        """A copy that shares nothing mutable (for inspection and for storages)."""
        out = self.successor()
        out.quota = {rule: (size, dict(buckets)) for rule, (size, buckets) in self.quota.items()}
        return out

    def is_empty(self) -> bool:
        return not (self.quota or self.cooldown or self.traces or self.revoked or self.slices
                    or self.challenge_passed)

    def latest_until(self) -> float:
        """The latest end of a wait, a revocation or a challenge pass (0 when none)."""
        return max(max(self.cooldown.values(), default=0.0),
                   max(self.revoked.values(), default=0.0), self.challenge_passed)
