"""The decision core: pure functions, no I/O, no clock, no globals.

A decision is made in three steps:

1. ``evaluate_stateless``: the checks that need only the request and the
   graph's answers (text length, followers, group), as ``stateless_checks``
   works them out once per rule set.
2. ``transition``: the checks that need the sender's remembered state
   (apps, cooldown, duplicates, quota), on a snapshot of that state and a
   time ``now``. It returns what fired and the sender's *new* state; a
   storage driver commits it atomically. The Redis driver runs the same
   transition as a Lua script (``policy/storage/transition.lua``); both
   drivers pass one shared test suite.
3. ``assemble``: the ``Decision`` from what fired, in rule order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from policy.checks import apps as apps_check
from policy.checks import cooldown as cooldown_check
from policy.checks import duplicates as duplicates_check
from policy.checks import quota as quota_check
from policy.checks.base import Facts, Finding
from policy.decision import Decision, Quota, Reason, Verdict
from policy.requests import InviteRequest, SendRequest
from policy.rules import Mode, Rule, RuleSet
from policy.state import Cluster, SenderState

_LAST = attrgetter("last")


@dataclass(frozen=True, slots=True)
class Features:
    """What the stateful checks need to know of one send, already hashed.

    ``units`` are the recipients as the duplicates rule counts them (one per
    user, or one for a group conversation), each with whether there is
    evidence of a real relationship. ``signature`` is None when no duplicates
    rule is active.
    """

    app: str | None
    self_message: bool
    signature: bytes | None
    text_chars: int  # length of the normalised text: short ones are never traced
    units: tuple[tuple[str, bool], ...]
    cost: int = 1


@dataclass(frozen=True, slots=True)
class TransitionInput:
    rules: tuple[Rule, ...]  # the stateful rules, in file order, none "off"
    features: Features
    refused_before: bool  # an enforced stateless rule already refuses this send


@dataclass(frozen=True, slots=True)
class Fired:
    rule: str
    code: str
    retry_after: float | None = None


@dataclass(frozen=True, slots=True)
class Standing:
    limit: int
    remaining: int
    reset: float


@dataclass(frozen=True, slots=True)
class TransitionResult:
    now: float
    fired: tuple[Fired, ...]
    standings: tuple[tuple[str, Standing], ...]  # quota rule -> standing after the send
    allowed: bool
    revoked_app: bool = False  # a self-message revoked the sending app for this sender


Evaluate = Callable[[SendRequest, Facts, Any], Finding | None]


def stateless_checks(rules: tuple[Rule, ...]) -> tuple[tuple[Rule, Evaluate], ...]:
    """The active stateless rules, each with its check's ``evaluate`` (once per rule set)."""
    return tuple((r, r.module.evaluate) for r in rules if not r.stateful and r.mode is not Mode.OFF)


def evaluate_stateless(
    checks: tuple[tuple[Rule, Evaluate], ...], request: SendRequest, facts: Facts
) -> list[tuple[Rule, Finding]]:
    """What the stateless checks (from ``stateless_checks``) find in ``request``."""
    found: list[tuple[Rule, Finding]] = []
    for rule, evaluate in checks:
        finding = evaluate(request, facts, rule.params)
        if finding is not None:
            found.append((rule, finding))
    return found


def evaluate_invite(
    rules: tuple[Rule, ...], invite: InviteRequest, facts: Facts
) -> list[tuple[Rule, Finding]]:
    found: list[tuple[Rule, Finding]] = []
    for rule in rules:
        if rule.kind == "group" and rule.mode is not Mode.OFF:
            finding = rule.module.evaluate_invite(invite, facts, rule.params)
            if finding is not None:
                found.append((rule, finding))
    return found


def transition(
    state: SenderState | None, inp: TransitionInput, now: float
) -> tuple[TransitionResult, SenderState]:
    """The stateful checks on a snapshot. Pure: ``state`` is not modified."""
    before = state if state is not None else SenderState()
    after = _successor(before)
    feats = inp.features
    fired: list[Fired] = []
    refused = inp.refused_before
    revoked_app = False
    used_before: list[tuple[Rule, int]] = []  # quota rule -> live count before this send
    # duplicates rule -> (best match, recipients it adds, the live trace it was found in)
    matches: dict[str, tuple[Cluster | None, tuple[str, ...], list[Cluster]]] = {}

    # Expired state goes first, so that what is kept stays bounded (both are usually empty).
    if after.revoked:
        after.revoked = {app: until for app, until in after.revoked.items() if until > now}
    if after.cooldown:
        after.cooldown = {rule: until for rule, until in after.cooldown.items() if until > now}

    for rule in inp.rules:
        hit: Fired | None = None
        if rule.kind == "apps":
            p: apps_check.Params = rule.params
            if feats.app is not None and before.revoked.get(feats.app, 0.0) > now:
                hit = Fired(rule.name, "app_revoked")
            elif feats.self_message:
                hit = Fired(rule.name, "self_message")
                if rule.mode is Mode.ENFORCE and p.revoke_on_self_message and feats.app:
                    after.revoked[feats.app] = now + p.revocation_ttl
                    revoked_app = True
        elif rule.kind == "cooldown":
            c: cooldown_check.Params = rule.params
            until = before.cooldown.get(rule.name, 0.0)
            if until > now:
                if c.restart_on_attempt:
                    until = now + c.duration
                    after.cooldown[rule.name] = until
                hit = Fired(rule.name, "cooldown_active", until - now)
        elif rule.kind == "duplicates":
            d: duplicates_check.Params = rule.params
            if feats.signature is not None and feats.text_chars >= d.min_chars:
                live = duplicates_check.live_clusters(before.traces.get(rule.name, ()), now, d)
                match = duplicates_check.best_match(live, feats.signature, d)
                added = duplicates_check.new_units(match, feats.units)
                matches[rule.name] = (match, added, live)
                if duplicates_check.fires(match, added, d):
                    retry = None
                    for cool in inp.rules:
                        if cool.kind != "cooldown" or rule.name not in cool.params.triggered_by:
                            continue
                        # A shadow rule never changes what the sender experiences.
                        if cool.mode is Mode.SHADOW or rule.mode is Mode.ENFORCE:
                            after.cooldown[cool.name] = now + cool.params.duration
                            if cool.mode is Mode.ENFORCE:
                                retry = max(retry or 0.0, cool.params.duration)
                    hit = Fired(rule.name, "duplicate_content", retry)
        elif rule.kind == "quota":
            q: quota_check.Params = rule.params
            live_b = quota_check.live_buckets(before.quota.get(rule.name, {}), now, q)
            after.quota[rule.name] = live_b
            used = sum(live_b.values())
            if used + feats.cost > q.limit:
                at = quota_check.capacity_at(live_b, feats.cost, q)
                hit = Fired(rule.name, "quota_exceeded", None if at is None else at - now)
            used_before.append((rule, used))
        if hit is not None:
            fired.append(hit)
            if rule.mode is Mode.ENFORCE:
                refused = True

    allowed = not refused
    if allowed:
        standings = _consume(after, inp.features.cost, now, used_before)
        if matches:
            _record_traces(after, inp, now, matches)
    else:
        standings = [(rule.name, _standing(rule.params, used, after.quota[rule.name], now))
                     for rule, used in used_before]
    for rule in inp.rules:
        if rule.kind == "duplicates" and not (allowed and rule.name in matches):
            # Not recorded this time: still drop what has expired (the trace is unchanged
            # since it was matched against, so what was live then is live now).
            found = matches.get(rule.name)
            after.traces[rule.name] = tuple(
                found[2] if found is not None else
                duplicates_check.live_clusters(after.traces.get(rule.name, ()), now, rule.params)
            )
    if not all(after.traces.values()):
        after.traces = {name: t for name, t in after.traces.items() if t}
    if not all(after.quota.values()):
        after.quota = {name: b for name, b in after.quota.items() if b}
    after.expires_at = _expires_at(after, inp.rules, now)
    result = TransitionResult(now, tuple(fired), tuple(standings), allowed, revoked_app)
    return result, after


def _successor(state: SenderState) -> SenderState:
    """A copy of ``state`` for ``transition`` to change.

    Its dicts are new; what they hold is shared with ``state``: traces are tuples, and
    quota buckets are never changed in place (each quota rule gets new live buckets
    before ``_consume`` counts the send in them).
    """
    return SenderState(
        quota=dict(state.quota),
        cooldown=dict(state.cooldown),
        traces=dict(state.traces),
        revoked=dict(state.revoked),
        next_seq=state.next_seq,
        expires_at=state.expires_at,
    )


def _standing(q: quota_check.Params, used: int, live: dict[int, int], now: float) -> Standing:
    """A quota rule's standing with ``used`` of its live buckets ``live`` counted."""
    return Standing(q.limit, max(0, q.limit - used), quota_check.reset_at(live, now, q))


def _consume(
    after: SenderState, cost: int, now: float, used_before: list[tuple[Rule, int]]
) -> list[tuple[str, Standing]]:
    """Count an allowed send in each quota rule's live buckets; their standings after it."""
    updated: list[tuple[str, Standing]] = []
    for rule, used in used_before:
        q: quota_check.Params = rule.params
        buckets = after.quota[rule.name]  # the live buckets, new in this transition
        bucket = quota_check.bucket_of(now, q)
        buckets[bucket] = buckets.get(bucket, 0) + cost
        remaining = max(0, max(0, q.limit - used) - cost)  # as the standing before, less cost
        updated.append((rule.name, Standing(q.limit, remaining,
                                            quota_check.reset_at(buckets, now, q))))
    return updated


def _record_traces(
    after: SenderState,
    inp: TransitionInput,
    now: float,
    matches: dict[str, tuple[Cluster | None, tuple[str, ...], list[Cluster]]],
) -> None:
    signature = inp.features.signature
    for rule in inp.rules:
        if rule.kind != "duplicates" or rule.name not in matches:
            continue
        match, added, live = matches[rule.name]
        assert signature is not None  # matched only when there is a signature
        # ``live`` was taken from this same trace at this same ``now``: record() reuses it.
        clusters, used_seq = duplicates_check.record(
            after.traces.get(rule.name, ()), match, signature, added, now,
            after.next_seq, rule.params, live,
        )
        after.traces[rule.name] = clusters
        if used_seq:
            after.next_seq += 1


def _expires_at(state: SenderState, rules: tuple[Rule, ...], now: float) -> float:
    """When nothing of this state matters any more (the store may then drop it)."""
    ends = [now]
    ends.extend(state.cooldown.values())
    ends.extend(state.revoked.values())
    # A reload may keep a name for another kind of check: only a rule of the
    # same kind can say how long its old state matters (names are unique in a rule set).
    for rule in rules:
        if rule.kind == "quota":
            buckets = state.quota.get(rule.name)
            if buckets:
                ends.append(quota_check.drops_out_at(max(buckets), rule.params))
        elif rule.kind == "duplicates":
            clusters = state.traces.get(rule.name)
            if clusters:
                # This transition wrote the trace (live_clusters or record): most recent
                # first, but for a recorded cluster in front (the clock may have stepped back).
                ends.append(max(map(_LAST, clusters[:2])) + rule.params.window)
    return max(ends)


def stateful_message(rule: Rule, code: str, retry_after: float | None) -> str:
    if rule.kind == "quota":
        return quota_check.message(rule.params, retry_after)
    if rule.kind == "cooldown":
        return cooldown_check.message(rule.params, retry_after)
    if rule.kind == "duplicates":
        return duplicates_check.message(retry_after)
    return apps_check.MESSAGES[code]


_VERDICTS = {
    "app_revoked": Verdict.APP_BLOCKED,
    "self_message": Verdict.REJECT,
    "cooldown_active": Verdict.COOLDOWN,
    "duplicate_content": Verdict.COOLDOWN,
    "quota_exceeded": Verdict.THROTTLE,
}


def assemble(
    ruleset: RuleSet,
    stateless: list[tuple[Rule, Finding]],
    result: TransitionResult | None,
    *,
    now: float,
) -> Decision:
    """The decision: reasons in rule order; the first enforced one gives the verdict."""
    by_rule: dict[str, Reason] = {}
    for rule, finding in stateless:
        by_rule[rule.name] = Reason(rule.name, finding.code, finding.message, finding.verdict,
                                    finding.retry_after)
    if result is not None:
        for hit in result.fired:
            rule = ruleset.get(hit.rule)
            by_rule[hit.rule] = Reason(
                hit.rule, hit.code, stateful_message(rule, hit.code, hit.retry_after),
                _VERDICTS[hit.code], hit.retry_after,
            )
    reasons: list[Reason] = []
    shadow: list[Reason] = []
    if by_rule:  # most sends: nothing to put in order
        for rule in ruleset.rules:
            reason = by_rule.get(rule.name)
            if reason is None:
                continue
            (reasons if rule.mode is Mode.ENFORCE else shadow).append(reason)
    verdict = reasons[0].verdict if reasons else Verdict.ALLOW
    retry_after = None
    if verdict in (Verdict.THROTTLE, Verdict.COOLDOWN):
        waits = [r.retry_after for r in reasons if r.retry_after is not None]
        retry_after = max(waits) if waits else None
    quota = None
    if result is not None and result.standings:
        standings = dict(result.standings)
        for name in ruleset.enforced_quotas:
            s = standings.get(name)
            if s is not None:
                quota = Quota(limit=s.limit, remaining=s.remaining, reset=s.reset)
                break
    return Decision(
        verdict=verdict,
        reasons=tuple(reasons),
        retry_after=retry_after,
        quota=quota,
        shadow=tuple(shadow),
        at=now,
        rules_version=ruleset.version,
    )
