"""The rules files that ship inside the package: ``default``, ``shadow-trial`` and any
other ``*.toml`` of the repository's ``rules/`` directory.

In a source checkout they are read from ``rules/`` itself (the source of truth); an
installed wheel carries them as ``policy/packaged_rules/*.toml`` (``setup.py`` maps that
package directory onto ``rules/``, so a new file there is packaged without a code change).
"""

from __future__ import annotations

from pathlib import Path

from policy.errors import RulesError

DEFAULT = "default"
_HERE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    """The directory of the packaged rules files."""
    installed = _HERE / "packaged_rules"
    if installed.is_dir() and any(installed.glob("*.toml")):
        return installed
    return _HERE.parent / "rules"  # a source checkout (or an editable install of one)


def names() -> tuple[str, ...]:
    """The packaged rules files, by name (``default``, ``shadow-trial``...)."""
    return tuple(sorted(p.stem for p in rules_dir().glob("*.toml")))


def packaged(name: str = DEFAULT) -> Path:
    """The path of the packaged rules file ``name`` (``"default"`` or ``"default.toml"``)."""
    stem = name.removesuffix(".toml")
    path = rules_dir() / f"{stem}.toml"
    if "/" in stem or "\\" in stem or not stem or not path.is_file():
        known = ", ".join(names()) or "none"
        raise RulesError(f"no packaged rules named {name!r} (packaged: {known})", file=name)
    return path


def resolve(path: str | Path) -> Path:
    """Where to read the rules ``path`` names: the file itself if it exists; else a
    packaged name (``"default"``, ``"shadow-trial.toml"``), and ``rules/<name>.toml``
    relative to a directory that has no such file (the examples' spelling, outside the
    repository) is the packaged file of that name."""
    given = Path(path)
    if given.exists():
        return given
    text = str(path)
    if "/" not in text and "\\" not in text and (rules_dir() / f"{given.stem}.toml").is_file():
        if given.suffix in ("", ".toml"):
            return rules_dir() / f"{given.stem}.toml"
    parts = given.parts
    if (not given.is_absolute() and len(parts) == 2 and parts[0] == "rules"
            and given.suffix == ".toml" and (rules_dir() / parts[1]).is_file()):
        return rules_dir() / parts[1]
    return given
