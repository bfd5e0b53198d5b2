"""The sender-context backtest (policy/backtest/context.py): attributes drawn per sender,
read through the graph, and strict.toml's tier measured against the seed policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy.backtest.context import (
    ContextGraph,
    ContextModel,
    format_context_table,
    run_context_quality,
)
from policy.graph import MemoryGraph
from tests.conftest import ROOT, T0


def test_attributes_are_drawn_once_per_sender_and_follow_the_model() -> None:
    model = ContextModel(spam_new_share=0.9, ham_new_share=0.05, seed=3)
    graph = ContextGraph(MemoryGraph(), model, lambda user: user.startswith("spam"), T0)
    assert graph.attributes("spam-1") == graph.attributes("spam-1")
    assert model.attributes("u1", False, T0) == ContextModel(seed=3).attributes("u1", False, T0)
    spam_new = sum(graph.is_new(f"spam-{i}", T0) for i in range(400)) / 400
    ham_new = sum(graph.is_new(f"user-{i}", T0) for i in range(400)) / 400
    assert 0.85 <= spam_new <= 0.95 and ham_new <= 0.1


def test_model_shares_are_validated() -> None:
    with pytest.raises(ValueError, match="spam_new_share"):
        ContextModel(spam_new_share=1.5)


def test_strict_tier_catches_spam_earlier_and_spares_ordinary_senders(corpus_path: Path) -> None:
    result = run_context_quality(corpus_path, rules=(ROOT / "rules" / "default.toml",
                                                ROOT / "rules" / "strict.toml"),
                                 senders=300, hours=8, adversary=False)
    seed, strict = result["rows"]
    assert seed["spam_senders"] == strict["spam_senders"] > 0
    assert strict["spam_caught_by_3rd_share"] > seed["spam_caught_by_3rd_share"]
    assert strict["spam_delivered_per_sender"] < seed["spam_delivered_per_sender"]
    assert strict["ham_affected_share"] <= 0.005
    assert "strict.toml" in format_context_table(result)
