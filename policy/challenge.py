"""The CHALLENGE verdict: a rule asks the host to make the sender prove they own the
account (a captcha, a phone code) instead of refusing outright.

A stateful rule lists the codes it answers with a challenge::

    [[rules]]
    name = "apps"
    check = "apps"
    revoke_on_self_message = false
    challenge = ["self_message"]   # these codes answer CHALLENGE, not their verdict
    challenge_ttl = "1d"           # how long a passed challenge lifts them (default 1d)

When such a code fires, the decision's verdict is ``CHALLENGE`` and
``Decision.challenge`` says which rule and code asked and for how long a pass lifts
it. The host runs its challenge and, when the owner passes, calls
``engine.challenge_passed(user)``: for ``challenge_ttl`` (one pass for the sender: the
longest ``challenge_ttl`` of the rules, which ``Decision.challenge.lifts_for`` tells), no
code a rule answers with a challenge fires for that sender (the send goes
on as if the rule had found nothing). The pass is kept under the sender's hash tag
with a TTL (memory:// in the sender's state; Redis in the sender's slices hash,
field ``!challenge``), read by the transition in the same round trip, the same on
every storage. Only stateful rules may challenge: the pass is sender state.
"""

from __future__ import annotations

from typing import Any

from policy.durations import parse_duration
from policy.errors import RulesError

DEFAULT_TTL = 86400.0
STATE_FIELD = "!challenge"  # Redis: the pass's field in the slices hash (no rule name has "!")


def pass_ttl(rules: Any) -> float:
    """How long a passed challenge lifts the challenges of ``rules``: the longest of their
    ``challenge_ttl`` (``DEFAULT_TTL`` when none challenges)."""
    return max((r.challenge_ttl for r in rules if r.challenge), default=DEFAULT_TTL)


def parse_challenge(raw: dict[str, Any], module: Any, params: Any, *, file: str | None,
                    rule: str) -> tuple[frozenset[str], float]:
    """The ``challenge`` codes and ``challenge_ttl`` of one rule's raw table (popped from
    ``raw``), validated against the rule's kind: errors name file, rule and field."""
    codes = raw.pop("challenge", None)
    ttl_raw = raw.pop("challenge_ttl", None)
    if codes is None:
        if ttl_raw is not None:
            raise RulesError("is only meaningful with `challenge`", file=file, rule=rule,
                             field="challenge_ttl")
        return frozenset(), 0.0
    if not isinstance(codes, list) or not codes or not all(isinstance(c, str) for c in codes):
        raise RulesError("must be a non-empty list of the rule's refusal codes, e.g. "
                         "[\"self_message\"]", file=file, rule=rule, field="challenge")
    if not module.STATEFUL:
        raise RulesError(f"a {module.KIND} rule cannot challenge: only stateful checks "
                         "can (a passed challenge is sender state)", file=file, rule=rule,
                         field="challenge")
    known = getattr(module, "CODES", None)  # a kind without CODES: its finding tells
    for code in codes:
        try:
            if known is not None and code not in known:
                raise KeyError(code)
            module.finding(params, code, None)
        except KeyError:
            listed = f" (its codes: {', '.join(known)})" if known is not None else ""
            raise RulesError(f"{code!r} is not a refusal code of the {module.KIND} check"
                             f"{listed}", file=file, rule=rule, field="challenge") from None
    try:
        ttl = parse_duration(DEFAULT_TTL if ttl_raw is None else ttl_raw)
    except ValueError as exc:
        raise RulesError(str(exc), file=file, rule=rule, field="challenge_ttl") from None
    return frozenset(codes), ttl
