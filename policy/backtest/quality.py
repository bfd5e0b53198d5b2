"""Detection quality of the duplicates rule on real texts (the SMS Spam Collection).

One simulation (``simulate.py`` with a corpus, no compromised apps: this is
about the duplicates rule) is replayed under several detectors:

- ``default``: the rules file as it is (fuzzy fingerprints, evidence of a
  conversation, short texts never traced);
- ``exact-hash``: the same rule, but a text is its SHA-256 and only equal
  hashes match (no normalisation, no fuzziness), with the same evidence and
  minimum length;
- ``exact-hash, naive``: exact hashes of every text, every recipient counted
  (no evidence, no minimum length): the usual "same text to N people" filter.

Two figures per detector: the share of spam senders caught by their 5th
distinct recipient, and the share of ordinary senders ever cooled down.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from policy import core
from policy.backtest.events import Event, SendEvent
from policy.backtest.replay import replay
from policy.backtest.simulate import DEFAULT_CORPUS, SimConfig, load_corpus, simulate
from policy.checks.base import Facts
from policy.engine import Engine
from policy.graph import MemoryGraph
from policy.requests import SendRequest
from policy.rules import RuleSet, load_rules

TARGET_CAUGHT = 0.95  # spam senders caught by their 5th recipient, at least
TARGET_COOLED = 0.005  # ordinary senders ever cooled down, at most


class ExactHashEngine(Engine):
    """An engine whose duplicates rule sees the raw text's SHA-256 instead of its fingerprint."""

    def __init__(self, rules: RuleSet, *, evidence: bool = True, min_chars: bool = True,
                 **kwargs: Any) -> None:
        super().__init__(rules, **kwargs)
        self._evidence = evidence
        self._min_chars = min_chars

    def _features(self, request: SendRequest, facts: Facts, plan: Any,
                  refused: bool = False) -> core.Features:
        features = super()._features(request, facts, plan, refused)
        # No rule reads the text (or the send is refused first): nothing to replace.
        if "text_from_chars" not in plan.needs or refused:
            return features
        units = features.units
        if not self._evidence:
            units = tuple((unit, False) for unit, _ in units)
        return dataclasses.replace(
            features,
            signature=hashlib.sha256(request.text.encode("utf-8", "surrogatepass")).digest(),
            text_chars=features.text_chars if self._min_chars else 1_000_000,
            units=units,
        )


def exact_rules(rules: RuleSet) -> RuleSet:
    """``rules`` with the duplicates rules matching equal signatures only."""
    return dataclasses.replace(rules, rules=tuple(
        dataclasses.replace(r, params=dataclasses.replace(r.params, similarity=1.0))
        if r.kind == "duplicates" else r
        for r in rules.rules
    ))


Factory = Callable[[RuleSet, MemoryGraph, Callable[[], float], str], Engine]


def _exact_factory(*, evidence: bool, min_chars: bool) -> Factory:
    def make(rules: RuleSet, graph: MemoryGraph, clock: Callable[[], float],
             storage: str) -> Engine:
        return ExactHashEngine(exact_rules(rules), evidence=evidence, min_chars=min_chars,
                               storage=storage, graph=graph, clock=clock)

    return make


DETECTORS: tuple[tuple[str, Factory | None], ...] = (
    ("default", None),
    ("exact-hash", _exact_factory(evidence=True, min_chars=True)),
    ("exact-hash, naive", _exact_factory(evidence=False, min_chars=False)),
)


def quality_config(seed: int = 1, senders: int = 2000, hours: float = 24.0) -> SimConfig:
    """The experiment's simulation: one sender in ten a spammer, no compromised apps."""
    return SimConfig(seed=seed, senders=senders, hours=hours, spam_share=0.1,
                     compromised_share=0.0)


def run_quality(
    corpus: str | Path = DEFAULT_CORPUS,
    *,
    rules: str | Path = "default",  # a file, or a packaged name (policy/packaged.py)
    seed: int = 1,
    senders: int = 2000,
    hours: float = 24.0,
    detectors: tuple[tuple[str, Factory | None], ...] = DETECTORS,
) -> dict[str, Any]:
    """The detection table: one row per detector (a JSON-ready dict)."""
    ruleset = load_rules(rules)
    config = quality_config(seed, senders, hours)
    events: list[Event] = list(simulate(config, load_corpus(corpus)))
    rows = []
    for name, factory in detectors:
        labels = replay(events, ruleset, engine_factory=factory).a.labels
        if labels is None:  # the simulation labels every sender
            raise ValueError("the simulated events carry no labels")
        rows.append({
            "detector": name,
            "spam_senders": labels.spam_senders,
            "caught_by_5th_recipient": labels.spam_caught_early,
            "caught_by_5th_recipient_share": labels.spam_caught_early_share,
            "caught_ever_share": labels.recall,
            "ordinary_senders": labels.ham_senders,
            "ordinary_cooled_down": labels.ham_cooled_down,
            "ordinary_cooled_down_share": labels.ham_cooled_down_share,
            "ordinary_refusals_by_behaviour": labels.ham_refusals_by_tag,
        })
    return {
        "simulation": dataclasses.asdict(config),
        "rules": str(rules),
        "rules_version": ruleset.version,
        "sends": sum(1 for e in events if isinstance(e, SendEvent)),
        "targets": {"caught_by_5th_recipient_share_min": TARGET_CAUGHT,
                    "ordinary_cooled_down_share_max": TARGET_COOLED},
        "rows": rows,
    }


def format_table(result: dict[str, Any]) -> str:
    """The detection table as Markdown (what docs/backtests.md shows)."""
    lines = [
        "| detector | spam senders caught by their 5th recipient | caught at all "
        "| ordinary senders ever cooled down |",
        "|---|---|---|---|",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['detector']} "
            f"| {_pct(row['caught_by_5th_recipient_share'])} "
            f"({row['caught_by_5th_recipient']} of {row['spam_senders']}) "
            f"| {_pct(row['caught_ever_share'])} "
            f"| {_pct(row['ordinary_cooled_down_share'])} "
            f"({row['ordinary_cooled_down']} of {row['ordinary_senders']}) |"
        )
    return "\n".join(lines)


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share * 100:.1f}%"
