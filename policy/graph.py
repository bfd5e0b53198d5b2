"""The social graph is the host's: the engine asks it, and stores none of it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from policy.conditions import SenderContext
from policy.requests import InviteRequest


@runtime_checkable
class SocialGraph(Protocol):
    """What the engine needs to know about who follows and blocks whom.

    ``has_written(author, reader)`` is optional evidence for the duplicates
    rule (a conversation that goes both ways is not spam); a graph without it
    is treated as knowing no conversations. ``attributes(user)`` is optional too:
    what the host knows of a sender (a mapping of the attributes of
    ``policy/conditions.py``, or None), read only when a rule has a ``when``; the
    request's ``context`` wins attribute by attribute. ``conversation_started(
    conversation)`` is optional as well: who started a group conversation and when
    (``(user, epoch seconds)``, or None if unknown); a conversation its sender started
    within the last day counts for the duplicates rules as the new group it is, each
    member a recipient, not as one.
    """

    def follows(self, follower: str, followee: str) -> bool: ...

    def blocks(self, blocker: str, blocked: str) -> bool: ...


class MemoryGraph:
    """An in-memory graph for tests, demos, replays and small hosts."""

    def __init__(self) -> None:
        self._following: dict[str, set[str]] = defaultdict(set)
        self._blocking: dict[str, set[str]] = defaultdict(set)
        self._written: dict[str, set[str]] = defaultdict(set)
        self._attributes: dict[str, SenderContext] = {}
        self._started: dict[str, tuple[str, float]] = {}

    def follow(self, follower: str, followee: str) -> None:
        self._following[follower].add(followee)

    def unfollow(self, follower: str, followee: str) -> None:
        self._following[follower].discard(followee)

    def block(self, blocker: str, blocked: str) -> None:
        self._blocking[blocker].add(blocked)

    def unblock(self, blocker: str, blocked: str) -> None:
        self._blocking[blocker].discard(blocked)

    def record_message(self, author: str, reader: str) -> None:
        """Note that ``author`` wrote to ``reader`` (the host calls this on delivery)."""
        self._written[author].add(reader)

    def set_attributes(self, user: str, attributes: Mapping[str, Any] | None = None,
                       **more: Any) -> None:
        """What the host knows of ``user`` (validated now: a wrong type or an unknown
        attribute is an ``InvalidRequest``); replaces what was set before."""
        merged = {**(attributes or {}), **more}
        self._attributes[user] = SenderContext.of(merged, where="attributes")

    def attributes(self, user: str) -> SenderContext | None:
        return self._attributes.get(user)

    def start_conversation(self, conversation: str, user: str, at: float) -> None:
        """Note that ``user`` started ``conversation`` at ``at`` (the host calls this when
        a group conversation is made, by invitation or by a first message)."""
        self._started[conversation] = (user, float(at))

    def record_invite(self, invite: InviteRequest, at: float) -> None:
        """Note an invitation the engine allowed (the host calls this on delivery, as
        ``record_message``): one into no members made its conversation, started then."""
        if not invite.members:
            self.start_conversation(invite.conversation, invite.inviter, at)

    def conversation_started(self, conversation: str) -> tuple[str, float] | None:
        return self._started.get(conversation)

    def follows(self, follower: str, followee: str) -> bool:
        return followee in self._following.get(follower, ())

    def blocks(self, blocker: str, blocked: str) -> bool:
        return blocked in self._blocking.get(blocker, ())

    def has_written(self, author: str, reader: str) -> bool:
        return reader in self._written.get(author, ())
