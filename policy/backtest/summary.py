"""The summary of a replay, typed: what ``replay()`` returns and the renderers read.

The text table (``dm-policy replay``), the JSON file (``to_dict()``) and the HTML
report all read these classes. ``to_dict()`` is the JSON form (its keys are the
field names, but for the ``events`` counts, flattened, and the ``CATCH_BY`` keys of
``labels``); ``summary["a"]["labels"]`` reads that form too, for callers of the
nested dict this used to be.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

CATCH_BY = 5  # the headline: spam senders caught by their 5th recipient


@dataclass(frozen=True, slots=True)
class EventCounts:
    total: int
    by_kind: dict[str, int] = field(default_factory=dict)  # send, hash_only, graph... (seen ones)

    def count(self, kind: str) -> int:
        return self.by_kind.get(kind, 0)

    def to_dict(self) -> dict[str, int]:
        return {"total": self.total, **self.by_kind}


@dataclass(frozen=True, slots=True)
class Span:
    start: float
    end: float
    hours: float


@dataclass(frozen=True, slots=True)
class RulesInfo:
    version: str
    source: str | None


@dataclass(frozen=True, slots=True)
class DecisionCounts:
    total: int
    by_verdict: dict[str, int]
    by_rule: dict[str, int]  # "rule/code" of the deciding reason, or "allow"
    shadow: dict[str, int]  # "rule/code" a shadow rule would have refused
    # failure mode -> decisions answered without the storage (it was unavailable)
    degraded: dict[str, int] = field(default_factory=dict)

    @property
    def degraded_total(self) -> int:
        return sum(self.degraded.values())


@dataclass(frozen=True, slots=True)
class RefusedSender:
    sender: str
    refused: int
    sends: int
    by_rule: dict[str, int]


@dataclass(frozen=True, slots=True)
class SenderCounts:
    total: int
    refused: int
    top_refused: list[RefusedSender]


@dataclass(frozen=True, slots=True)
class RefusalSeries:
    start: float
    bin_seconds: int
    refusals: dict[str, list[tuple[int, int]]]  # rule -> (bin, refusals), bins in order


@dataclass(frozen=True, slots=True)
class Bins:
    edges: list[float]
    counts: list[int]


@dataclass(frozen=True, slots=True)
class QuotaUse:
    limit: int
    max_used_per_sender: Bins


@dataclass(frozen=True, slots=True)
class LabelSummary:
    """How the spam rules did on labelled senders (only when events carry labels)."""

    spam_senders: int
    spam_caught: int
    spam_caught_early: int  # by the CATCH_BY-th distinct recipient
    spam_caught_early_share: float | None
    caught_at_recipient: dict[str, int]
    time_to_catch_seconds: list[float]
    recall: float | None
    precision: float | None
    ham_senders: int
    ham_refused_by_spam_rules: int
    ham_refused_by_spam_rules_share: float | None
    ham_cooled_down: int
    ham_cooled_down_share: float | None
    ham_refusals_by_tag: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        early, share = out.pop("spam_caught_early"), out.pop("spam_caught_early_share")
        ordered: dict[str, Any] = {}
        for key, value in out.items():
            ordered[key] = value
            if key == "spam_caught":
                ordered[f"spam_caught_by_recipient_{CATCH_BY}"] = early
                ordered[f"spam_caught_by_recipient_{CATCH_BY}_share"] = share
        return ordered


@dataclass(frozen=True, slots=True)
class SideSummary:
    """What one rule set decided."""

    rules: RulesInfo
    decisions: DecisionCounts
    invites: dict[str, int]
    senders: SenderCounts
    series: RefusalSeries
    quota_use: QuotaUse
    labels: LabelSummary | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "rules": asdict(self.rules),
            "decisions": asdict(self.decisions),
            "invites": dict(self.invites),
            "senders": asdict(self.senders),
            "series": asdict(self.series),
            "quota_use": asdict(self.quota_use),
        }
        if self.labels is not None:
            out["labels"] = self.labels.to_dict()
        return out


@dataclass(frozen=True, slots=True)
class ChangedSender:
    sender: str
    decisions_changed: int


@dataclass(frozen=True, slots=True)
class DiffSummary:
    """Where the second rule set decides otherwise."""

    decisions_changed: int
    transitions: dict[str, int]  # "A's rule/code -> B's"
    senders_changed: int
    top_senders: list[ChangedSender]
    spam_caught_only_by_a: list[str]
    spam_caught_only_by_b: list[str]
    spam_caught_only_by_a_count: int
    spam_caught_only_by_b_count: int
    ham_flagged_only_by_a_count: int
    ham_flagged_only_by_b_count: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ReplaySummary(Mapping[str, Any]):
    """A replay: the events, their span, the first meta events, rule set ``a`` and, with a
    second rule set, ``b`` and the ``diff``."""

    events: EventCounts
    span: Span
    meta: list[dict[str, Any]]
    a: SideSummary
    b: SideSummary | None = None
    diff: DiffSummary | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``dm-policy replay --json``)."""
        out: dict[str, Any] = {
            "events": self.events.to_dict(),
            "span": asdict(self.span),
            "meta": list(self.meta),
            "a": self.a.to_dict(),
        }
        if self.b is not None:
            out["b"] = self.b.to_dict()
        if self.diff is not None:
            out["diff"] = self.diff.to_dict()
        return out

    def empty_graph_note(self) -> str | None:
        """Why sends were refused ``not_follower`` when the events hold no follow events
        (the replay's graph is empty: no one follows anyone), or None; the text summary
        and the HTML report both say it."""
        refused = sum(n for key, n in self.a.decisions.by_rule.items()
                      if key.endswith("/not_follower"))
        if not refused or self.events.count("graph"):
            return None
        return (f"{refused} sends were refused not_follower and the events hold no follow "
                f"events: the replay's graph is empty (no one follows anyone). Add follow "
                f"events before the sends, e.g. {{\"t\": 1800000000, \"type\": \"follow\", "
                f"\"follower\": \"bob\", \"followee\": \"alice\"}} (see docs/backtests.md)")

    # The JSON form, read as a mapping.

    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_dict())

    def __len__(self) -> int:
        return len(self.to_dict())
