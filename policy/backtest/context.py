"""Backtests of conditional rules: the sender context modelled (docs/signals.md).

Every sender of a simulation gets attributes drawn once from its id and the model's
seed: new accounts (under 7 days) are over-represented among spam senders
(``spam_new_share``) and rare among ordinary users (``ham_new_share``); new spam
accounts are rarely verified, new ordinary ones often are; accounts older than that are
30 days to 6 years old and mostly verified. The engine reads them from its graph
(``graph.attributes(user)``, what a host wires to its account service), through
``ContextGraph``, so the simulation and the adversary run unchanged.

Two measurements, each for several rules files side by side (``dm-policy quality
--context``):

- ``simulation``: the traffic of ``simulate.py`` (the quality experiment's: one sender
  in ten a spammer): spam senders caught (refused by a spam rule or a tier) by their
  3rd and 5th recipient, spam deliveries per spam sender, and ordinary senders refused
  by a stateful rule (a spam rule, a tier or a quota), overall and among new accounts;
- ``adversary``: per tactic of ``adversary.py`` (adaptive spam senders), contained
  share, strangers reached per day and ordinary senders refused by a spam rule.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policy.backtest.adversary import TACTICS, RunConfig, ham_events, run_tactic
from policy.backtest.events import Event, GraphEvent, InviteEvent, SendEvent
from policy.backtest.quality import quality_config
from policy.backtest.simulate import DEFAULT_CORPUS, load_corpus, simulate
from policy.clock import VirtualClock
from policy.conditions import SenderContext
from policy.engine import Engine
from policy.graph import MemoryGraph
from policy.requests import InviteRequest, SendRequest
from policy.rules import RuleSet, load_rules

DAY = 86400.0
# Rules of these kinds refuse because of what a sender is or does, not what a request is.
_STATELESS_KINDS = frozenset({"text_length", "follows", "group"})
_SPAM_KINDS = frozenset({"duplicates", "contacts", "strangers", "cooldown"})


@dataclass(frozen=True, slots=True)
class ContextModel:
    """How the simulated senders' attributes are drawn (shares from 0 to 1)."""

    spam_new_share: float = 0.7  # spam senders on an account under 7 days old
    ham_new_share: float = 0.03  # ordinary users on an account under 7 days old
    spam_new_verified_share: float = 0.1  # new spam accounts with a verified e-mail or phone
    ham_new_verified_share: float = 0.5  # new ordinary accounts verified
    old_verified_share: float = 0.9  # older accounts verified
    seed: int = 1

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name != "seed" and not 0.0 <= value <= 1.0:
                raise ValueError(f"{f.name} must be a share from 0 to 1, got {value!r}")

    def attributes(self, user: str, spam: bool, now: float) -> SenderContext:
        """``user``'s attributes, the same for the same user, seed and label."""
        digest = hashlib.blake2b(f"{self.seed}:{user}".encode(), digest_size=8).digest()
        rng = random.Random(int.from_bytes(digest, "big"))
        new = rng.random() < (self.spam_new_share if spam else self.ham_new_share)
        if new:
            verified = rng.random() < (self.spam_new_verified_share if spam
                                       else self.ham_new_verified_share)
            age = rng.uniform(600.0, 7 * DAY)
        else:
            verified = rng.random() < self.old_verified_share
            age = rng.uniform(30 * DAY, 6 * 365 * DAY)
        return SenderContext(account_created_at=now - age, verified_email=verified,
                             verified_phone=False)


class ContextGraph:
    """A host's graph with the model's attributes: ``graph`` answers the follows,
    blocks and conversations, ``model`` the attributes (spam: ``is_spam(user)``)."""

    def __init__(self, graph: MemoryGraph, model: ContextModel, is_spam: Callable[[str], bool],
                 start: float) -> None:
        self.graph = graph
        self._model = model
        self._is_spam = is_spam
        self._start = start
        self._cache: dict[str, SenderContext] = {}

    def follows(self, follower: str, followee: str) -> bool:
        return self.graph.follows(follower, followee)

    def blocks(self, blocker: str, blocked: str) -> bool:
        return self.graph.blocks(blocker, blocked)

    def has_written(self, author: str, reader: str) -> bool:
        return self.graph.has_written(author, reader)

    def conversation_started(self, conversation: str) -> tuple[str, float] | None:
        # (without it, every conversation was one the engine knew nothing of: no at_once,
        # no friend's new group, in the context runs only)
        return self.graph.conversation_started(conversation)

    def attributes(self, user: str) -> SenderContext:
        ctx = self._cache.get(user)
        if ctx is None:
            ctx = self._cache[user] = self._model.attributes(user, self._is_spam(user),
                                                             self._start)
        return ctx

    def is_new(self, user: str, now: float) -> bool:
        age = self.attributes(user).age(now)
        return age is not None and age < 7 * DAY


# -- the simulation ---------------------------------------------------------------------


@dataclass
class _Sender:
    spam: bool = False
    new: bool = False
    recipients: set[str] = dataclasses.field(default_factory=set)
    caught_at: int | None = None  # distinct spam recipients when first refused by a spam rule
    delivered_spam: int = 0
    affected: str | None = None  # the first stateful rule that refused it (spam, tier, quota)


def _replay(events: list[Event], rules: RuleSet, model: ContextModel,
            spam_senders: frozenset[str]) -> dict[str, Any]:
    clock = VirtualClock(events[0].t if events else 1e9)
    graph = MemoryGraph()
    cgraph = ContextGraph(graph, model, spam_senders.__contains__, clock.now)
    engine = Engine(rules, storage="memory://", graph=cgraph, clock=clock)
    spam_rules = {r.name for r in rules.rules if r.kind in _SPAM_KINDS}
    stateful = {r.name for r in rules.rules if r.kind not in _STATELESS_KINDS}
    senders: dict[str, _Sender] = {}
    try:
        for event in events:
            clock.now = max(clock.now, event.t)
            if isinstance(event, GraphEvent):
                {"follow": graph.follow, "unfollow": graph.unfollow, "block": graph.block,
                 "unblock": graph.unblock}[event.type](event.a, event.b)
            elif isinstance(event, InviteEvent):
                invite = InviteRequest(event.inviter, event.invitees, event.conversation,
                                       event.members)
                if engine.check_invite(invite).allowed:
                    graph.record_invite(invite, event.t)
            elif isinstance(event, SendEvent) and event.text is not None:
                s = senders.get(event.sender)
                if s is None:
                    s = senders[event.sender] = _Sender(
                        spam=event.sender in spam_senders,
                        new=cgraph.is_new(event.sender, clock.now))
                decision = engine.check(SendRequest(
                    event.sender, event.recipients, event.text, app=event.app,
                    channel=event.channel, conversation=event.conversation))
                spam_send = event.label == "spam"
                if spam_send and s.caught_at is None:
                    s.recipients.update(event.recipients)
                if decision.allowed:
                    for recipient in event.recipients:
                        graph.record_message(event.sender, recipient)
                    if spam_send:
                        s.delivered_spam += 1
                    continue
                rule = decision.reasons[0].rule if decision.reasons else ""
                if rule in stateful and s.affected is None:
                    s.affected = rule
                if spam_send and s.caught_at is None and (rule in spam_rules
                                                          or rules.get(rule).when is not None):
                    s.caught_at = len(s.recipients)
    finally:
        engine.close()
    return _figures(senders)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _figures(senders: dict[str, _Sender]) -> dict[str, Any]:
    spam = [s for s in senders.values() if s.spam]
    ham = [s for s in senders.values() if not s.spam]
    new_ham = [s for s in ham if s.new]
    caught = [s for s in spam if s.caught_at is not None]
    by = {n: sum(1 for s in caught if (s.caught_at or 0) <= n) for n in (3, 5)}
    return {
        "spam_senders": len(spam),
        "spam_new": sum(1 for s in spam if s.new),
        "spam_caught_share": _share(len(caught), len(spam)),
        "spam_caught_by_3rd_share": _share(by[3], len(spam)),
        "spam_caught_by_5th_share": _share(by[5], len(spam)),
        "spam_delivered_per_sender": round(sum(s.delivered_spam for s in spam) / len(spam), 2)
        if spam else None,
        "ham_senders": len(ham),
        "ham_affected": sum(1 for s in ham if s.affected),
        "ham_affected_share": _share(sum(1 for s in ham if s.affected), len(ham)),
        "ham_affected_by_rule": dict(Counter(s.affected for s in ham if s.affected)
                                     .most_common()),
        "ham_new": len(new_ham),
        "ham_new_affected": sum(1 for s in new_ham if s.affected),
        "ham_new_affected_share": _share(sum(1 for s in new_ham if s.affected), len(new_ham)),
    }


def run_context_quality(
    corpus: str | Path = DEFAULT_CORPUS,
    *,
    rules: tuple[str | Path, ...] = ("default", "strict"),  # files or packaged names
    seed: int = 1,
    senders: int = 2000,
    hours: float = 24.0,
    model: ContextModel = ContextModel(),
    adversary: bool = True,
    spammers: int = 20,
    ham_senders: int = 1000,
) -> dict[str, Any]:
    """The figures of ``rules`` (each file) on the simulation, and per adversary tactic."""
    rulesets = [load_rules(path) for path in rules]
    loaded = load_corpus(corpus)
    config = quality_config(seed, senders, hours)
    events = list(simulate(config, loaded))
    spam_senders = frozenset(e.sender for e in events
                             if isinstance(e, SendEvent) and e.label == "spam")
    out: dict[str, Any] = {
        "simulation": dataclasses.asdict(config),
        "model": dataclasses.asdict(model),
        "rules": [{"file": str(path), "version": r.version} for path, r in zip(rules, rulesets,
                                                                             strict=True)],
        "rows": [dict(rules=str(path), **_replay(events, r, model, spam_senders))
                 for path, r in zip(rules, rulesets, strict=True)],
    }
    if adversary:
        run = RunConfig(seed=seed, spammers=spammers, ham_senders=ham_senders,
                        hours=min(hours, 24.0))
        ham = ham_events(run, loaded)

        def factory(rules: RuleSet, graph: MemoryGraph, clock: Callable[[], float]) -> Engine:
            cgraph = ContextGraph(graph, model, lambda user: user.startswith("spam-"), run.start)
            return Engine(rules, storage="memory://", graph=cgraph, clock=clock)

        tactics = []
        for tactic in TACTICS:
            row: dict[str, Any] = {"tactic": tactic}
            for path, r in zip(rules, rulesets, strict=True):
                got = run_tactic(tactic, r, loaded, run, ham=ham, engine_factory=factory)
                row[str(path)] = {k: got[k] for k in (
                    "contained_share", "reached_per_day_mean", "delivered",
                    "ham_refused_by_spam_rule", "ham_refused_by_spam_rule_share", "ham_senders")}
            tactics.append(row)
        out["adversary"] = {"config": dataclasses.asdict(run), "tactics": tactics}
    return out


def format_context_table(result: dict[str, Any]) -> str:
    """The figures as Markdown tables."""
    lines = [
        "| rules | spam caught by 3rd recipient | by 5th | ever | spam delivered per spam "
        "sender | ordinary senders refused by a stateful rule | of them new accounts |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['rules']} | {_pct(row['spam_caught_by_3rd_share'])} "
            f"| {_pct(row['spam_caught_by_5th_share'])} | {_pct(row['spam_caught_share'])} "
            f"| {row['spam_delivered_per_sender']} "
            f"| {_pct(row['ham_affected_share'])} ({row['ham_affected']} of {row['ham_senders']}) "
            f"| {_pct(row['ham_new_affected_share'])} ({row['ham_new_affected']} of "
            f"{row['ham_new']}) |")
    lines += ["", "Ordinary senders refused, by the first stateful rule that refused them: " + "; ".join(
        f"{row['rules']}: " + (", ".join(f"{rule} {n}" for rule, n in row["ham_affected_by_rule"]
                                         .items()) or "none") for row in result["rows"])]
    adversary = result.get("adversary")
    if adversary:
        files = [r["file"] for r in result["rules"]]
        lines += ["", "| tactic | " + " | ".join(
            f"{f}: contained, strangers/day, ordinary refused" for f in files) + " |",
            "|---|" + "---|" * len(files)]
        for row in adversary["tactics"]:
            cells = []
            for f in files:
                r = row[f]
                cells.append(f"{_pct(r['contained_share'])}, {r['reached_per_day_mean']:.1f}, "
                             f"{_pct(r['ham_refused_by_spam_rule_share'])}")
            lines.append(f"| {row['tactic']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share * 100:.1f}%"


__all__ = ["ContextGraph", "ContextModel", "format_context_table", "run_context_quality"]
