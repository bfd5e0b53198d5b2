"""The HTML report: one self-contained file with its tables and charts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from policy.backtest.events import read_events
from policy.backtest.replay import replay
from policy.backtest.report import render, write_report
from policy.cli import main
from policy.rules import load_rules, parse_rules
from tests.conftest import DATA, DEFAULT_RULES, T0

pytest.importorskip("matplotlib", reason="the HTML report needs the 'report' extra (matplotlib)")

SMALL = DATA / "backtest_small.jsonl"


def small_summary(with_b: bool = False) -> dict:
    rules_b = None
    if with_b:
        rules_b = parse_rules(DEFAULT_RULES.read_text(encoding="utf-8")
                              .replace("recipients = 5", "recipients = 3"), file="<b>")
    return replay(read_events(SMALL.read_text(encoding="utf-8").splitlines()),
                  load_rules(DEFAULT_RULES), rules_b=rules_b)


@pytest.fixture(scope="module")
def document_a() -> str:
    return render(small_summary())


@pytest.fixture(scope="module")
def document_ab() -> str:
    return render(small_summary(with_b=True))


def figure(document: str, chart_id: str) -> str:
    match = re.search(rf'<figure id="{chart_id}">(.*?)</figure>', document, re.S)
    assert match is not None, f"no figure {chart_id}"
    return match.group(1)


def test_the_report_holds_its_charts_as_inline_svg(document_a: str) -> None:
    document = document_a
    assert document.startswith("<!DOCTYPE html>") and document.rstrip().endswith("</html>")
    for chart in ("chart-refusals-a", "chart-quota-a", "chart-catch-a"):
        svg = figure(document, chart)
        assert svg.lstrip().startswith("<svg")
        assert "<path" in svg  # something is drawn
    # The refusals chart has one line per refusing rule, with its legend (text drawn as paths).
    refusals = figure(document, "chart-refusals-a")
    assert refusals.count('id="line2d_') >= 4  # axis ticks and lines: more than an empty chart
    assert "Refusals over time by rule (A)" in document
    assert "Time to catch a spam sender (A)" in document


def test_the_report_opens_offline(document_ab: str) -> None:
    document = document_ab
    assert "<script" not in document
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', document)
    assert "@import" not in document
    assert not re.search(r"url\((?!#)", document)  # only references inside the document


def test_the_tables_say_what_the_replay_found(document_ab: str) -> None:
    document = document_ab
    assert "<td>duplicates/duplicate_content</td>" in document
    assert "Differences (A to B)" in document
    assert "3 decisions change, for 1 senders" in document
    for chart in ("chart-refusals-b", "chart-quota-b", "chart-catch-b"):
        figure(document, chart)


def test_ids_are_escaped() -> None:
    lines = [json.dumps({"t": T0, "type": "follow", "follower": "bob",
                         "followee": "<script>alert(1)</script>"}),
             json.dumps({"t": T0 + 1, "type": "send", "sender": "<script>alert(1)</script>",
                         "recipients": ["zoe"], "text": "hello there"})]
    document = render(replay(read_events(lines), load_rules(DEFAULT_RULES)))
    assert "<script>" not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document


def test_a_replay_of_sends_without_follows_says_why_in_the_report() -> None:
    send = {"t": T0, "type": "send", "sender": "alice", "recipients": ["bob"], "text": "hi"}
    document = render(replay(read_events([json.dumps(send)]), load_rules(DEFAULT_RULES)))
    assert "refused not_follower and the events hold no follow events" in document
    follow = {"t": T0, "type": "follow", "follower": "bob", "followee": "alice"}
    document = render(replay(read_events([json.dumps(follow), json.dumps(send)]),
                             load_rules(DEFAULT_RULES)))
    assert "no follow events" not in document


def test_the_same_summary_gives_the_same_file(tmp_path: Path) -> None:
    summary = small_summary()
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    write_report(summary, a)
    write_report(summary, b)
    assert a.read_bytes() == b.read_bytes()
    assert not list(tmp_path.glob("*.tmp"))


def test_replay_writes_the_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["replay", str(SMALL), "--rules", str(DEFAULT_RULES), "--report", str(out)]) == 0
    document = out.read_text(encoding="utf-8")
    figure(document, "chart-refusals-a")
    # A missing directory is made; a path through a file cannot be: one error line, exit 2.
    assert main(["replay", str(SMALL), "--rules", str(DEFAULT_RULES),
                 "--report", str(tmp_path / "absent" / "r.html")]) == 0
    assert (tmp_path / "absent" / "r.html").is_file()
    assert main(["replay", str(SMALL), "--rules", str(DEFAULT_RULES),
                 "--report", str(out / "r.html")]) == 2


def test_an_empty_replay_still_gives_a_report() -> None:
    summary = replay(read_events([]), load_rules(DEFAULT_RULES))
    assert summary["events"] == {"total": 0}
    document = render(summary)
    figure(document, "chart-refusals-a")
    assert "chart-catch-a" not in document  # no labels, no catch chart
