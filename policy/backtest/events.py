"""The event format of simulations and replays: JSON Lines, one event per line, in time order.

Every event has ``t`` (epoch seconds, never decreasing along the file) and
``type``. The graph events describe the host's social graph and come before
the sends that depend on them:

- ``{"t": ..., "type": "follow", "follower": "u1", "followee": "u2"}``
  (also ``unfollow``; ``block`` / ``unblock`` with ``blocker`` and ``blocked``)
- ``{"t": ..., "type": "send", "sender": "u1", "recipients": ["u2"], "text": "...",
  "app": null, "channel": "api", "conversation": null, "label": "ham", "tag": "conversation"}``
  where ``text`` may be replaced by ``text_sha256`` (64 hex digits) when the
  text itself may not be kept; ``app``, ``channel``, ``conversation``,
  ``label`` (``ham`` / ``spam``, when known) and ``tag`` (what kind of
  behaviour produced it) are optional.
- ``{"t": ..., "type": "invite", "inviter": "u1", "invitees": ["u2"], "conversation": "c1",
  "members": ["u1"]}``
- ``{"t": ..., "type": "report", "reporter": "u2", "sender": "u1", "kind": "spam"}``: a
  recipient reported the sender as spam (``kind`` ``spam``) or blocked it (``block``)
  (``Engine.report``; ``policy/backtest/feedback.py`` adds them to a simulation)
- ``{"t": ..., "type": "meta", ...}``: free-form information on the file (seed, sizes),
  reported but never replayed.
- ``{"t": ..., "type": "decision", "sender": "<hash>", ...}``: a send as the decision log
  wrote it (``policy/decisionlog.py``): hashed ids, the text's facts without its words,
  the graph's answers; ``{"t": ..., "type": "action", "action": "lift_cooldown",
  "user": "<hash>"}``: an audited action the log wrote, which the replay applies. These
  lines may go back in time by up to ``SLACK_SECONDS`` (threads finish in another order
  than they decided): they are put back in order.

``read_events`` reads any iterable of lines lazily: memory does not grow
with the file. A bad line raises ``EventError`` naming its line number.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from policy.decisionlog import (
    SLACK_SECONDS,
    ActionEvent,
    DecisionEvent,
    parse_action,
    parse_decision,
)
from policy.errors import InvalidRequest, PolicyError
from policy.requests import CHANNELS, MAX_TEXT_CHARS, require_id, require_ids

LABELS = ("ham", "spam")
GRAPH_TYPES = {
    "follow": ("follower", "followee"),
    "unfollow": ("follower", "followee"),
    "block": ("blocker", "blocked"),
    "unblock": ("blocker", "blocked"),
}
EVENT_TYPES = (*GRAPH_TYPES, "send", "invite", "report", "meta", "decision", "action")
REPORT_KINDS = ("spam", "block")
MAX_LINE_CHARS = 1_000_000
_HEX = frozenset("0123456789abcdef")


class EventError(PolicyError, ValueError):
    """An event line is invalid: not JSON, a missing or wrong field, out of time order."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.line = line
        self.problem = message
        super().__init__(f"line {line}: {message}" if line is not None else message)


@dataclass(frozen=True, slots=True)
class GraphEvent:
    t: float
    type: str  # follow, unfollow, block, unblock
    a: str  # follower or blocker
    b: str  # followee or blocked
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        first, second = GRAPH_TYPES[self.type]
        return {"t": self.t, "type": self.type, first: self.a, second: self.b}


@dataclass(frozen=True, slots=True)
class SendEvent:
    t: float
    sender: str
    recipients: tuple[str, ...]
    text: str | None = None
    text_sha256: str | None = None
    app: str | None = None
    channel: str = "api"
    conversation: str | None = None
    label: str | None = None
    tag: str | None = None
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"t": self.t, "type": "send", "sender": self.sender,
                               "recipients": list(self.recipients)}
        if self.text is not None:
            out["text"] = self.text
        if self.text_sha256 is not None:
            out["text_sha256"] = self.text_sha256
        for name in ("app", "conversation", "label", "tag"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.channel != "api":
            out["channel"] = self.channel
        return out


@dataclass(frozen=True, slots=True)
class InviteEvent:
    t: float
    inviter: str
    invitees: tuple[str, ...]
    conversation: str
    members: tuple[str, ...] = ()
    label: str | None = None
    tag: str | None = None
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"t": self.t, "type": "invite", "inviter": self.inviter,
                               "invitees": list(self.invitees),
                               "conversation": self.conversation, "members": list(self.members)}
        for name in ("label", "tag"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@dataclass(frozen=True, slots=True)
class ReportEvent:
    t: float
    reporter: str
    sender: str
    kind: str = "spam"  # spam or block
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"t": self.t, "type": "report", "reporter": self.reporter, "sender": self.sender,
                "kind": self.kind}


@dataclass(frozen=True, slots=True)
class MetaEvent:
    t: float
    info: dict[str, Any]
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {**self.info, "t": self.t, "type": "meta"}


Event = (GraphEvent | SendEvent | InviteEvent | ReportEvent | MetaEvent | DecisionEvent
         | ActionEvent)


def text_sha256(text: str) -> str:
    """The hash an event carries instead of its text (hex SHA-256 of the UTF-8 bytes)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _optional_id(raw: dict[str, Any], name: str) -> str | None:
    value = raw.get(name)
    return None if value is None else require_id(value, name)


def _optional_choice(raw: dict[str, Any], name: str, choices: tuple[str, ...]) -> str | None:
    value = raw.get(name)
    if value is not None and value not in choices:
        raise InvalidRequest(f"{name} must be one of {', '.join(choices)} or null, got {value!r}")
    return value


def _optional_tag(raw: dict[str, Any]) -> str | None:
    tag = raw.get("tag")
    if tag is not None and (not isinstance(tag, str) or not 0 < len(tag) <= 64):
        raise InvalidRequest("tag must be a string of 1 to 64 characters or null")
    return tag


def parse_event(raw: Any, *, line: int = 0) -> Event:
    """One event from its decoded JSON object (``EventError`` if it is not a valid event)."""
    try:
        return _parse(raw, line)
    except InvalidRequest as exc:
        raise EventError(exc.message, line=line) from None


def _parse(raw: Any, line: int) -> Event:
    if not isinstance(raw, dict):
        raise InvalidRequest(f"an event must be a JSON object, got {type(raw).__name__}")
    t = raw.get("t")
    if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0 <= t < 1e11:
        raise InvalidRequest("t must be epoch seconds (a number from 0 to 1e11)")
    kind = raw.get("type")
    if kind not in EVENT_TYPES:
        raise InvalidRequest(f"type must be one of {', '.join(EVENT_TYPES)}, got {kind!r}")
    t = float(t)
    if kind in GRAPH_TYPES:
        first, second = GRAPH_TYPES[kind]
        a, b = require_id(raw.get(first), first), require_id(raw.get(second), second)
        return GraphEvent(t, kind, a, b, line)
    if kind == "meta":
        return MetaEvent(t, {k: v for k, v in raw.items() if k not in ("t", "type")}, line)
    if kind == "decision":
        return parse_decision(raw, t, line)
    if kind == "action":
        return parse_action(raw, t, line)
    if kind == "report":
        report_kind = raw.get("kind", "spam")
        if report_kind not in REPORT_KINDS:
            raise InvalidRequest(f"kind must be one of {', '.join(REPORT_KINDS)}, "
                                 f"got {report_kind!r}")
        return ReportEvent(t, require_id(raw.get("reporter"), "reporter"),
                           require_id(raw.get("sender"), "sender"), report_kind, line)
    if kind == "invite":
        return InviteEvent(
            t,
            require_id(raw.get("inviter"), "inviter"),
            require_ids(raw.get("invitees"), "invitees"),
            require_id(raw.get("conversation"), "conversation"),
            require_ids(raw.get("members", []), "members", allow_empty=True),
            _optional_choice(raw, "label", LABELS),
            _optional_tag(raw),
            line,
        )
    return _parse_send(raw, t, line)


def _parse_send(raw: dict[str, Any], t: float, line: int) -> SendEvent:
    text, digest = raw.get("text"), raw.get("text_sha256")
    if text is None and digest is None:
        raise InvalidRequest("a send needs text or text_sha256")
    if text is not None and (not isinstance(text, str) or len(text) > MAX_TEXT_CHARS):
        raise InvalidRequest(f"text must be a string of at most {MAX_TEXT_CHARS} characters")
    if digest is not None and (
        not isinstance(digest, str) or len(digest) != 64 or not set(digest) <= _HEX
    ):
        raise InvalidRequest("text_sha256 must be 64 lowercase hex digits")
    channel = raw.get("channel", "api")
    if channel not in CHANNELS:
        raise InvalidRequest(f"channel must be one of {', '.join(CHANNELS)}, got {channel!r}")
    return SendEvent(
        t,
        require_id(raw.get("sender"), "sender"),
        require_ids(raw.get("recipients"), "recipients"),
        text,
        digest,
        _optional_id(raw, "app"),
        channel,
        _optional_id(raw, "conversation"),
        _optional_choice(raw, "label", LABELS),
        _optional_tag(raw),
        line,
    )


def read_events(lines: Iterable[str]) -> Iterator[Event]:
    """Events from JSON lines, lazily, checking that time never goes back.

    Blank lines are skipped. The first bad line raises ``EventError``; the
    events before it have already been yielded (but decision lines held back to
    be put in order, at most ``SLACK_SECONDS`` of them).
    """
    last = float("-inf")
    held: list[tuple[float, int, DecisionEvent | ActionEvent]] = []  # log lines, by time
    for number, text in enumerate(lines, start=1):
        if len(text) > MAX_LINE_CHARS:
            raise EventError(f"line longer than {MAX_LINE_CHARS} characters", line=number)
        stripped = text.strip()
        if not stripped:
            continue
        try:
            raw = json.loads(stripped)
        except ValueError as exc:
            raise EventError(f"not JSON ({exc.msg})", line=number) from None
        event = parse_event(raw, line=number)
        if isinstance(event, (DecisionEvent, ActionEvent)):
            if event.t < last - SLACK_SECONDS:
                raise EventError(f"t goes back in time ({event.t} after {last}) by more than "
                                 f"{SLACK_SECONDS:g} s", line=number)
            heapq.heappush(held, (event.t, number, event))
            last = max(last, event.t)
            while held and held[0][0] <= last - SLACK_SECONDS:
                yield heapq.heappop(held)[2]
            continue
        while held and (held[0][0] <= event.t or not isinstance(event, MetaEvent)):
            yield heapq.heappop(held)[2]
        if event.t < last and not isinstance(event, MetaEvent):
            raise EventError(f"t goes back in time ({event.t} after {last}): "
                             "events must be sorted by time", line=number)
        last = max(last, event.t)
        yield event
    while held:
        yield heapq.heappop(held)[2]


def open_events(path: str | Path) -> IO[str]:
    """Open an events file for reading (``-`` is standard input); an ``EventError`` if absent."""
    if str(path) == "-":
        return sys.stdin
    try:
        return open(path, encoding="utf-8")  # the caller closes it
    except OSError as exc:
        raise EventError(f"cannot read events file {path}: {exc.strerror}") from None


def dump_event(event: Event) -> str:
    """One JSON line (no newline) for ``event``: keys in a stable order, UTF-8 kept readable."""
    return json.dumps(event.to_dict(), ensure_ascii=False, separators=(",", ":"))
