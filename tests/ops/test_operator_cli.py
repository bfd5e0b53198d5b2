"""The operator subcommands (standing, lift-cooldown, reset-quota, credit-quota, audit) on
a real redis-server: the state a running engine left, seen and changed from the CLI."""

from __future__ import annotations

import json
from typing import Any

import pytest

from policy import Engine, MemoryGraph
from policy.cli import main
from policy.requests import SendRequest
from policy.rules import load_rules
from tests import servers
from tests.conftest import DEFAULT_RULES

SPAM = "Win a prize now: visit winprize.example or call 555 0100 today, {i}"


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.redis
def test_standing_lift_and_audit_from_the_cli(request: pytest.FixtureRequest,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    server = servers.session_redis(request.config)
    uri = f"{server.url}?key_prefix={servers.unique_prefix()}"
    graph = MemoryGraph()
    for i in range(20):
        graph.follow(f"r{i}", "alice")
    engine = Engine(load_rules(DEFAULT_RULES), storage=uri, graph=graph)
    for i in range(8):
        engine.check(SendRequest("alice", (f"r{i}",), SPAM.format(i=i)))
    assert not engine.check(SendRequest("alice", ("r9",), "hello")).allowed
    common = ("--storage", uri, "--rules", str(DEFAULT_RULES))

    code, out, _ = _cli(capsys, "standing", "alice", *common)
    assert code == 1 and "cannot send now" in out and "restarts the wait" in out
    code, out, _ = _cli(capsys, "standing", "alice", *common, "--json")
    standing = json.loads(out)
    assert standing["would"]["verdict"] == "cooldown"
    # read only: asking again gives the same until
    code, again, _ = _cli(capsys, "standing", "alice", *common, "--json")
    until = [r["until"] for r in standing["rules"] if r["kind"] == "cooldown"]
    assert until == [r["until"] for r in json.loads(again)["rules"] if r["kind"] == "cooldown"]

    code, out, _ = _cli(capsys, "lift-cooldown", "alice", *common, "--reason", "ticket 5",
                        "--actor", "agent-1", "--json")
    assert code == 0
    record: dict[str, Any] = json.loads(out)
    assert record["actor"] == "agent-1" and record["action"] == "lift_cooldown"
    # every wait is over, someone new included (the ways back counted are forgotten too)
    assert record["before"]["ways_back"] == {"links_to_strangers": 4}
    assert engine.check(SendRequest("alice", ("r9",), "hello")).allowed

    code, out, _ = _cli(capsys, "credit-quota", "alice", "1", *common, "--reason", "goodwill")
    assert code == 0 and "credit_quota" in out
    code, out, _ = _cli(capsys, "reset-quota", "alice", *common, "--reason", "r",
                        "--rule", "daily_quota")
    assert code == 0 and '"daily_quota":0' in out
    code, out, _ = _cli(capsys, "audit", "alice", *common, "--json")
    assert [r["action"] for r in json.loads(out)] == ["reset_quota", "credit_quota",
                                                     "lift_cooldown"]
    code, out, _ = _cli(capsys, "audit", *common)
    assert code == 0 and out.count("\n") == 3 and "alice" not in out  # hashed ids only
    code, _, err = _cli(capsys, "lift-cooldown", "alice", *common, "--reason", " ")
    assert code == 2 and "reason" in err
    code, _, err = _cli(capsys, "reset-quota", "alice", *common, "--reason", "r", "--rule", "x")
    assert code == 2
    engine.close()


def test_storage_down_is_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    uri = (f"redis://127.0.0.1:{servers.free_port()}/0?socket_connect_timeout=0.2"
           "&socket_timeout=0.2&retries=0")
    for argv in (("standing", "alice"), ("lift-cooldown", "alice", "--reason", "r"),
                 ("audit", "alice")):
        code, _, err = _cli(capsys, *argv, "--storage", uri, "--rules", str(DEFAULT_RULES))
        assert code == 3 and "unavailable" in err
