"""The ``dm-policy`` command line: ``--help`` everywhere, ``lint``, ``check`` and ``demo``."""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from policy.cli import COMMANDS, build_parser, main
from tests.conftest import ROOT
from tests.processes import stop_process

DEFAULT_RULES = str(ROOT / "rules" / "default.toml")


def subcommands() -> list[str]:
    """The names the parser knows (a module ``serve_metrics`` may register ``serve-metrics``)."""
    actions = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


def test_every_command_module_registers_a_subcommand() -> None:
    names = subcommands()
    assert len(names) == len(COMMANDS)
    assert {"tour", "lint", "check", "demo"} <= set(names)


@pytest.mark.parametrize("command", [None, *subcommands()])
def test_help_on_every_command(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--help"] if command is None else [command, "--help"]
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: dm-policy" + ("" if command is None else f" {command}"))
    if command is None:
        assert all(name in out for name in subcommands())


# -- lint ------------------------------------------------------------------


def test_lint_accepts_the_default_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", DEFAULT_RULES]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"ok: {DEFAULT_RULES}")
    assert "daily_quota (quota, enforce)" in out


BAD_FIELD = """
[[rules]]
name = "daily_quota"
check = "quota"
limit = "lots/day"
"""

BAD_MODE = """
[[rules]]
name = "followers_only"
check = "follows"
mode = "sometimes"
"""


@pytest.mark.parametrize(
    ("text", "rule", "field"),
    [(BAD_FIELD, "daily_quota", "limit"), (BAD_MODE, "followers_only", "mode")],
)
def test_lint_names_file_rule_field_and_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, rule: str, field: str
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    assert main(["lint", DEFAULT_RULES, str(bad)]) != 0
    captured = capsys.readouterr()
    assert f"ok: {DEFAULT_RULES}" in captured.out  # every file is checked, not only the first
    error = captured.err.strip()
    assert str(bad) in error and f"rule {rule!r}" in error and f"field {field!r}" in error
    assert error.split(":", 1)[0] == "error" and error.rsplit(":", 1)[1].strip()


def test_lint_missing_file_and_invalid_toml(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[rules]\nname=", encoding="utf-8")
    assert main(["lint", str(tmp_path / "absent.toml"), str(broken)]) != 0
    err = capsys.readouterr().err
    assert "absent.toml" in err and "cannot read" in err
    assert "broken.toml" in err and "not valid TOML" in err


# -- check -----------------------------------------------------------------


def check(*args: str) -> list[str]:
    return ["check", "--rules", DEFAULT_RULES, "--sender", "alice", *args]


def test_check_allows_and_prints_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(check("--to", "bob", "--text", "Lunch?")) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "ALLOW"
    assert "999/1000" in out


def test_check_refusal_is_exit_1_with_rule_and_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(check("--to", "bob,carol", "--text", "hi", "--followers", "bob")) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "REJECT"
    assert "followers_only: [not_follower]" in out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(check("--to", "bob", "--text", "y" * 155, "--channel", "sms", "--json")) == 1
    decision = json.loads(capsys.readouterr().out)
    assert decision["verdict"] == "reject"
    assert decision["reasons"][0]["code"] == "sms_too_long"
    assert decision["allowed"] is False


def test_check_self_message_through_an_app(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(check("--to", "alice", "--text", "me", "--app", "autoposter", "--json")) == 1
    assert json.loads(capsys.readouterr().out)["reasons"][0]["code"] == "self_message"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--to", ",", "--text", "hi"], "recipients"),
        (["--to", "bob,bob", "--text", "hi"], "twice"),
        (["--to", "bob", "--text", "hi", "--storage", "nosuch://"], "unknown storage URI"),
    ],
)
def test_check_bad_input_is_exit_2(args: list[str], needle: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(check(*args)) == 2
    assert needle in capsys.readouterr().err


def test_check_bad_rules_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_FIELD, encoding="utf-8")
    assert main(["check", "--rules", str(bad), "--sender", "a", "--to", "b", "--text", "t"]) == 2
    assert "field 'limit'" in capsys.readouterr().err


# -- demo ------------------------------------------------------------------


def test_demo_refuses_bad_rules_and_a_busy_port(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_MODE, encoding="utf-8")
    assert main(["demo", "--rules", str(bad), "--port", "0"]) == 2
    assert "field 'mode'" in capsys.readouterr().err
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["demo", "--rules", DEFAULT_RULES, "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_demo_serves_on_loopback_and_prints_its_url() -> None:
    pytest.importorskip("uvicorn")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "policy.cli", "demo", "--port", "0", "--rules", DEFAULT_RULES],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "dm-policy demo printed nothing within 30 seconds"
        first = proc.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", first)
        assert found, first
        url = found.group(0).rstrip("/")
        response = None
        for _ in range(100):  # the URL is printed just before uvicorn starts serving
            try:
                response = httpx.post(url + "/1.1/direct_messages/new.json", timeout=5.0,
                                      headers={"authorization": "Bearer alice-token"},
                                      data={"screen_name": "bob", "text": "hello from the test"})
                break
            except httpx.TransportError:
                select.select([], [], [], 0.1)
        assert response is not None and response.status_code == 200
        assert response.json()["recipient_screen_name"] == "bob"
        assert response.headers["x-rate-limit-remaining"] == "999"
    finally:
        stop_process(proc)
