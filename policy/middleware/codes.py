"""The HTTP face of a refusal: each stable refusal code -> a Twitter-style numeric code and status.

The numbers follow the Twitter API v1.1 error envelope
(``{"errors": [{"code": N, "message": "..."}]}``) that the seed endpoint
``POST direct_messages/new`` answers with. Where Twitter had a code for the
same refusal it is reused (150, 354, 226, 326, 93, 349, 88, 130); refusals
Twitter had no code for use dm-policy's own 7xx block. These numbers are part
of the public API: never renumber one, only add.
"""

from __future__ import annotations

from dataclasses import dataclass

from policy.decision import Verdict


@dataclass(frozen=True, slots=True)
class ErrorCode:
    code: int  # the numeric code of the envelope
    status: int  # the HTTP status
    summary: str  # what it means, for the table of docs/http.md


# Refusals by the policy (a Reason's stable code).
REFUSALS: dict[str, ErrorCode] = {
    "not_follower": ErrorCode(150, 403, "the recipient does not follow the sender"),
    "text_empty": ErrorCode(701, 403, "the text is empty or only spaces"),
    "text_too_long": ErrorCode(354, 403, "the text is over the character limit (140)"),
    "sms_too_long": ErrorCode(702, 403, "over SMS, `d username text` is over 160 characters"),
    "group_too_large": ErrorCode(703, 403, "a group of more than 20 people"),
    "blocked_member": ErrorCode(704, 403, "a new group where one participant blocks another"),
    "invitee_not_follower": ErrorCode(705, 403, "an invitee does not follow the inviter"),
    "invitee_blocked": ErrorCode(706, 403, "an invitee is blocked by a member or blocks one (another invitee included)"),
    "not_a_member": ErrorCode(707, 403, "the inviter or sender is not a member of the conversation"),
    "self_message": ErrorCode(349, 403, "a message to oneself (a sign of a compromised app)"),
    "app_revoked": ErrorCode(93, 403, "this third-party app may no longer send for this user"),
    "duplicate_content": ErrorCode(226, 403, "the same text to too many accounts: spam, the wait starts"),
    "duplicate_contact": ErrorCode(227, 403,
                                   "one phone number or link to too many accounts: spam, the wait starts"),
    "cooldown_active": ErrorCode(326, 403, "the spam wait is running; each attempt restarts it"),
    "too_many_strangers": ErrorCode(708, 429,
                                    "too many people the sender doesn't follow back reached in the window"),
    "reported_as_spam": ErrorCode(710, 403,
                                  "enough strangers the sender wrote to reported it as spam"),
    "links_to_strangers": ErrorCode(711, 429,
                                    "phone numbers, links, addresses or promotions sent to too many "
                                    "people the sender doesn't follow back in the window"),
    "quota_exceeded": ErrorCode(88, 429, "the daily limit (1,000) is reached"),
    "storage_unavailable": ErrorCode(130, 429, "storage down and the rules say fail_closed"),
}

# A code this table does not know yet (a new check kind) still gets an answer, by verdict.
BY_VERDICT: dict[Verdict, ErrorCode] = {
    Verdict.REJECT: ErrorCode(151, 403, "a refusal without a code of its own"),
    Verdict.COOLDOWN: ErrorCode(226, 403, "a wait without a code of its own"),
    Verdict.THROTTLE: ErrorCode(88, 429, "a limit without a code of its own"),
    Verdict.APP_BLOCKED: ErrorCode(93, 403, "an app block without a code of its own"),
}

# A CHALLENGE (policy/challenge.py): whatever the rule's code, the host must have the owner
# prove it is them; the body's "challenge" field says which rule and code asked.
CHALLENGE = ErrorCode(709, 403, "prove you own the account (the body's `challenge` says why), "
                                "then retry")

# Requests the policy cannot judge: answered before the engine is asked.
UNAUTHENTICATED = ErrorCode(32, 401, "no authenticated sender")
MISSING_PARAMETER = ErrorCode(38, 400, "a required parameter is missing")
INVALID_PARAMETER = ErrorCode(195, 400, "malformed body or parameter")
BODY_TOO_LARGE = ErrorCode(195, 413, "the body is larger than the middleware reads")
USER_NOT_FOUND = ErrorCode(50, 404, "the host's resolver knows no such screen name")
NOT_FOUND = ErrorCode(34, 404, "no such resource (reference server)")
INVALID_TOKEN = ErrorCode(89, 401, "the bearer token is unknown (reference server)")
APP_NOT_ALLOWED = ErrorCode(93, 403, "an app's token on /1.1/apps/revoke or restore (reference server)")
SERVICE_UNAVAILABLE = ErrorCode(130, 503, "the storage is down: an admin call was not done")

REQUEST_ERRORS: dict[str, ErrorCode] = {
    "unauthenticated": UNAUTHENTICATED,
    "missing_parameter": MISSING_PARAMETER,
    "invalid_parameter": INVALID_PARAMETER,
    "body_too_large": BODY_TOO_LARGE,
    "user_not_found": USER_NOT_FOUND,
    "not_found": NOT_FOUND,
    "invalid_token": INVALID_TOKEN,
    "service_unavailable": SERVICE_UNAVAILABLE,
    "app_not_allowed": APP_NOT_ALLOWED,
}


def for_refusal(code: str | None, verdict: Verdict) -> ErrorCode:
    """The numeric code and status of a refusal's stable ``code``."""
    if verdict is Verdict.CHALLENGE:
        return CHALLENGE
    known = REFUSALS.get(code or "")
    if known is not None:
        return known
    return BY_VERDICT.get(verdict, BY_VERDICT[Verdict.REJECT])
