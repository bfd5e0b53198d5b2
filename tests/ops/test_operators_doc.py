"""docs/operators.md stays true: every python block runs as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOC = ROOT / "docs" / "operators.md"


def blocks() -> list[tuple[int, str]]:
    text = DOC.read_text(encoding="utf-8")
    out = []
    for match in re.finditer(r"```python\n(.*?)```", text, flags=re.S):
        out.append((text[:match.start()].count("\n") + 2, match.group(1)))
    return out


def test_the_doc_has_examples() -> None:
    assert len(blocks()) >= 3


@pytest.mark.parametrize("line,code", blocks(), ids=[f"line{n}" for n, _ in blocks()])
def test_python_block_runs(line: int, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    compiled = compile("\n" * (line - 1) + code, str(DOC), "exec")
    exec(compiled, {"__name__": "__doc_example__"})
    assert Path("rules/default.toml").exists()
