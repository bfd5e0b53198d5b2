"""Followers only: a direct message goes only to users who follow the sender.

A message inside an existing group conversation is exempt: its members were
checked when they were invited (see the ``group`` check).
"""

from __future__ import annotations

from dataclasses import dataclass

from policy.checks.base import Facts, Finding
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.requests import SendRequest

KIND = "follows"
STATEFUL = False


@dataclass(frozen=True, slots=True)
class Params:
    pass


def parse(reader: ParamReader) -> Params:
    return Params()


def needs(params: Params) -> dict[str, object]:
    return {}


def evaluate(request: SendRequest, facts: Facts, params: Params) -> Finding | None:
    if request.conversation is not None:
        return None
    strangers = [
        r for r in request.recipients if r != request.sender and r not in facts.follows_sender
    ]
    if not strangers:
        return None
    count = len(strangers)
    return Finding(
        "not_follower",
        Verdict.REJECT,
        "You can only send direct messages to users who follow you"
        + (f" ({count} recipients do not)." if count > 1 else "."),
    )


PARAM_DOCS: dict[str, str] = {}  # no parameters (docs/rules.md)
