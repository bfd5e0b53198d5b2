"""docs/signals.md stays true: each of its ```python blocks runs as written (from the
repository root, on memory://)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

DOC = ROOT / "docs" / "signals.md"


def blocks() -> list[tuple[int, str]]:
    text = DOC.read_text(encoding="utf-8")
    return [(text[: m.start()].count("\n") + 2, m.group(1))
            for m in re.finditer(r"```python\n(.*?)```", text, re.S)]


def test_the_doc_has_examples() -> None:
    assert len(blocks()) >= 2


@pytest.mark.parametrize("line, code", blocks(), ids=lambda v: str(v) if isinstance(v, int) else "")
def test_python_block_runs(line: int, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile("\n" * (line - 1) + code, str(DOC), "exec"), {"__name__": "__doc_example__"})


def test_strict_toml_and_the_doc_agree() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert "FIGURES" not in text, "the backtest figures are missing"
    strict = (ROOT / "rules" / "strict.toml").read_text(encoding="utf-8")
    for needle in ('recipients = 3', 'limit = "100/day"', 'challenge = ["self_message"]'):
        assert needle in strict
    assert "rules/strict.toml" in text
