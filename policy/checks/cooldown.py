"""The spam wait: after a trigger rule fires, wait ``duration`` without any attempt.

Every attempt during the wait (allowed or not, whatever else is wrong with
it) restarts the wait, so the sender must stay quiet for the whole duration.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from policy.checks.params import ParamReader

KIND = "cooldown"
STATEFUL = True


@dataclass(frozen=True, slots=True)
class Params:
    duration: float
    triggered_by: tuple[str, ...]
    restart_on_attempt: bool


def parse(reader: ParamReader) -> Params:
    triggered_by = reader.string_list("triggered_by", ())
    if not triggered_by:
        raise reader.error("triggered_by", "must name at least one rule (e.g. ['duplicates'])")
    return Params(
        duration=reader.duration("duration", "30m"),
        triggered_by=triggered_by,
        restart_on_attempt=reader.boolean("restart_on_attempt", True),
    )


def message(params: Params, retry_after: float | None) -> str:
    wait = math.ceil((retry_after or params.duration) / 60)
    text = f"Sending is paused because of spam-like activity. Wait {wait} minutes"
    if params.restart_on_attempt:
        return text + " without any attempt to send: each attempt restarts the wait."
    return text + "."
