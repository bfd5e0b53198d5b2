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
from dataclasses import dataclass, field
from typing import Any

from policy.challenge import pass_ttl
from policy.checks.base import Facts, Features, Finding, Fired, Mode, Standing, Step
from policy.decision import Challenge, Decision, Quota, Reason, Verdict
from policy.requests import InviteRequest, SendRequest
from policy.rules import PerRules, Rule, RuleSet, triggered
from policy.state import SenderState

__all__ = ["Features", "Fired", "Standing", "TransitionInput", "TransitionResult", "assemble",
           "evaluate_invite", "evaluate_stateless", "stateless_checks", "transition"]


@dataclass(frozen=True, slots=True)
class TransitionInput:
    rules: tuple[Rule, ...]  # the stateful rules, in file order, none "off"
    features: Features
    refused_before: bool  # an enforced stateless rule already refuses this send
    # rules whose `when` does not hold for this sender: not evaluated (policy/conditions.py)
    inactive: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class TransitionResult:
    now: float
    fired: tuple[Fired, ...]
    standings: tuple[tuple[str, Standing], ...]  # quota rule -> standing after the send
    allowed: bool
    revoked_app: bool = False  # a self-message revoked the sending app for this sender
    # How a storage with a state cache decided (policy/storage/redis/statecache.py):
    # "copy", "stale" (a copy was not current: the Lua did) or "lua" (no copy); not compared
    via: str | None = field(default=None, compare=False)


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
        evaluate = getattr(rule.module, "evaluate_invite", None)
        if evaluate is not None and rule.mode is not Mode.OFF:
            finding = evaluate(invite, facts, rule.params)
            if finding is not None:
                found.append((rule, finding))
    return found


def transition(
    state: SenderState | None, inp: TransitionInput, now: float
) -> tuple[TransitionResult, SenderState]:
    """The stateful checks on a snapshot. Pure: ``state`` is not modified.

    Each rule's kind does its part (``policy/checks/base.py``): ``prepare`` once per
    kind, ``step`` per rule in file order (a rule that fires starts the rules whose
    ``triggered_by`` names it), then, once the verdict is known, ``settle`` per rule.
    """
    program = _program(inp.rules)
    before = state if state is not None else SenderState()
    ctx = Step(before, before.successor(), inp.features, now, inp.rules, inp.refused_before)
    fired: list[Fired] = []
    reporting = inp.features.report is not None
    if reporting:  # a recipient's report, not a send: only the report hooks run
        for rule, report in program.reports:
            hit = report(rule, ctx)
            if hit is not None:
                fired.append(hit)
    for prepare in () if reporting else program.prepares:
        prepare(ctx)
    inactive = inp.inactive
    # A passed challenge lifts the codes rules answer with a challenge (policy/challenge.py).
    # Read, and dropped once it has ended, only where a rule answers with a challenge (as
    # the Lua: a pass kept through a rule set without one counts again after a reload that
    # brings one back, if the clock stepped back).
    passed = program.challenges and before.challenge_passed > now
    if (program.challenges and before.challenge_passed and not passed
            and not reporting):  # a report: as Lua, untouched
        ctx.after.challenge_passed = 0.0
    for rule, step in () if reporting else program.steps:
        if inactive and rule.name in inactive:
            continue
        hit = step(rule, ctx)
        if hit is not None and passed and hit.code in rule.challenge:
            hit = None
        if hit is not None:
            triggered = program.triggered.get(rule.name)
            if triggered:
                retry = None
                for target in triggered:
                    if inactive and target.name in inactive:
                        continue
                    wait = target.module.trigger(target, rule, ctx)
                    if wait is not None:
                        retry = max(retry or 0.0, wait)
                hit = Fired(hit.rule, hit.code, retry)
            fired.append(hit)
            if rule.mode is Mode.ENFORCE:
                ctx.refused = True
    for rule, settle in () if reporting else program.settles:
        if not (inactive and rule.name in inactive):
            settle(rule, ctx)
    after = ctx.after
    ends = [now, after.latest_until()]
    for rule, expires_at in program.expiries:
        end = expires_at(rule, after)
        if end is not None:
            ends.append(end)
    after.expires_at = max(ends)
    result = TransitionResult(now, tuple(fired), tuple(ctx.standings), not ctx.refused,
                              ctx.revoked_app)
    return result, after


@dataclass(frozen=True, slots=True)
class _Program:
    """What ``transition`` calls for one tuple of stateful rules, worked out once for it."""

    prepares: tuple[Callable[[Step], None], ...]  # once per kind, in order of first use
    steps: tuple[tuple[Rule, Callable[[Any, Step], Fired | None]], ...]
    settles: tuple[tuple[Rule, Callable[[Any, Step], None]], ...]
    expiries: tuple[tuple[Rule, Callable[[Any, SenderState], float | None]], ...]
    triggered: dict[str, tuple[Rule, ...]]  # rule -> the rules whose triggered_by name it
    reports: tuple[tuple[Rule, Callable[[Any, Step], Fired | None]], ...] = ()
    challenges: bool = False  # some rule answers a code with a challenge

    @classmethod
    def of(cls, rules: tuple[Rule, ...]) -> _Program:
        prepares: list[Callable[[Step], None]] = []
        for rule in rules:
            prepare = getattr(rule.module, "prepare", None)
            if prepare is not None and prepare not in prepares:
                prepares.append(prepare)

        def hooks(name: str) -> tuple[tuple[Rule, Any], ...]:
            return tuple((r, getattr(r.module, name)) for r in rules
                         if hasattr(r.module, name))

        return cls(tuple(prepares), hooks("step"), hooks("settle"), hooks("expires_at"),
                   {name: tuple(rules[i] for i in at) for name, at in triggered(rules).items()},
                   hooks("report"), any(r.challenge for r in rules))


# The program of each tuple of stateful rules (one per rule set, a few at most).
_program = PerRules(_Program.of).get


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
            found = rule.module.finding(rule.params, hit.code, hit.retry_after)
            verdict = found.verdict
            if rule.challenge and hit.code in rule.challenge:
                verdict = Verdict.CHALLENGE
            by_rule[hit.rule] = Reason(hit.rule, found.code, found.message, verdict,
                                       found.retry_after)
    reasons: list[Reason] = []
    shadow: list[Reason] = []
    if by_rule:  # most sends: nothing to put in order
        for rule in ruleset.rules:
            reason = by_rule.get(rule.name)
            if reason is None:
                continue
            (reasons if rule.mode is Mode.ENFORCE else shadow).append(reason)
    verdict = reasons[0].verdict if reasons else Verdict.ALLOW
    challenge = None
    if verdict is Verdict.CHALLENGE:
        first = reasons[0]
        challenge = Challenge(first.rule, first.code, pass_ttl(ruleset.rules))
    retry_after = None
    if verdict in (Verdict.THROTTLE, Verdict.COOLDOWN):
        # The longest wait, unless one enforced refusal says no wait will do (this send
        # alone over a limit, a non-follower): the same send then is refused again, and
        # a host that retries after the wait would loop. A challenge is passed, not waited.
        waits = [r.retry_after for r in reasons if r.verdict is not Verdict.CHALLENGE]
        retry_after = None if None in waits else max(waits, default=None)
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
        challenge=challenge,
    )
