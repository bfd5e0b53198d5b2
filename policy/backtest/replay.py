"""Replay events through the engine on a virtual clock, and summarise what it decided.

Each event runs at its own time ``t`` (the engine's clock is set to it
first). Graph events build a ``MemoryGraph``; every delivered send is noted
in it (``record_message``), which is how the duplicates rule learns that the
other side writes back. A send that carries only ``text_sha256`` cannot be
fingerprinted: it is replayed with a stand-in text of 64 letters spelled from
the hash, so identical texts still count as duplicates (an exact match) while
variants never do, and the length rule sees 64 characters.

A decision log (``policy/decisionlog.py``: ``type: decision`` lines) replays without
text or graph: each logged send is made of its hashed ids and a stand-in text of its
length, and the engine reads the logged fingerprint, contacts and graph answers
instead (``LoggedTexts``, ``LoggedGraph``). Under the rules that wrote it, a log gives
back the same decisions; ``on_decision`` sees each one beside its event.

With a second rule set, both replays run in lockstep over one reading of the
events, each with its own engine and graph, and every send whose decision
differs is counted. Memory grows with the number of senders (a few counters
each), never with the length of the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from policy.backtest.events import (
    Event,
    EventError,
    GraphEvent,
    InviteEvent,
    MetaEvent,
    ReportEvent,
    SendEvent,
)
from policy.backtest.summary import (
    CATCH_BY,
    Bins,
    ChangedSender,
    DecisionCounts,
    DiffSummary,
    EventCounts,
    LabelSummary,
    QuotaUse,
    RefusalSeries,
    RefusedSender,
    ReplaySummary,
    RulesInfo,
    SenderCounts,
    SideSummary,
    Span,
)
from policy.clock import VirtualClock
from policy.decision import Decision, Verdict
from policy.decisionlog import FORMAT as LOG_FORMAT
from policy.decisionlog import ActionEvent, DecisionEvent, LoggedGraph, LoggedTexts
from policy.engine import Engine
from policy.errors import InvalidRequest
from policy.graph import MemoryGraph
from policy.requests import InviteRequest, SendRequest
from policy.rules import RuleSet

SPAM_KINDS = frozenset({"duplicates", "cooldown", "apps"})  # rules that say "this is abuse"
BIN_SECONDS = 300  # resolution of the refusals-over-time series
TOP = 20
_HEX_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")

EngineFactory = Callable[[RuleSet, MemoryGraph, Callable[[], float], str], Engine]


def stand_in_text(digest: str) -> str:
    """The text replayed for a hash-only send: 64 letters, equal only for equal hashes."""
    return digest.translate(_HEX_LETTERS)


@dataclass(slots=True)
class _Sender:
    sends: int = 0
    refused: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    spam: bool = False  # sent at least one send labelled spam
    labelled: bool = False
    first_spam: float | None = None
    spam_recipients: set[str] | None = None  # until caught: whom its spam tried to reach
    caught_at: float | None = None  # first refusal by a spam rule
    caught_recipient: int | None = None  # which distinct recipient of its spam that was
    refused_by_spam_rule: bool = False
    cooled_down: bool = False
    max_quota_used: int = 0


def _reason_key(decision: Decision) -> str:
    if not decision.reasons:
        return "allow"
    reason = decision.reasons[0]
    return f"{reason.rule}/{reason.code}"


class Tally:
    """What one rule set decided over the events, gathered as they stream by."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        self.spam_rules = frozenset(r.name for r in ruleset.rules if r.kind in SPAM_KINDS)
        self.by_verdict: Counter[str] = Counter()
        self.by_reason: Counter[str] = Counter()
        self.shadow: Counter[str] = Counter()
        self.invites: Counter[str] = Counter()
        self.series: dict[str, Counter[int]] = {}
        self.senders: dict[str, _Sender] = {}
        self.ham_refusals_by_tag: Counter[str] = Counter()
        self.quota_limit = 0
        self.actions_skipped = 0  # logged actions these rules cannot apply
        self.degraded: Counter[str] = Counter()  # failure mode -> decisions made without the storage

    def add(self, event: SendEvent | DecisionEvent, decision: Decision, start: float) -> None:
        self.by_verdict[decision.verdict.value] += 1
        if decision.degraded:
            self.degraded[decision.degraded] += 1
        key = _reason_key(decision)
        self.by_reason[key] += 1
        for reason in decision.shadow:
            self.shadow[f"{reason.rule}/{reason.code}"] += 1
        s = self.senders.get(event.sender)
        if s is None:
            s = self.senders[event.sender] = _Sender()
        s.sends += 1
        if event.label is not None:
            s.labelled = True
        if event.label == "spam":
            if not s.spam:
                s.spam, s.first_spam = True, event.t
            if s.caught_at is None:
                if s.spam_recipients is None:
                    s.spam_recipients = set()
                s.spam_recipients.update(event.recipients)
        if decision.quota is not None:
            self.quota_limit = max(self.quota_limit, decision.quota.limit)
            s.max_quota_used = max(s.max_quota_used, decision.quota.limit - decision.quota.remaining)
        if decision.allowed:
            return
        rule = decision.reasons[0].rule if decision.reasons else "storage"
        s.refused += 1
        s.by_rule[rule] += 1
        self.series.setdefault(rule, Counter())[int((event.t - start) // BIN_SECONDS)] += 1
        if decision.verdict is Verdict.COOLDOWN:
            s.cooled_down = True
        if rule in self.spam_rules:
            s.refused_by_spam_rule = True
            if event.label == "ham" and event.tag:
                self.ham_refusals_by_tag[event.tag] += 1
            if s.spam and s.caught_at is None:
                s.caught_at = event.t
                s.caught_recipient = len(s.spam_recipients or ())
                s.spam_recipients = None

    def summary(self, start: float) -> SideSummary:
        senders = self.senders
        refused = sorted(((name, s) for name, s in senders.items() if s.refused),
                         key=lambda item: (-item[1].refused, item[0]))
        labelled = [s for s in senders.values() if s.labelled]
        return SideSummary(
            rules=RulesInfo(self.ruleset.version, self.ruleset.source),
            decisions=DecisionCounts(
                total=sum(self.by_verdict.values()),
                by_verdict=dict(self.by_verdict.most_common()),
                by_rule=dict(self.by_reason.most_common()),
                shadow=dict(self.shadow.most_common()),
                degraded=dict(self.degraded.most_common()),
            ),
            invites=dict(self.invites.most_common()),
            senders=SenderCounts(
                total=len(senders),
                refused=len(refused),
                top_refused=[
                    RefusedSender(name, s.refused, s.sends, dict(s.by_rule.most_common()))
                    for name, s in refused[:TOP]
                ],
            ),
            series=RefusalSeries(
                start=start,
                bin_seconds=BIN_SECONDS,
                refusals={rule: sorted(bins.items()) for rule, bins in self.series.items()},
            ),
            quota_use=QuotaUse(
                limit=self.quota_limit,
                max_used_per_sender=_histogram(
                    [s.max_quota_used for s in senders.values()], self.quota_limit),
            ),
            labels=self._label_summary(labelled) if labelled else None,
        )

    def _label_summary(self, labelled: list[_Sender]) -> LabelSummary:
        spam = [s for s in labelled if s.spam]
        ham = [s for s in labelled if not s.spam]
        caught = [s for s in spam if s.caught_at is not None]
        flagged = [s for s in labelled if s.refused_by_spam_rule]
        by_recipient = Counter(s.caught_recipient for s in caught)
        early = sum(1 for s in caught if (s.caught_recipient or 0) <= CATCH_BY)
        ham_refused = sum(1 for s in ham if s.refused_by_spam_rule)
        ham_cooled = sum(1 for s in ham if s.cooled_down)
        return LabelSummary(
            spam_senders=len(spam),
            spam_caught=len(caught),
            spam_caught_early=early,
            spam_caught_early_share=_share(early, len(spam)),
            caught_at_recipient={str(k): n for k, n in sorted(by_recipient.items())},
            time_to_catch_seconds=sorted(
                round(s.caught_at - s.first_spam, 3) for s in caught  # type: ignore[operator]
            ),
            recall=_share(len(caught), len(spam)),
            precision=_share(sum(1 for s in flagged if s.spam), len(flagged)),
            ham_senders=len(ham),
            ham_refused_by_spam_rules=ham_refused,
            ham_refused_by_spam_rules_share=_share(ham_refused, len(ham)),
            ham_cooled_down=ham_cooled,
            ham_cooled_down_share=_share(ham_cooled, len(ham)),
            ham_refusals_by_tag=dict(self.ham_refusals_by_tag.most_common()),
        )


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 6) if whole else None


def _histogram(values: list[int], limit: int, bins: int = 20) -> Bins:
    if not values or limit <= 0:
        return Bins([], [])
    width = limit / bins
    counts = [0] * bins
    for value in values:
        counts[min(bins - 1, int(value / width))] += 1
    return Bins([round(i * width, 3) for i in range(bins + 1)], counts)


class _Side:
    def __init__(self, ruleset: RuleSet, storage: str, clock: VirtualClock,
                 factory: EngineFactory | None, key_secret: bytes | None) -> None:
        self.graph = LoggedGraph()  # a MemoryGraph, but for logged decisions
        if factory is not None:
            self.engine = factory(ruleset, self.graph, clock, storage)
        else:
            self.engine = Engine(ruleset, storage=storage, graph=self.graph, clock=clock,
                                 key_secret=key_secret)
        # Logged decisions carry their text's facts: the engine reads them from here.
        self.texts = LoggedTexts(self.engine._texts)
        self.engine._texts = self.texts  # type: ignore[assignment]
        self.tally = Tally(ruleset)

    def apply_graph(self, event: GraphEvent) -> None:
        g = self.graph
        {"follow": g.follow, "unfollow": g.unfollow, "block": g.block,
         "unblock": g.unblock}[event.type](event.a, event.b)

    def send(self, event: SendEvent, request: SendRequest, start: float) -> Decision:
        decision = self.engine.check(request)
        if decision.allowed:
            for recipient in request.recipients:
                self.graph.record_message(request.sender, recipient)
        self.tally.add(event, decision, start)
        return decision

    def logged(self, event: DecisionEvent, request: SendRequest, start: float) -> Decision:
        self.graph.use(event)
        self.texts.use(event)
        try:
            decision = self.engine.check(request)
        finally:
            self.graph.use(None)
            self.texts.use(None)
        self.tally.add(event, decision, start)
        return decision

    def act(self, event: ActionEvent) -> None:
        try:
            event.apply(self.engine)
        except InvalidRequest:  # e.g. a quota rule these rules do not have
            self.tally.actions_skipped += 1

    def report(self, event: ReportEvent) -> None:
        if event.kind == "block":  # the host keeps its block list, and tells the engine
            self.graph.block(event.reporter, event.sender)
        self.engine.report(reporter=event.reporter, sender=event.sender, kind=event.kind)

    def invite(self, invite: InviteRequest, at: float) -> Decision:
        decision = self.engine.check_invite(invite)
        self.tally.invites[decision.verdict.value] += 1
        if decision.allowed:
            self.graph.record_invite(invite, at)
        return decision


@dataclass
class Diff:
    """Where the second rule set decides otherwise."""

    changed: int = 0
    transitions: Counter[str] = field(default_factory=Counter)
    senders: Counter[str] = field(default_factory=Counter)

    def add(self, sender: str, a: Decision, b: Decision) -> None:
        key_a, key_b = _reason_key(a), _reason_key(b)
        if key_a == key_b and a.verdict is b.verdict:
            return
        self.changed += 1
        self.transitions[f"{key_a} -> {key_b}"] += 1
        self.senders[sender] += 1

    def summary(self, a: Tally, b: Tally) -> DiffSummary:
        caught_a = {n for n, s in a.senders.items() if s.spam and s.caught_at is not None}
        caught_b = {n for n, s in b.senders.items() if s.spam and s.caught_at is not None}
        flagged_a = {n for n, s in a.senders.items() if not s.spam and s.refused_by_spam_rule}
        flagged_b = {n for n, s in b.senders.items() if not s.spam and s.refused_by_spam_rule}
        return DiffSummary(
            decisions_changed=self.changed,
            transitions=dict(self.transitions.most_common()),
            senders_changed=len(self.senders),
            top_senders=[ChangedSender(n, c)
                         for n, c in sorted(self.senders.items(),
                                            key=lambda item: (-item[1], item[0]))[:TOP]],
            spam_caught_only_by_a=sorted(caught_a - caught_b)[:TOP],
            spam_caught_only_by_b=sorted(caught_b - caught_a)[:TOP],
            spam_caught_only_by_a_count=len(caught_a - caught_b),
            spam_caught_only_by_b_count=len(caught_b - caught_a),
            ham_flagged_only_by_a_count=len(flagged_a - flagged_b),
            ham_flagged_only_by_b_count=len(flagged_b - flagged_a),
        )


def replay(
    events: Iterable[Event],
    rules: RuleSet,
    *,
    rules_b: RuleSet | None = None,
    storage: str = "memory://",
    storage_b: str | None = None,
    engine_factory: EngineFactory | None = None,
    engine_factory_b: EngineFactory | None = None,
    on_event: Callable[[int], None] | None = None,
    on_decision: Callable[[SendEvent | DecisionEvent, Decision], None] | None = None,
) -> ReplaySummary:
    """Run ``events`` through ``rules`` (and ``rules_b``); the summary (``to_dict()``: JSON).

    ``on_event(n)`` is called after the n-th event (a progress bar);
    ``on_decision(event, decision)`` after each send under ``rules``. Invalid
    sends raise ``EventError`` naming the line (the summary is then not made).
    """
    clock = VirtualClock()  # the time of the event being replayed
    a = _Side(rules, storage, clock, engine_factory, None)
    # Each side its own keys, so that two replays on one shared store never mix.
    b = (_Side(rules_b, storage_b or storage, clock, engine_factory_b, b"replay-rules-b-own-keys")
         if rules_b is not None else None)
    diff = Diff()
    counts: Counter[str] = Counter()
    meta: list[dict[str, Any]] = []
    start: float | None = None
    end = 0.0
    try:
        for number, event in enumerate(events, start=1):
            if start is None:
                start = event.t
            clock.now = end = event.t
            if isinstance(event, GraphEvent):
                counts["graph"] += 1
                a.apply_graph(event)
                if b is not None:
                    b.apply_graph(event)
            elif isinstance(event, SendEvent):
                counts["send"] += 1
                text = event.text
                if text is None:
                    counts["hash_only"] += 1
                    text = stand_in_text(event.text_sha256 or "")
                try:
                    request = SendRequest(event.sender, event.recipients, text, app=event.app,
                                          channel=event.channel, conversation=event.conversation)
                except InvalidRequest as exc:
                    raise EventError(exc.message, line=event.line) from None
                decision_a = a.send(event, request, start)
                if on_decision is not None:
                    on_decision(event, decision_a)
                if b is not None:
                    diff.add(event.sender, decision_a, b.send(event, request, start))
            elif isinstance(event, DecisionEvent):
                counts["logged"] += 1
                try:
                    request = event.request()
                except InvalidRequest as exc:
                    raise EventError(exc.message, line=event.line) from None
                decision_a = a.logged(event, request, start)
                if event.degraded is None and (
                        decision_a.verdict.value != event.verdict
                        or [f"{r.rule}/{r.code}" for r in decision_a.reasons] != list(event.rules)):
                    counts["logged_differ"] += 1  # rules A decide otherwise than logged
                if on_decision is not None:
                    on_decision(event, decision_a)
                if b is not None:
                    diff.add(event.sender, decision_a, b.logged(event, request, start))
            elif isinstance(event, ActionEvent):
                counts["action"] += 1
                for side in (a, b):
                    if side is not None:
                        side.act(event)
            elif isinstance(event, InviteEvent):
                counts["invite"] += 1
                invite = InviteRequest(event.inviter, event.invitees, event.conversation,
                                       event.members)
                a.invite(invite, event.t)
                if b is not None:
                    b.invite(invite, event.t)
            elif isinstance(event, ReportEvent):
                counts["report"] += 1
                try:
                    a.report(event)
                    if b is not None:
                        b.report(event)
                except InvalidRequest as exc:
                    raise EventError(exc.message, line=event.line) from None
            elif isinstance(event, MetaEvent):
                counts["meta"] += 1
                if event.info.get("format") == LOG_FORMAT:
                    floor = event.info.get("signature_from")
                    if isinstance(floor, int):
                        for side in (a, b):
                            if side is not None:
                                side.texts.signature_from = floor
                elif len(meta) < 10:  # (a log file's header is not information)
                    meta.append(event.info)
            if on_event is not None:
                on_event(number)
    finally:
        a.engine.close()
        if b is not None:
            b.engine.close()
    t0 = start if start is not None else 0.0
    return ReplaySummary(
        events=EventCounts(sum(counts.values()) - counts["logged_differ"], dict(counts)),
        span=Span(t0, end, round((end - t0) / 3600, 3)),
        meta=meta,
        a=a.tally.summary(t0),
        b=b.tally.summary(t0) if b is not None else None,
        diff=diff.summary(a.tally, b.tally) if b is not None else None,
    )
