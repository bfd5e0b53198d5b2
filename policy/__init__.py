"""dm-policy: abuse and rate-limit policy for direct messages.

    from policy import Engine, SendRequest, MemoryGraph
"""

from policy.conditions import SenderContext
from policy.decision import Challenge, Decision, Quota, Reason, Verdict
from policy.engine import Engine
from policy.errors import (
    ClockError,
    InvalidRequest,
    PolicyError,
    RulesError,
    StorageError,
    StorageUnavailable,
)
from policy.graph import MemoryGraph, SocialGraph
from policy.requests import InviteRequest, SendRequest
from policy.rules import Mode, Rule, RuleSet, load_rules, parse_rules

__version__ = "0.1.0"

__all__ = [
    "Challenge",
    "ClockError",
    "Decision",
    "Engine",
    "InvalidRequest",
    "InviteRequest",
    "MemoryGraph",
    "Mode",
    "PolicyError",
    "Quota",
    "Reason",
    "Rule",
    "RuleSet",
    "RulesError",
    "SendRequest",
    "SenderContext",
    "SocialGraph",
    "StorageError",
    "StorageUnavailable",
    "Verdict",
    "load_rules",
    "parse_rules",
]
