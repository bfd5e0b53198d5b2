"""The recipient-reports backtest (``policy/backtest/feedback.py``): a smaller run of the
issue's target. Spun spam senders (the tactic the duplicates rule misses) against the
default rules for two weeks, 2% of their recipients reporting or blocking, ordinary users
beside them with 0.1% of their recipients reporting: the median spam sender is stopped
within 150 strangers, and at most 0.5% of the ordinary senders are ever refused by the
reports rule."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from policy.backtest.adversary import RunConfig, ham_events, run_tactic
from policy.backtest.feedback import (
    STOPPED_WITHIN,
    FeedbackConfig,
    reports_targets_met,
    without_reports,
)
from policy.backtest.simulate import load_corpus
from policy.cli import main
from policy.rules import RuleSet, load_rules
from tests.conftest import DEFAULT_RULES

pytestmark = pytest.mark.corpus

CONFIG = RunConfig(seed=3, spammers=12, ham_senders=200, hours=14 * 24)


def _without_links(rules: RuleSet) -> RuleSet:
    """The default rules without links_to_strangers: what a campaign whose texts carry no
    phone number or link meets (that rule holds spun copies with one to 4 strangers a day,
    too few for 2% of them to report anything within two weeks: see docs/spam.md)."""
    return replace(rules, rules=tuple(r for r in rules.rules if r.name != "links_to_strangers"))


def test_spun_spam_is_stopped_by_reports_within_150_strangers(corpus_path: Path) -> None:
    rules = _without_links(load_rules(DEFAULT_RULES))
    corpus = load_corpus(corpus_path)
    ham = ham_events(CONFIG, corpus)
    row = run_tactic("spun", rules, corpus, CONFIG, ham=ham, feedback=FeedbackConfig())
    assert row["ham_senders"] >= 200
    assert reports_targets_met(row) == {"stopped_within_150": True, "ham_affected": True}, row
    assert row["strangers_before_stopped_median"] <= STOPPED_WITHIN
    assert row["spam_stopped_share"] >= 0.75
    assert row["ham_refused_by_reports_share"] <= 0.005
    assert row["report_outcomes"].get("counted", 0) > 0
    # The other rules alone miss it: over the same two weeks the median spam sender
    # reaches more than 150 strangers.
    base = run_tactic("spun", without_reports(rules), corpus, CONFIG, ham=ham)
    assert base["reached_per_day_mean"] * 14 > STOPPED_WITHIN
    assert row["reached_per_day_mean"] < base["reached_per_day_mean"]


def test_no_reports_no_stop(corpus_path: Path) -> None:
    rules = load_rules(DEFAULT_RULES)
    corpus = load_corpus(corpus_path)
    config = RunConfig(seed=1, spammers=3, ham_senders=10, hours=3 * 24)
    row = run_tactic("spun", rules, corpus, config, ham=ham_events(config, corpus),
                     feedback=FeedbackConfig(spam_share=0.0, ham_share=0.0))
    assert row["spam_stopped"] == 0 and row["report_outcomes"] == {}


def test_feedback_config_is_validated() -> None:
    with pytest.raises(ValueError, match="spam_share"):
        FeedbackConfig(spam_share=1.5)
    with pytest.raises(ValueError, match="delay_mean"):
        FeedbackConfig(delay_mean=0)


def test_the_cli_prints_the_reports_table(corpus_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quality", "--adversary", "short", "--reports", "--days", "2",
                 "--spammers", "2", "--ham-senders", "10", "--corpus", str(corpus_path)]) == 0
    out = capsys.readouterr().out
    assert "| short | 2 |" in out and "stopped by reports" in out
