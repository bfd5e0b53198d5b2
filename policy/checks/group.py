"""Group conversations: at most 20 people; invite only your followers; no one a member blocked.

Any member may invite their own followers, even if the others do not follow
them. Someone blocked by any member cannot be invited. The size counts every
participant, the sender included.
"""

from __future__ import annotations

from dataclasses import dataclass

from policy.checks.base import Facts, Finding
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.requests import InviteRequest, SendRequest

KIND = "group"
STATEFUL = False


@dataclass(frozen=True, slots=True)
class Params:
    max_people: int


def parse(reader: ParamReader) -> Params:
    return Params(max_people=reader.integer("max_people", 20, minimum=2))


def _too_large(count: int, params: Params) -> Finding:
    return Finding(
        "group_too_large",
        Verdict.REJECT,
        f"A group message can include up to {params.max_people} people; this one has {count}.",
    )


def _blocked() -> Finding:
    return Finding(
        "blocked_member",
        Verdict.REJECT,
        "Someone in this group has been blocked by another participant and cannot be added.",
    )


def needs(params: Params) -> dict[str, object]:
    return {"blocked_pairs_up_to": params.max_people}


def evaluate(request: SendRequest, facts: Facts, params: Params) -> Finding | None:
    people = len({request.sender, *request.recipients})
    if people > params.max_people:
        return _too_large(people, params)
    # A new group (several recipients, no conversation yet): everyone is invited now.
    if request.conversation is None and len(request.recipients) > 1 and facts.blocked_pairs:
        return _blocked()
    return None


def evaluate_invite(invite: InviteRequest, facts: Facts, params: Params) -> Finding | None:
    members = set(invite.members)
    if members and invite.inviter not in members:
        return Finding(
            "not_a_member", Verdict.REJECT, "Only a member of the conversation can invite people."
        )
    newcomers = [i for i in invite.invitees if i not in members and i != invite.inviter]
    people = len(members | {invite.inviter} | set(newcomers))
    if people > params.max_people:
        return _too_large(people, params)
    strangers = [i for i in newcomers if i not in facts.follows_sender]
    if strangers:
        return Finding(
            "invitee_not_follower",
            Verdict.REJECT,
            "You can only invite users who follow you to a group.",
        )
    if facts.blocked_pairs:
        return Finding(
            "invitee_blocked",
            Verdict.REJECT,
            "A user blocked by someone in the conversation cannot be invited.",
        )
    return None


# What each parameter does: docs/rules.md is generated from these and from ``parse``
# (python -m policy.checks.reference --write).
PARAM_DOCS = {
    "max_people": "people in a group conversation at most, the sender included",
}
