"""docs/reports.md stays true: its Python examples run as written (memory://, from the
repository's root, where they read rules/default.toml)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

PAGE = ROOT / "docs" / "reports.md"


def test_every_python_block_of_the_reports_page_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"^```python\n(.*?)^```", PAGE.read_text(encoding="utf-8"),
                        flags=re.S | re.M)
    assert blocks
    for code in blocks:
        exec(compile(code, str(PAGE), "exec"), {"__name__": "docs_reports"})


def test_the_page_gives_the_command_of_its_table() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert "dm-policy quality --adversary mix --reports" in text
    assert "| spun |" in text
