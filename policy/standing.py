"""A sender's standing: what holds them now, per rule, and what a send right now would get.

Read only. The storage hands over a snapshot of the sender's state (memory:// a copy,
Redis one read-only script: ``policy/storage/redis/snapshot.py``); each stateful rule's
kind says what it holds (its ``hold`` hook, ``policy/checks/base.py``), and the core's
own ``transition`` runs on the snapshot with a probe send whose new state is thrown
away, so ``would`` is exactly what the next decision would answer, computed by the same
code, and nothing is consumed or restarted.

The probe is a plain message, without text and without an app, to someone new (a
recipient with no relationship to the sender): the answer to "why can't alice send?".
Stateless rules (text length, followers, groups) depend on the message and are not
part of a standing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policy import core
from policy.checks.base import Hold, Mode, at_words
from policy.decision import Verdict
from policy.rules import Rule, RuleSet
from policy.state import SenderState

__all__ = ["PROBE_UNIT", "RuleStanding", "Standing", "Would", "probe_input", "standing_of"]

# The probe's recipient: a unit no real recipient hashes to (the engine keys units as
# 16 hex digits of a keyed hash; Redis packs any other string into 8 bytes of its own).
PROBE_UNIT = "0000000000000000"


@dataclass(frozen=True, slots=True)
class Would:
    """What a send right now would get (``retry_at``: epoch seconds, or None)."""

    verdict: str
    code: str | None
    message: str | None
    retry_at: float | None

    @property
    def allowed(self) -> bool:
        return self.verdict == Verdict.ALLOW.value

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "code": self.code, "message": self.message,
                "retry_at": self.retry_at}


@dataclass(frozen=True, slots=True)
class RuleStanding:
    """What one rule holds against the user now."""

    rule: str
    kind: str
    status: str  # policy.checks.base.HOLD_STATUSES
    until: float | None
    detail: dict[str, Any] = field(default_factory=dict)  # numbers only
    words: str = ""
    mode: str = "enforce"  # a shadow rule never refuses: its standing is informative

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "kind": self.kind, "status": self.status,
                "until": self.until, "detail": dict(self.detail), "words": self.words,
                "mode": self.mode}


@dataclass(frozen=True, slots=True)
class Standing:
    """A user's standing at ``at`` (epoch seconds)."""

    user: str
    at: float
    would: Would
    rules: tuple[RuleStanding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"user": self.user, "at": self.at, "would": self.would.to_dict(),
                "rules": [r.to_dict() for r in self.rules]}

    def words(self) -> str:
        """The standing in plain words, one line per rule, for a support agent."""
        if self.would.allowed:
            head = f"{self.user} can send now (a message to someone new)."
        else:
            head = f"{self.user} cannot send now: {self.would.message}"
            if self.would.retry_at is not None:
                # The probe is a message to someone new: a cooldown's words may name a
                # shorter wait, after which people they know can be written to again.
                head += (f" (to someone new: retry at "
                         f"{at_words(self.would.retry_at, self.at)})")
        lines = [head]
        for r in self.rules:
            shadow = " [shadow: never refuses]" if r.mode != Mode.ENFORCE.value else ""
            lines.append(f"- {r.rule} ({r.kind}, {r.status}){shadow}: {r.words}")
        return "\n".join(lines)


def probe_input(rules: tuple[Rule, ...],
                inactive: frozenset[str] = frozenset()) -> core.TransitionInput:
    """The probe send: no text, no app, to one stranger, costing one message; the rules
    in ``inactive`` sit it out (their ``when`` does not hold for the sender)."""
    features = core.Features(app=None, self_message=False, signature=None, text_chars=0,
                             units=((PROBE_UNIT, False),))
    return core.TransitionInput(rules=rules, features=features, refused_before=False,
                                inactive=inactive)


def standing_of(user: str, ruleset: RuleSet, rules: tuple[Rule, ...],
                state: SenderState | None, now: float,
                inactive: frozenset[str] = frozenset()) -> Standing:
    """The standing of ``user`` from a snapshot of their state (pure: ``state`` is read,
    never changed; the probe's new state is discarded). ``inactive``: the conditional
    rules that sit the probe out (policy/conditions.py)."""
    snapshot = state if state is not None else SenderState()
    result, _discarded = core.transition(snapshot, probe_input(rules, inactive), now)
    decision = core.assemble(ruleset, [], result, now=now)
    first = decision.reasons[0] if decision.reasons else None
    retry_at = None if decision.retry_after is None else now + decision.retry_after
    would = Would(decision.verdict.value, first.code if first else None,
                  first.message if first else None, retry_at)
    held = []
    for rule in rules:
        hook = getattr(rule.module, "hold", None)
        if hook is None:
            hold = Hold("clear", words="nothing kept")
        elif getattr(rule.module, "HOLD_READS_RULES", False):  # it reads another rule's record
            hold = hook(rule, snapshot, now, rules)
        else:
            hold = hook(rule, snapshot, now)
        held.append(RuleStanding(rule.name, rule.kind, hold.status, hold.until, dict(hold.detail),
                                 hold.words, rule.mode.value))
    return Standing(user, now, would, tuple(held))
