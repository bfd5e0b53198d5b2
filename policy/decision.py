"""What the engine answers: a verdict, the reasons, when to retry."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Verdict(enum.StrEnum):
    ALLOW = "allow"
    REJECT = "reject"  # a policy refusal: not a follower, too long, group too big
    THROTTLE = "throttle"  # a quota is used up; retry_after says when it returns
    COOLDOWN = "cooldown"  # the spam wait; every attempt restarts it
    APP_BLOCKED = "app_blocked"  # this app may not send for this user
    CHALLENGE = "challenge"  # prove you own the account (policy/challenge.py), then retry


@dataclass(frozen=True, slots=True)
class Challenge:
    """What a CHALLENGE asks: the rule and code that asked, and how long a pass lifts it
    (``engine.challenge_passed(user)``)."""

    rule: str
    code: str
    lifts_for: float  # seconds

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "code": self.code, "lifts_for": self.lifts_for}


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a rule refused (or, in shadow mode, would have refused)."""

    rule: str
    code: str  # stable, machine-readable: see docs/http.md "Error codes"
    message: str  # readable by the sender; never contains the message text
    verdict: Verdict
    retry_after: float | None = None

    @classmethod
    def storage_unavailable(cls, retry_after: float) -> Reason:
        """The fail_closed refusal: the storage (or the engine) is down and the rules say
        refuse rather than guess. The one place it is built: the engine and the middleware
        gate both answer it."""
        return cls("storage", "storage_unavailable",
                   "Messages cannot be checked right now. Try again shortly.",
                   Verdict.THROTTLE, retry_after)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "code": self.code,
            "message": self.message,
            "verdict": self.verdict.value,
            "retry_after": self.retry_after,
        }


@dataclass(frozen=True, slots=True)
class Quota:
    """The sender's standing against the first enforced quota rule."""

    limit: int
    remaining: int
    reset: float  # epoch seconds when capacity next returns (now if none is used)

    def to_dict(self) -> dict[str, Any]:
        return {"limit": self.limit, "remaining": self.remaining, "reset": self.reset}


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    reasons: tuple[Reason, ...] = ()
    retry_after: float | None = None
    quota: Quota | None = None
    shadow: tuple[Reason, ...] = ()  # what shadow rules would have refused
    degraded: str | None = None  # set when a storage failure mode answered instead
    at: float = 0.0  # the clock reading the decision was made at
    rules_version: str = ""
    challenge: Challenge | None = None  # set when the verdict is CHALLENGE

    @property
    def allowed(self) -> bool:
        return self.verdict is Verdict.ALLOW

    @property
    def code(self) -> str | None:
        """Code of the deciding reason (the first enforced refusal)."""
        return self.reasons[0].code if self.reasons else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "allowed": self.allowed,
            "verdict": self.verdict.value,
            "reasons": [r.to_dict() for r in self.reasons],
            "retry_after": self.retry_after,
            "quota": self.quota.to_dict() if self.quota else None,
            "shadow": [r.to_dict() for r in self.shadow],
            "degraded": self.degraded,
            "at": self.at,
            "rules_version": self.rules_version,
            "challenge": self.challenge.to_dict() if self.challenge else None,
        }
