"""What the host asks about: a message to send, or an invitation to a group."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policy.conditions import EMPTY, SenderContext
from policy.errors import InvalidRequest

CHANNELS = ("api", "sms")
MAX_ID_CHARS = 256
MAX_PEOPLE = 1000  # recipients, invitees or members in one request: far above any group rule
MAX_TEXT_CHARS = 100_000  # far above any rule: a guard against absurd payloads


def require_id(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise InvalidRequest(f"{field} must be a string id, got {type(value).__name__}", field=field)
    if not value.strip():
        raise InvalidRequest(f"{field} must not be empty", field=field)
    if len(value) > MAX_ID_CHARS:
        raise InvalidRequest(f"{field} is longer than {MAX_ID_CHARS} characters", field=field)
    _require_encodable(value, field)
    return value


def _require_encodable(value: str, field: str) -> None:
    # A lone surrogate cannot be stored, hashed or sent back as UTF-8.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRequest(f"{field} is not valid Unicode (a lone surrogate)",
                             field=field) from None


def require_ids(values: Any, field: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, (tuple, list, frozenset, set)):
        raise InvalidRequest(
            f"{field} must be a tuple of string ids, got {type(values).__name__}", field=field
        )
    if len(values) > MAX_PEOPLE:
        raise InvalidRequest(f"{field} names more than {MAX_PEOPLE} users", field=field)
    ids = tuple(require_id(v, f"{field}[{i}]") for i, v in enumerate(values))
    if not ids and not allow_empty:
        raise InvalidRequest(f"{field} must name at least one user", field=field)
    if len(set(ids)) != len(ids):
        raise InvalidRequest(f"{field} names the same user twice", field=field)
    return ids


@dataclass(frozen=True, slots=True)
class SendRequest:
    """A direct message the host is about to deliver.

    ``recipients`` are user ids (for SMS, the screen names used in ``d username``).
    ``app`` is the third-party application that sends on the user's behalf
    (None for first-party clients). ``conversation`` names an existing group
    conversation; its members were checked when they were invited. ``context`` is what
    the host knows of the sender (a mapping of typed attributes or a ``SenderContext``,
    see ``policy/conditions.py``); rules with a ``when`` read it.
    """

    sender: str
    recipients: tuple[str, ...]
    text: str
    app: str | None = None
    channel: str = "api"
    conversation: str | None = None
    context: SenderContext | Any = EMPTY

    def __post_init__(self) -> None:
        require_id(self.sender, "sender")
        object.__setattr__(self, "recipients", require_ids(self.recipients, "recipients"))
        if not isinstance(self.text, str):
            raise InvalidRequest(f"text must be a str, got {type(self.text).__name__}", field="text")
        if len(self.text) > MAX_TEXT_CHARS:
            raise InvalidRequest(f"text is longer than {MAX_TEXT_CHARS} characters", field="text")
        _require_encodable(self.text, "text")
        if self.app is not None:
            require_id(self.app, "app")
        if self.channel not in CHANNELS:
            raise InvalidRequest(
                f"channel must be one of {', '.join(CHANNELS)}, got {self.channel!r}", field="channel"
            )
        if self.conversation is not None:
            require_id(self.conversation, "conversation")
        if self.context is not EMPTY:
            object.__setattr__(self, "context", SenderContext.of(self.context))


@dataclass(frozen=True, slots=True)
class InviteRequest:
    """``inviter`` adds ``invitees`` to ``conversation`` whose current ``members`` are given.

    An empty ``members`` means the conversation is being created by the inviter.
    """

    inviter: str
    invitees: tuple[str, ...]
    conversation: str
    members: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        require_id(self.inviter, "inviter")
        object.__setattr__(self, "invitees", require_ids(self.invitees, "invitees"))
        require_id(self.conversation, "conversation")
        object.__setattr__(self, "members", require_ids(self.members, "members", allow_empty=True))
