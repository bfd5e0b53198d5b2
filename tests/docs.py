"""The documentation the tests hold to the code: README.md and every docs/*.md (found,
not listed, so a new page is held too). Code blocks are read from the files as written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

README = ROOT / "README.md"
DOCS = ROOT / "docs"


def doc_files() -> list[Path]:
    """README.md, then docs/*.md in name order."""
    return [README, *sorted(DOCS.glob("*.md"))]


@dataclass(frozen=True, slots=True)
class Block:
    path: Path
    line: int  # of the block's first line of code
    code: str

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(lang: str, files: list[Path] | None = None) -> list[Block]:
    """Every ```<lang> block of the documentation."""
    found = []
    for path in files or doc_files():
        current: list[str] | None = None
        start = 0
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if current is None and line.strip() == f"```{lang}":
                current, start = [], number + 1
            elif current is not None and line.strip() == "```":
                found.append(Block(path, start, "\n".join(current) + "\n"))
                current = None
            elif current is not None:
                current.append(line)
    return found


def python_block(marker: str) -> Block:
    """The one python block of the documentation that contains ``marker``."""
    found = [b for b in blocks("python") if marker in b.code]
    assert len(found) == 1, f"one python block of README.md/docs must contain {marker!r}: " \
                            f"{[b.where for b in found]}"
    return found[0]


def text() -> str:
    """All of the documentation, as one text."""
    return "\n".join(p.read_text(encoding="utf-8") for p in doc_files())


def section(name: str) -> str:
    """The text between ``<!-- section:name -->`` and ``<!-- /section:name -->``, of every
    such section (a topic's page may add its own part, e.g. its metrics)."""
    parts = text().split(f"<!-- section:{name} -->")[1:]
    assert parts, f"no section {name!r} in README.md or docs/"
    return "\n".join(part.split(f"<!-- /section:{name} -->")[0] for part in parts)
