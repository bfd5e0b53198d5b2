"""Issue 14's "done when": in an empty directory outside the repository, every everyday
command runs with no rules path, exit status 0 and no traceback; and a built wheel
carries the rules (what ``pip install dm-policy`` gives a user)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

COMMANDS = [
    ["tour"],
    ["lint"],
    ["check", "--sender", "alice", "--to", "bob", "--text", "Lunch tomorrow?"],
    ["simulate", "--senders", "40", "--hours", "2", "-o", "events.jsonl"],
    ["replay", "events.jsonl", "--report"],
    ["serve-metrics", "--port", "0", "--duration", "1"],
]


def _run(argv: list[str], cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PROMETHEUS_MULTIPROC_DIR", "prometheus_multiproc_dir")}
    env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([sys.executable, "-m", "policy", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=240, check=False)


def _every_command_runs(cwd: Path, pythonpath: Path) -> None:
    assert not (cwd / "rules").exists()
    # The commands run the code under ``pythonpath``, not another install's.
    env = dict(os.environ, PYTHONPATH=str(pythonpath))
    found = subprocess.run([sys.executable, "-c", "import policy; print(policy.__file__)"],
                           cwd=cwd, env=env, capture_output=True, text=True, check=True)
    assert Path(found.stdout.strip()).parent == pythonpath / "policy"
    for argv in COMMANDS:
        done = _run(argv, cwd, pythonpath)
        shown = f"dm-policy {' '.join(argv)}: exit {done.returncode}\n{done.stderr[-2000:]}"
        assert done.returncode == 0, shown
        assert "Traceback" not in done.stderr, shown
        assert "without graph=" not in done.stderr, shown  # every command passes a graph
    assert (cwd / "replay-report.html").is_file()
    assert "dm-policy tour: rules default" in _run(["tour"], cwd, pythonpath).stdout


def test_every_command_runs_outside_the_repository(tmp_path: Path) -> None:
    assert ROOT not in tmp_path.parents
    _every_command_runs(tmp_path, ROOT)


@pytest.mark.slow
def test_a_built_wheel_carries_the_rules(tmp_path: Path) -> None:
    """``pip wheel`` of the project, unpacked into a directory of its own (``--target``):
    the commands run on the rules it carries, from a directory that has none."""
    wheels, target, work = tmp_path / "wheels", tmp_path / "site", tmp_path / "work"
    work.mkdir()
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                            "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True, timeout=600, check=False)
    if built.returncode != 0 and "No matching distribution" in built.stderr:
        pytest.skip("no package index to fetch the build backend (setuptools) from")
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = wheels.glob("dm_policy-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    shipped = sorted(p.name for p in (target / "policy" / "packaged_rules").glob("*.toml"))
    assert shipped == sorted(p.name for p in (ROOT / "rules").glob("*.toml"))
    _every_command_runs(work, target)
