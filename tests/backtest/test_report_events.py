"""Report events in simulations and replays (``policy/backtest/feedback.py``, ``events.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policy.backtest.events import EventError, ReportEvent, SendEvent, dump_event, read_events
from policy.backtest.feedback import FeedbackConfig, with_reports
from policy.backtest.replay import replay
from policy.backtest.simulate import SimConfig, simulate
from policy.cli import main
from policy.rules import load_rules
from tests.conftest import DEFAULT_RULES


def test_a_report_event_reads_back_and_bad_ones_name_their_line() -> None:
    event = ReportEvent(1_800_000_000.0, "u2", "u1", "block")
    assert list(read_events([dump_event(event)])) == [
        ReportEvent(1_800_000_000.0, "u2", "u1", "block", line=1)]
    bad = json.dumps({"t": 1.0, "type": "report", "reporter": "a", "sender": "b", "kind": "x"})
    with pytest.raises(EventError, match="line 1: kind"):
        list(read_events([bad]))
    with pytest.raises(EventError, match="reporter"):
        list(read_events([json.dumps({"t": 1.0, "type": "report", "sender": "b"})]))


def test_reports_come_in_time_order_from_recipients_of_each_sender_once() -> None:
    config = SimConfig(seed=2, senders=60, hours=12)
    events = list(with_reports(simulate(config), FeedbackConfig(spam_share=0.5, ham_share=0.05)))
    assert [e.t for e in events] == sorted(e.t for e in events)
    reports = [e for e in events if isinstance(e, ReportEvent)]
    assert reports and len({(r.sender, r.reporter) for r in reports}) == len(reports)
    sent_to = {(e.sender, r) for e in events if isinstance(e, SendEvent) for r in e.recipients}
    assert all((r.sender, r.reporter) in sent_to for r in reports)
    again = list(with_reports(simulate(config), FeedbackConfig(spam_share=0.5, ham_share=0.05)))
    assert again == events  # deterministic for a seed


def test_replay_runs_the_reports(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert main(["simulate", "--seed", "1", "--senders", "80", "--hours", "24", "--reports",
                 "--report-share", "0.3", "-o", str(out)]) == 0
    with open(out, encoding="utf-8") as lines:
        summary = replay(read_events(lines), load_rules(DEFAULT_RULES))
    assert summary.events.count("report") > 0
