"""What a newcomer trips on (issue 14): the packaged rules, the CLI's defaults and errors,
an engine without a graph, degraded storage in the summaries and exit codes, rates and
durations that read alike, the demo that feeds every dashboard panel."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

from policy import Engine, MemoryGraph, RulesError, SendRequest
from policy.cli import main
from policy.durations import parse_duration, parse_rate
from policy.packaged import names, packaged, rules_dir
from policy.rules import load_rules, parse_rules
from tests import servers
from tests.conftest import DATA, ROOT, T0

SMALL = DATA / "backtest_small.jsonl"
NOWHERE = "redis://127.0.0.1:1/0?socket_timeout=0.2&socket_connect_timeout=0.2"

# -- the packaged rules ------------------------------------------------------------------


def test_the_packaged_rules_are_the_repository_rules_directory() -> None:
    assert rules_dir() == ROOT / "rules"  # a source checkout reads the source of truth
    assert {"default", "shadow-trial"} <= set(names())
    assert names() == tuple(sorted(p.stem for p in (ROOT / "rules").glob("*.toml")))
    assert packaged("default") == ROOT / "rules" / "default.toml"
    assert packaged("shadow-trial.toml") == ROOT / "rules" / "shadow-trial.toml"
    with pytest.raises(RulesError, match=r"no packaged rules named 'nope'.*default"):
        packaged("nope")


def test_packaged_names_load_from_any_directory(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    graph = MemoryGraph()
    expected = load_rules(ROOT / "rules" / "default.toml").version
    for spelling in ("default", "default.toml", "rules/default.toml"):
        assert Engine.from_file(spelling, graph=graph).rules.version == expected
    assert Engine.default(graph=graph).rules.version == expected
    assert load_rules().version == expected
    assert "shadow" in load_rules("shadow-trial").version
    # A file of the cwd wins over a packaged name.
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "default.toml").write_text(
        'version = "mine"\n[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "5/day"\n')
    assert load_rules("rules/default.toml").version == "mine"
    with pytest.raises(RulesError, match=r"cannot read the file.*packaged rules: default"):
        load_rules("missing.toml")


# -- rates, durations, BOM -----------------------------------------------------------------


@pytest.mark.parametrize("rate, expected", [
    ("1000/day", (1000, 86400.0)), ("1000 per day", (1000, 86400.0)),
    ("1000/24h", (1000, 86400.0)), ("1000/1d", (1000, 86400.0)),
    ("1000/week", (1000, 604800.0)), ("1000/7d", (1000, 604800.0)),
    ("10/5 minutes", (10, 300.0)), ("100/hour", (100, 3600.0)), ("5/90m", (5, 5400.0)),
    ("3 per 2 days", (3, 172800.0)),
])
def test_rates_read_like_durations(rate: str, expected: tuple[int, float]) -> None:
    assert parse_rate(rate) == expected
    window = rate.replace(" per ", "/").split("/", 1)[1]
    if window[-1] in "smhdw" and window[0].isdigit() and " " not in window:
        assert parse_duration(window) == expected[1]  # the same words as a duration


@pytest.mark.parametrize("rate, message", [
    ("1000/fortnight", "a rate's window must be a duration"),
    ("1000/400d", "from 1 second to 366 days"),
    ("0/day", "at least one message"),
    ("10/0 minutes", "at least one period"),
    ("1000", "expected a rate like '1000/day' or '1000/24h'"),
])
def test_bad_rates_are_refused_in_our_words(rate: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        parse_rate(rate)
    assert "granularity" not in str(caught.value)


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    text = 'version = "bom"\n[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "1000/24h"\n'
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert load_rules(path).version == "bom"
    assert parse_rules("\ufeff" + text).get("q").params.limit == 1000


# -- an engine without a graph --------------------------------------------------------------


def test_an_engine_without_a_graph_says_so_loudly(caplog: pytest.LogCaptureFixture) -> None:
    with pytest.warns(UserWarning, match="without graph=") as caught:
        engine = Engine.from_file("default")
    assert Path(caught[0].filename).resolve() == Path(__file__).resolve()  # the caller's line
    assert "not_follower" in caplog.text
    assert engine.check(SendRequest("alice", ("bob",), "hi")).code == "not_follower"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Engine.from_file("default", graph=MemoryGraph())  # with one: no warning


def test_replay_of_sends_without_follows_says_why_they_are_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = tmp_path / "sends.jsonl"
    events.write_text(json.dumps({"t": T0, "type": "send", "sender": "alice",
                                  "recipients": ["bob"], "text": "hi"}) + "\n")
    assert main(["replay", str(events)]) == 0
    out = capsys.readouterr().out
    assert "no follow events" in out and '"type": "follow"' in out
    # With a follow event, no note.
    events.write_text(json.dumps({"t": T0, "type": "follow", "follower": "bob",
                                  "followee": "alice"}) + "\n" + events.read_text())
    assert main(["replay", str(events)]) == 0
    assert "no follow events" not in capsys.readouterr().out


# -- degraded storage: summaries and exit codes -------------------------------------------------


def test_check_says_a_degraded_decision_and_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--sender", "alice", "--to", "bob", "--text", "hi",
                 "--storage", NOWHERE])
    captured = capsys.readouterr()
    assert code == 3
    assert "DEGRADED" in captured.out and "unavailable" in captured.err


def test_replay_says_degraded_decisions_and_exits_3(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    out = tmp_path / "summary.json"
    assert main(["replay", str(SMALL), "--storage", NOWHERE, "--json", str(out)]) == 3
    captured = capsys.readouterr()
    assert "DEGRADED: 12 of 12 decisions were made without the storage" in captured.out
    assert "degraded" in captured.err
    assert json.loads(out.read_text())["a"]["decisions"]["degraded"] == {"local": 12}
    assert main(["replay", str(SMALL)]) == 0
    assert "DEGRADED" not in capsys.readouterr().out


def test_tour_says_when_the_storage_was_down(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tour", "--storage", NOWHERE]) == 3
    assert "decisions were made without it (degraded)" in capsys.readouterr().err


@pytest.mark.redis
def test_tour_on_redis_uses_its_own_prefix_and_cleans_up(
        request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]) -> None:
    server = servers.session_redis(request.config)
    client = server.client()
    before = set(client.keys("*"))
    for _ in range(2):  # the second run starts afresh: the 1,000th message is still allowed
        assert main(["tour", "--storage", server.url]) == 0
        out = capsys.readouterr().out
        assert "key prefix dmp-tour-" in out
        assert "hank's 1,000th message of the day                    ALLOW" in out
    # Nothing of the tour's is left, nothing else was written (keys of other tests may
    # expire meanwhile: a state-cache token lives a minute)
    assert set(client.keys("*")) <= before
    assert not [k for k in client.keys("*") if k.startswith(b"dmp-tour-")]


# -- the CLI: defaults, version, one-line errors ---------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith("dm-policy ")


def test_lint_without_a_file_lints_the_packaged_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint"]) == 0
    out = capsys.readouterr().out
    for name in names():
        assert f"ok: {name}:" in out


@pytest.mark.parametrize("argv", [
    ["lint", "/nonexistent.toml"],
    ["check", "--rules", "/nonexistent.toml", "--sender", "a", "--to", "b", "--text", "x"],
    ["check", "--storage", "bogus://x", "--sender", "a", "--to", "b", "--text", "x"],
    ["replay", "/nonexistent.jsonl"],
    ["replay", str(SMALL), "--rules", "nope"],
    ["tour", "--rules", "/nonexistent.toml"],
    ["tour", "--storage", "bogus://x"],
    ["simulate", "--senders", "-3"],
    ["serve-metrics", "--rules", "/nonexistent.toml", "--port", "0", "--duration", "0"],
])
def test_a_users_mistake_is_one_line_not_a_traceback(argv: list[str],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) in (1, 2)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("error: ")


# -- serve-metrics: no arguments, and a demo that feeds every panel ------------------------------


def test_serve_metrics_without_arguments_serves_the_demo(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    monkeypatch.delenv("prometheus_multiproc_dir", raising=False)
    assert main(["serve-metrics", "--port", "0", "--duration", "0.3"]) == 0
    captured = capsys.readouterr()
    assert "serving the demo" in captured.err
    assert "serving metrics on http://127.0.0.1:" in captured.out


def test_the_demo_feeds_every_dashboard_panel() -> None:
    """Every metric family a panel of dashboards/dm-policy.json reads gets samples."""
    from prometheus_client import generate_latest

    from policy.commands.serve_metrics import DemoTraffic, FlakyStorage
    from policy.metrics import PrometheusObserver

    observer = PrometheusObserver()
    traffic = DemoTraffic("shadow-trial", observer)
    assert isinstance(traffic.engine.storage, FlakyStorage)
    for _ in range(3100):  # past two storage outages and three reloads
        traffic.step()
    text = generate_latest(observer.registry).decode()
    dashboard = json.loads((ROOT / "dashboards" / "dm-policy.json").read_text())
    families = set()
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            families |= set(re.findall(r"dm_policy_[a-z_]+", target["expr"]))
    assert "dm_policy_shadow_refusals_total" in families
    for family in sorted(families):
        base = re.sub(r"_(bucket|count|sum)$", "", family)
        samples = [line for line in text.splitlines()
                   if line.startswith(base) and not line.endswith(" 0.0")]
        assert samples, f"the demo leaves the panels on {family} empty"


def test_the_report_without_matplotlib_has_the_tables(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    """A plain ``pip install`` has no matplotlib: ``replay --report`` still writes the
    tables, and says how to get the charts."""
    import builtins

    real_import = builtins.__import__

    def no_matplotlib(name: str, *args: object, **kwargs: object) -> object:
        if name.split(".")[0] == "matplotlib":
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_matplotlib)
    out = tmp_path / "r.html"
    assert main(["replay", str(SMALL), "--report", str(out)]) == 0
    document = out.read_text(encoding="utf-8")
    assert "deciding rule / code" in document and "<svg" not in document
    assert "pip install &#x27;dm-policy[report]&#x27;" in document
