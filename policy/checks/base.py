"""What checks see and say: the request's facts from the graph, and findings."""

from __future__ import annotations

from dataclasses import dataclass

from policy.decision import Verdict


@dataclass(frozen=True, slots=True)
class Facts:
    """Answers from the host's social graph, gathered before the pure decision."""

    follows_sender: frozenset[str] = frozenset()  # recipients who follow the sender
    followed_by_sender: frozenset[str] = frozenset()  # recipients the sender follows
    wrote_to_sender: frozenset[str] = frozenset()  # recipients who have written to the sender
    blocked_pairs: frozenset[tuple[str, str]] = frozenset()  # (blocker, blocked) among participants


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's refusal (or would-be refusal in shadow mode)."""

    code: str
    verdict: Verdict
    message: str
    retry_after: float | None = None
