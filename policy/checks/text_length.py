"""Text length: under the API limit (140); over SMS, whole in one SMS with ``d username``.

Over SMS a carrier splits a text longer than 160 characters; the tail arrives
as a second SMS without ``d username`` and is posted as a public Tweet. Such a
message is refused rather than half-leaked.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass

from policy.checks.base import Facts, Finding
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.requests import SendRequest

KIND = "text_length"
STATEFUL = False


@dataclass(frozen=True, slots=True)
class Params:
    max_chars: int
    sms_max_chars: int
    sms_command: str


def parse(reader: ParamReader) -> Params:
    params = Params(
        max_chars=reader.integer("max_chars", 140, minimum=1),
        sms_max_chars=reader.integer("sms_max_chars", 160, minimum=1),
        sms_command=reader.string("sms_command", "d {username} "),
    )
    # Checked here, not at the first SMS: any other field, a conversion, a format spec or a
    # stray brace would raise from .format() at every SMS decision.
    try:
        fields = [(name, conv, spec) for _, name, spec, conv in
                  string.Formatter().parse(params.sms_command) if name is not None]
    except ValueError as exc:
        raise reader.error("sms_command", f"is not a valid template ({exc}); "
                           "write {{ and }} for a brace") from None
    if any(f != ("username", None, "") for f in fields):
        raise reader.error("sms_command", "may hold no field but {username} "
                           "(write {{ and }} for a brace)")
    if not fields:
        raise reader.error("sms_command", "must contain {username}")
    return params


def char_count(text: str) -> int:
    """Characters as a person counts them: code points after NFC composition."""
    return len(unicodedata.normalize("NFC", text))


def needs(params: Params) -> dict[str, object]:
    return {}


def evaluate(request: SendRequest, facts: Facts, params: Params) -> Finding | None:
    length = char_count(request.text)
    if not request.text.strip():
        return Finding("text_empty", Verdict.REJECT, "The message is empty.")
    if request.channel == "sms":
        longest = max(
            char_count(params.sms_command.format(username=r)) for r in request.recipients
        )
        if longest + length > params.sms_max_chars:
            return Finding(
                "sms_too_long",
                Verdict.REJECT,
                f"Over SMS the message and its command take {longest + length} characters; "
                f"the limit is {params.sms_max_chars}. A longer SMS would be split and its "
                "tail posted publicly.",
            )
    elif length > params.max_chars:
        return Finding(
            "text_too_long",
            Verdict.REJECT,
            f"The message has {length} characters; the limit is {params.max_chars}.",
        )
    return None


# What each parameter does: docs/rules.md is generated from these and from ``parse``
# (python -m policy.checks.reference --write).
PARAM_DOCS = {
    "max_chars": "characters at most over the API",
    "sms_max_chars": (
        "characters at most of one SMS, `sms_command` included (a longer one is split by the carrier)"
    ),
    "sms_command": (
        "what the SMS channel adds before the text; must contain `{username}` and no other field"
        " (`{{` and `}}` for a brace)"
    ),
}
