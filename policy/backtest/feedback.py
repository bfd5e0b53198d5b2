"""Recipient feedback in the backtests: recipients who report a message, or block its sender.

Each recipient of a sender, at the first message it gets from it, reports the sender
(``Engine.report``) with a probability: ``spam_share`` for a spam sender (default 2% of
its recipients), ``ham_share`` for an ordinary one (default 0.1%); ``block_share`` of those reports are blocks (the
recipient also blocks the sender in the graph). A report arrives after a delay drawn
from an exponential distribution (mean ``delay_mean``, at most ``delay_max``) after the
message. ``adversary.run_tactic`` takes a ``FeedbackConfig`` and drives a ``Feedback``
as a third source of events beside the spam senders and the ordinary users.

What is measured, per spam sender: the distinct strangers reached before the first
refusal by a reports rule (``stopped``), and whether that came at all; per ordinary
sender: whether a reports rule ever refused it (what the signal costs). No message text
and no id leaves the run.
"""

from __future__ import annotations

import heapq
import random
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from policy.backtest.events import Event, ReportEvent, SendEvent
from policy.decision import Decision
from policy.engine import Engine
from policy.graph import MemoryGraph

REPORT_KIND = "reports"  # the rule kind whose refusals say "stopped by reports"
STOPPED_WITHIN = 150  # the bar: a spun campaign stopped within 150 strangers
TARGET_STOPPED_MEDIAN = STOPPED_WITHIN  # the median spam sender is stopped within it
TARGET_HAM_AFFECTED = 0.005  # ordinary senders ever refused by the reports rule, at most


SPAM_SHARE = 0.02  # of a spam sender's recipients who report (or block), by default
HAM_SHARE = 0.001  # of an ordinary sender's recipients who do, by default


@dataclass(frozen=True, slots=True)
class FeedbackConfig:
    spam_share: float = SPAM_SHARE
    ham_share: float = HAM_SHARE
    block_share: float = 0.5  # of the reports, those that are blocks
    delay_mean: float = 3600.0  # seconds after the message, exponential
    delay_max: float = 6 * 3600.0

    def __post_init__(self) -> None:
        for name in ("spam_share", "ham_share", "block_share"):
            if not 0 <= getattr(self, name) <= 1:
                raise ValueError(f"{name} must be between 0 and 1")
        if not (self.delay_mean > 0 and self.delay_max >= 0):
            raise ValueError("delay_mean must be above 0 and delay_max at least 0")


@dataclass
class _Sender:
    spam: bool
    strangers: set[str] = field(default_factory=set)  # spam: distinct recipients reached
    stopped_at: int | None = None  # strangers reached at the first reports refusal
    reports_sent: int = 0


class Feedback:
    """The recipients' reports of one run, as events in time (a heap)."""

    def __init__(self, engine: Engine, graph: MemoryGraph, config: FeedbackConfig,
                 rng: random.Random, now: list[float]) -> None:
        self.engine, self.graph, self.config, self.rng, self.now = engine, graph, config, rng, now
        self.heap: list[tuple[float, int, str, str, str]] = []
        self.seq = 0
        self.senders: dict[str, _Sender] = {}
        self.outcomes: Counter[str] = Counter()
        self.decided_pairs: set[tuple[str, str]] = set()
        self.report_rules = frozenset(r.name for r in engine.rules.rules if r.kind == REPORT_KIND)

    # hooks of the driver ----------------------------------------------------------------

    def delivered(self, sender: str, recipients: Any, spam: bool) -> None:
        """A message of ``sender`` was delivered to ``recipients`` now."""
        entry = self.senders.get(sender)
        if entry is None:
            entry = self.senders[sender] = _Sender(spam)
        if spam:
            entry.strangers.update(recipients)
        share = self.config.spam_share if spam else self.config.ham_share
        for recipient in recipients:
            # A share of the *recipients*: each decides once, at the first message it gets.
            pair = (sender, recipient)
            if pair in self.decided_pairs:
                continue
            self.decided_pairs.add(pair)
            if self.rng.random() < share:
                delay = min(self.rng.expovariate(1 / self.config.delay_mean),
                            self.config.delay_max)
                kind = "block" if self.rng.random() < self.config.block_share else "spam"
                self.seq += 1
                heapq.heappush(self.heap, (self.now[0] + delay, self.seq, sender, recipient,
                                           kind))
                entry.reports_sent += 1

    def decided(self, sender: str, decision: Decision, spam: bool) -> None:
        """A decision on a send of ``sender``: note the first refusal by a reports rule."""
        # Any enforced reason (another rule may come first, a running cooldown): the sender
        # waits for the longest retry_after, the reports rule's.
        if decision.allowed or not any(r.rule in self.report_rules for r in decision.reasons):
            return
        entry = self.senders.get(sender)
        if entry is None:
            entry = self.senders[sender] = _Sender(spam)
        if entry.stopped_at is None:
            entry.stopped_at = len(entry.strangers)

    def run_until(self, t: float) -> None:
        """Deliver the reports due up to ``t`` (the clock is moved to each one's time)."""
        heap = self.heap
        while heap and heap[0][0] <= t:
            at, _, sender, reporter, kind = heapq.heappop(heap)
            self.now[0] = max(self.now[0], at)
            if kind == "block":
                self.graph.block(reporter, sender)
            outcome = self.engine.report(reporter=reporter, sender=sender, kind=kind)
            self.outcomes[outcome.outcome] += 1

    # the figures ------------------------------------------------------------------------

    def figures(self, ham_senders: int) -> dict[str, Any]:
        spam = [s for s in self.senders.values() if s.spam]
        stopped = sorted(s.stopped_at for s in spam if s.stopped_at is not None)
        # A spam sender never stopped reached all it reached: the median counts it so.
        until = sorted(s.stopped_at if s.stopped_at is not None else len(s.strangers)
                       for s in spam)
        ham_hit = sum(1 for s in self.senders.values() if not s.spam and s.stopped_at is not None)
        return {
            "feedback": asdict(self.config),
            "spam_stopped": len(stopped),
            "spam_stopped_share": len(stopped) / len(spam) if spam else None,
            "spam_stopped_within": sum(1 for n in stopped if n <= STOPPED_WITHIN),
            "spam_stopped_within_share": (sum(1 for n in stopped if n <= STOPPED_WITHIN)
                                          / len(spam) if spam else None),
            "strangers_before_stopped_median": statistics.median(until) if until else None,
            "strangers_before_stopped_max": max(until, default=0),
            "ham_refused_by_reports": ham_hit,
            "ham_refused_by_reports_share": ham_hit / ham_senders if ham_senders else None,
            "report_outcomes": dict(self.outcomes.most_common()),
        }


def with_reports(events: Iterable[Event], config: FeedbackConfig, seed: int = 1
                 ) -> Iterator[Event]:
    """``events`` (a simulation, in time order) with the recipients' reports put in, in
    time order: each recipient of a sender, at the first send to it, reports the sender
    with ``spam_share`` (a send labelled spam) or ``ham_share`` (any other). A simulation
    does not know what the rules will refuse: a report of a send that was refused counts
    for nothing in a replay (``not_reached``), as it would not happen."""
    rng = random.Random(f"{seed}:reports")
    pending: list[tuple[float, int, ReportEvent]] = []
    decided: set[tuple[str, str]] = set()
    seq = 0
    for event in events:
        while pending and pending[0][0] <= event.t:
            yield heapq.heappop(pending)[2]
        yield event
        if not isinstance(event, SendEvent):
            continue
        share = config.spam_share if event.label == "spam" else config.ham_share
        for recipient in event.recipients:
            if recipient == event.sender or (event.sender, recipient) in decided:
                continue
            decided.add((event.sender, recipient))
            if rng.random() < share:
                delay = min(rng.expovariate(1 / config.delay_mean), config.delay_max)
                kind = "block" if rng.random() < config.block_share else "spam"
                seq += 1
                heapq.heappush(pending, (event.t + delay, seq,
                                         ReportEvent(event.t + delay, recipient, event.sender,
                                                     kind)))
    while pending:
        yield heapq.heappop(pending)[2]


def reports_targets_met(row: dict[str, Any]) -> dict[str, bool]:
    """The issue's targets: the median spam sender stopped within 150 strangers, and at
    most 0.5% of ordinary senders refused by the reports rule."""
    median = row.get("strangers_before_stopped_median")
    return {
        "stopped_within_150": (median is not None and median <= TARGET_STOPPED_MEDIAN
                               and (row.get("spam_stopped_share") or 0) >= 0.5),
        "ham_affected": (row.get("ham_refused_by_reports_share") or 0.0) <= TARGET_HAM_AFFECTED,
    }


def without_reports(rules: Any) -> Any:
    """``rules`` with the reports rules off: what the other rules do alone."""
    from dataclasses import replace

    from policy.rules import Mode

    return replace(rules, rules=tuple(replace(r, mode=Mode.OFF) if r.kind == REPORT_KIND else r
                                      for r in rules.rules))


# -- the reports table (``dm-policy quality --adversary NAME --reports``) ------------------

DEFAULT_DAYS = 16.0  # the strangers rules hold a spam sender near 20 a day: 150 takes a week+
# The tactics of ``--adversary mix --reports`` (each runs twice, over days: a sample)
REPORT_TACTICS = ("folded", "spun", "rotating", "groups", "slow", "short", "mix")


def run_reports(adversary: str, corpus: Any, *, rules: Any = "rules/default.toml",
                config: Any = None, feedback: FeedbackConfig = FeedbackConfig(),
                compare: bool = True) -> dict[str, Any]:
    """Per tactic (``mix``: the tactics of ``REPORT_TACTICS``): the adaptive spam senders
    and the ordinary users over several days, with recipients reporting, on ``rules``;
    with ``compare``, the same run again with the reports rules off (what they add)."""
    from policy.backtest import adversary as adv
    from policy.backtest.simulate import load_corpus
    from policy.rules import load_rules

    if adversary not in adv.ADVERSARIES:
        raise ValueError(f"unknown adversary {adversary!r}; known: {', '.join(adv.ADVERSARIES)}")
    config = config if config is not None else adv.RunConfig(hours=DEFAULT_DAYS * 24)
    ruleset = load_rules(rules)
    if not any(r.kind == REPORT_KIND and r.mode.value != "off" for r in ruleset.rules):
        raise ValueError(f"{rules} has no reports rule: nothing to measure")
    loaded = load_corpus(corpus)
    ham = adv.ham_events(config, loaded)
    names = REPORT_TACTICS if adversary == "mix" else (adversary,)
    rows = []
    for name in names:
        row = adv.run_tactic(name, ruleset, loaded, config, ham=ham, feedback=feedback)
        row["reports_targets_met"] = reports_targets_met(row)
        if compare:
            base = adv.run_tactic(name, without_reports(ruleset), loaded, config, ham=ham)
            row["without_reports"] = {k: base[k] for k in (
                "reached_per_day_mean", "ham_refused_by_spam_rule_share")}
        rows.append(row)
    return {"config": asdict(config), "feedback": asdict(feedback), "rules": str(rules),
            "rules_version": ruleset.version, "days": config.hours / 24, "rows": rows}


def format_reports_table(result: dict[str, Any]) -> str:
    """The reports table as Markdown."""
    days = result["days"]
    lines = [
        "| tactic | spam senders | stopped by reports | within 150 strangers "
        "| strangers before stopped (median) | strangers reached per sender, "
        f"{days:g} days (without -> with reports) | ordinary senders refused by reports "
        "| targets met |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in result["rows"]:
        n = row["spam_senders"]
        base = row.get("without_reports")
        with_reports = row["reached_per_day_mean"] * days
        reached = (f"{base['reached_per_day_mean'] * days:.0f} -> {with_reports:.0f}"
                   if base is not None else f"{with_reports:.0f}")
        met = row["reports_targets_met"]
        median = row["strangers_before_stopped_median"]
        lines.append(
            f"| {row['tactic']} | {n} | {_pct(row['spam_stopped_share'])} "
            f"| {_pct(row['spam_stopped_within_share'])} "
            f"| {'n/a' if median is None else f'{median:.0f}'} | {reached} "
            f"| {_pct(row['ham_refused_by_reports_share'])} "
            f"({row['ham_refused_by_reports']} of {row['ham_senders']}) "
            f"| {', '.join(k for k, v in met.items() if v) or 'none'} |")
    return "\n".join(lines)


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share * 100:.1f}%"
