"""The python examples of docs/decision-log.md and docs/console.md run as written."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

DOCS = [ROOT / "docs" / "decision-log.md", ROOT / "docs" / "console.md"]


def blocks() -> list[tuple[str, int, str]]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in re.finditer(r"^```python\n(.*?)^```", text, re.S | re.M):
            line = text[: match.start()].count("\n") + 2
            found.append((doc.name, line, match.group(1)))
    return found


@pytest.mark.parametrize(("doc", "line", "code"), blocks(),
                         ids=[f"{d}:{n}" for d, n, _ in blocks()])
def test_doc_example_runs(doc: str, line: int, code: str, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples name rules/default.toml
    exec(compile("\n" * (line - 1) + code, doc, "exec"), {})


def test_the_screenshots_the_console_doc_shows_exist() -> None:
    text = (ROOT / "docs" / "console.md").read_text(encoding="utf-8")
    images = re.findall(r"img/[\w.-]+\.png", text)
    assert {"img/console-desktop.png", "img/console-phone.png"} <= set(images)
    for image in images:
        assert (ROOT / "docs" / image).stat().st_size > 10_000
