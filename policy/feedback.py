"""Recipient feedback (``Engine.report``): what a report is, and what became of it.

A report says that ``reporter`` reported a message of ``sender`` as spam, or blocked
the sender right after it. It is recorded in the sender's state (under the sender's
hash tag, one round trip) by the rules whose kind takes reports (``report`` hook, see
``policy/checks/base.py``; the ``reports`` kind): never the message, and the reporter
only as a keyed hash.
"""

from __future__ import annotations

from dataclasses import dataclass

from policy.checks.base import Features
from policy.core import TransitionInput, TransitionResult
from policy.errors import InvalidRequest
from policy.rules import Rule

KINDS = ("spam", "block")
NO_RULE = "no_rule"  # no rule of the rule set takes reports: nothing was stored


@dataclass(frozen=True, slots=True)
class ReportOutcome:
    """What the rules that take reports did with one: per rule, ``counted``, ``repeated``
    (this reporter already counted within the window), ``not_reached`` (the sender did
    not write to the reporter as a stranger within the strangers rule's window) or
    ``replied`` (the reporter has written to the sender: evidence of a conversation)."""

    kind: str
    outcomes: tuple[tuple[str, str], ...] = ()  # (rule, outcome), in rule order

    @property
    def counted(self) -> bool:
        return any(outcome == "counted" for _, outcome in self.outcomes)

    @property
    def outcome(self) -> str:
        """One word for the metrics: counted if any rule counted it, else the first rule's."""
        if self.counted:
            return "counted"
        return self.outcomes[0][1] if self.outcomes else NO_RULE


def check_kind(kind: object) -> str:
    if kind not in KINDS:
        raise InvalidRequest(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    return kind  # type: ignore[return-value]


def report_input(rules: tuple[Rule, ...], reporter_unit: str, replied: bool, kind: str
                 ) -> TransitionInput | None:
    """The transition of one report (None: no rule takes reports, no round trip)."""
    if not any(hasattr(rule.module, "report") for rule in rules):
        return None
    features = Features(app=None, self_message=False, signature=None, text_chars=0,
                        units=((reporter_unit, replied),), report=kind)
    return TransitionInput(rules=rules, features=features, refused_before=False)


def outcome_of(kind: str, result: TransitionResult | None) -> ReportOutcome:
    if result is None:
        return ReportOutcome(kind)
    return ReportOutcome(kind, tuple((hit.rule, hit.code) for hit in result.fired))
