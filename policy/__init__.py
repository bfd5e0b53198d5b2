"""dm-policy: abuse and rate-limit policy for direct messages.

    from policy import Engine, SendRequest, MemoryGraph
"""

from policy.decision import Decision, Quota, Reason, Verdict
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
    "SocialGraph",
    "StorageError",
    "StorageUnavailable",
    "Verdict",
    "load_rules",
    "parse_rules",
]
