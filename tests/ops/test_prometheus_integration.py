"""A real Prometheus scrapes the metrics while traffic runs through engines; then every
dashboard and alert expression is run through its HTTP API.

The test serves the observer's registry on a free loopback port, starts ``prometheus``
(Debian's package) on another with a 1 s scrape and rule evaluation interval and the
project's alerts.yml loaded, drives traffic until a few scrapes have landed, and queries.
Everything is bounded in time; Prometheus is stopped at the end.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import start_http_server

from policy import Engine, MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.metrics import PrometheusObserver
from policy.rules import load_rules, parse_rules
from tests.conftest import ROOT, T0
from tests.ops.test_dashboards import ALERTS, REQUIRED_ALERTS, dashboard_expressions
from tests.ops.test_metrics import TRAFFIC_RULES, SwitchableStorage, drive_traffic
from tests.processes import free_port, stop_process

PROMETHEUS = shutil.which("prometheus")

pytestmark = [
    pytest.mark.prometheus,
    pytest.mark.slow,
    pytest.mark.timeout(180),
    pytest.mark.skipif(PROMETHEUS is None,
                       reason="prometheus is absent (Debian package 'prometheus'; .ci/run "
                              "installs it)"),
]

SCRAPE_SECONDS = 1
# Grafana's $__rate_interval is at least 4 scrape intervals; 10 s holds about 10 samples.
VARIABLES = {"$__rate_interval": "10s", "$__interval": "2s", "$__range": "1m"}
START_TIMEOUT = 30.0
TRAFFIC_TIMEOUT = 60.0
MIN_SCRAPES = 6


def get_json(url: str) -> Any:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:  # a bad query answers 400 with a JSON error
        return json.loads(exc.read())


class Prometheus:
    def __init__(self, base: str) -> None:
        self.base = base

    def query(self, expr: str) -> dict[str, Any]:
        return get_json(f"{self.base}/api/v1/query?" + urllib.parse.urlencode({"query": expr}))

    def api(self, path: str) -> Any:
        return get_json(f"{self.base}/api/v1/{path}")


class Traffic:
    """Rounds of every kind of traffic in a background thread, until stopped."""

    def __init__(self, observer: PrometheusObserver, tmp_path: Path) -> None:
        self.graph = MemoryGraph()
        self.clock = VirtualClock(T0)
        rules = parse_rules(TRAFFIC_RULES)
        self.engine = Engine(rules, graph=self.graph, clock=self.clock, observer=observer)
        self.down = SwitchableStorage()
        self.down.down = True
        self.outage = Engine(rules, storage=self.down, graph=self.graph, clock=self.clock,
                             observer=observer, on_error="fail_open")
        # rules/strict.toml (docs/signals.md): challenges and conditional rules, under the
        # traffic's version so that the live-version gauge stays one series.
        strict = load_rules(ROOT / "rules" / "strict.toml")
        self.signals = Engine(dataclasses.replace(strict, version=rules.version), graph=self.graph,
                              clock=self.clock, observer=observer)
        self.good = tmp_path / "good.toml"
        self.good.write_text(TRAFFIC_RULES)
        self.bad = tmp_path / "bad.toml"
        self.bad.write_text("version = 3\n")
        self.used: list[str] = []
        self.rounds = 0
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="traffic", daemon=True)

    def __enter__(self) -> Traffic:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self.round()
                self._stop.wait(0.25)
        except BaseException as exc:  # surfaced by the test
            self.error = exc

    def round(self) -> None:
        n = self.rounds
        self.used += drive_traffic(self.engine, self.graph, n)
        for i in range(6):  # more strangers: followers_only decides a third of all sends
            self.engine.check(SendRequest(f"mallory{n}", (f"other{n}_{i}",), "Hello stranger"))
        self.graph.follow(f"dana{n}", f"erin{n}")
        for _ in range(3):  # the storage is down: fail_open answers
            self.outage.check(SendRequest(f"erin{n}", (f"dana{n}",), "Lunch at noon?"))
        self.used += [f"dana{n}", f"erin{n}", f"other{n}_0"]
        # A message to oneself on strict.toml: challenged, then the challenge is passed.
        self.signals.check(SendRequest(f"owner{n}", (f"owner{n}",), "note to self",
                                       context={"account_age": "3y"}))
        self.signals.challenge_passed(f"owner{n}")
        self.used.append(f"owner{n}")
        with pytest.raises(ValueError):
            self.engine.reload(self.bad)
        self.engine.reload(self.good)
        self.clock.advance(30)
        self.rounds += 1


@pytest.fixture
def observer() -> PrometheusObserver:
    return PrometheusObserver()


@pytest.fixture
def metrics_port(observer: PrometheusObserver) -> Iterator[int]:
    server, _thread = start_http_server(0, addr="127.0.0.1", registry=observer.registry)
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def prometheus(tmp_path: Path, metrics_port: int) -> Iterator[Prometheus]:
    assert PROMETHEUS is not None
    port = free_port()
    config = tmp_path / "prometheus.yml"
    config.write_text(json.dumps({  # JSON is valid YAML
        "global": {"scrape_interval": f"{SCRAPE_SECONDS}s",
                   "scrape_timeout": f"{SCRAPE_SECONDS}s",
                   "evaluation_interval": f"{SCRAPE_SECONDS}s"},
        "rule_files": [str(ALERTS)],
        "scrape_configs": [{"job_name": "dm-policy",
                            "static_configs": [{"targets": [f"127.0.0.1:{metrics_port}"]}]}],
    }, indent=1))
    log = (tmp_path / "prometheus.log").open("w")
    process = subprocess.Popen(
        [PROMETHEUS, f"--config.file={config}", f"--storage.tsdb.path={tmp_path / 'data'}",
         f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
        stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail("prometheus exited: " + (tmp_path / "prometheus.log").read_text())
            try:
                with urllib.request.urlopen(f"{base}/-/ready", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("prometheus was not ready in time: "
                            + (tmp_path / "prometheus.log").read_text())
            time.sleep(0.2)
        yield Prometheus(base)
    finally:
        stop_process(process, timeout=15)
        log.close()


def wait_for(condition: Any, what: str, timeout: float = TRAFFIC_TIMEOUT) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


def series(answer: dict[str, Any]) -> list[dict[str, Any]]:
    assert answer["status"] == "success", answer
    return answer["data"]["result"]


def by_label(answer: dict[str, Any], label: str) -> dict[str, float]:
    return {s["metric"].get(label, ""): float(s["value"][1]) for s in series(answer)}


def test_dashboard_and_alert_expressions_on_a_real_prometheus(
        prometheus: Prometheus, observer: PrometheusObserver, tmp_path: Path) -> None:
    with Traffic(observer, tmp_path) as traffic:
        scrapes = ('count_over_time(dm_policy_decisions_total{request="send", verdict="allow", '
                   'rule="none", code="none"}[1m])')
        wait_for(lambda: any(float(s["value"][1]) >= MIN_SCRAPES
                             for s in series(prometheus.query(scrapes))),
                 f"{MIN_SCRAPES} scrapes of the metrics endpoint")
        targets = prometheus.api("targets")["data"]["activeTargets"]
        assert [t["health"] for t in targets] == ["up"]

        # Every dashboard expression, as Grafana would send it: valid, and with data.
        for title, expr in dashboard_expressions(VARIABLES):
            assert series(prometheus.query(expr)), f"no data for {title}: {expr}"

        sends = 'sum(rate(dm_policy_decisions_total{request="send"}[10s]))'
        verdicts = by_label(prometheus.query(
            'sum by (verdict) (rate(dm_policy_decisions_total{request="send"}[10s]))'), "verdict")
        assert {"allow", "reject", "throttle", "cooldown", "app_blocked"} <= {
            v for v, rate in verdicts.items() if rate > 0}
        refusing = by_label(prometheus.query(
            'sum by (rule) (rate(dm_policy_decisions_total{request="send", verdict!="allow"}'
            f'[10s])) / ignoring (rule) group_left {sends}'), "rule")
        assert 0.25 < refusing["followers_only"] < 1
        shadow = by_label(prometheus.query(
            'sum by (rule) (rate(dm_policy_shadow_refusals_total{request="send"}[10s]))'
            f' / ignoring (rule) group_left {sends}'), "rule")
        assert shadow.keys() == {"short_texts", "strict_quota"}
        assert all(0 < share < 1 for share in shadow.values())
        p99 = by_label(prometheus.query(
            'histogram_quantile(0.99, sum by (le, storage) '
            '(rate(dm_policy_decision_duration_seconds_bucket[10s])))'), "storage")
        assert 0 < p99["memory"] <= 0.1
        cooldowns = series(prometheus.query(
            "sum(rate(dm_policy_cooldowns_started_total[10s]))"))
        assert float(cooldowns[0]["value"][1]) > 0
        fallbacks = by_label(prometheus.query(
            "sum by (mode) (rate(dm_policy_degraded_decisions_total[10s]))"), "mode")
        assert fallbacks["fail_open"] > 0 and fallbacks["local"] == 0
        version = series(prometheus.query("max by (version) (dm_policy_rules_version_info == 1)"))
        assert [s["metric"]["version"] for s in version] == ["metrics-test-1"]

        # Every alert expression runs; those this traffic should trip return series.
        rules = wait_for(lambda: [r for g in prometheus.api("rules")["data"]["groups"]
                                  for r in g["rules"]
                                  if r["health"] == "ok" and r["lastEvaluation"][:4] != "0001"],
                         "the alert rules to be evaluated")
        assert {r["name"] for r in rules} == REQUIRED_ALERTS
        tripped = {}
        for rule in rules:
            assert rule["annotations"]["summary"] and rule["annotations"]["runbook"]
            tripped[rule["name"]] = series(prometheus.query(rule["query"]))
        assert [s["metric"]["rule"] for s in tripped["DmPolicyRefusalSpike"]] == [
            "followers_only"]
        assert [s["metric"]["mode"] for s in tripped["DmPolicyStorageFallbackActive"]] == [
            "fail_open"]
        assert tripped["DmPolicyRulesReloadFailed"]
        assert {s["metric"]["rule"] for s in tripped["DmPolicyShadowRuleWouldRefuseMuch"]} == {
            "short_texts", "strict_quota"}
        assert tripped["DmPolicyDecisionLatencyHigh"] == []  # memory:// decides in microseconds
        # No Redis here: no state cache decisions (alerts_test.yml fires it with promtool).
        assert tripped["DmPolicyStateCacheMostlyMissed"] == []

        # Prometheus itself evaluates them: pending (they have a "for") or firing.
        expected = REQUIRED_ALERTS - {"DmPolicyDecisionLatencyHigh",
                                      "DmPolicyStateCacheMostlyMissed"}
        alerts = wait_for(lambda: expected <= {a["labels"]["alertname"] for a in
                                               prometheus.api("alerts")["data"]["alerts"]}
                          and prometheus.api("alerts")["data"]["alerts"],
                          "Prometheus to raise the alerts")
        states = {a["labels"]["alertname"]: a["state"] for a in alerts}
        assert states["DmPolicyRulesReloadFailed"] == "firing"  # no "for": at once
        assert states["DmPolicyRefusalSpike"] == "pending"

        # What Prometheus stored carries no id or text in any label.
        stored = prometheus.api("series?" + urllib.parse.urlencode(
            {"match[]": '{__name__=~"dm_policy_.+"}'}))["data"]
        assert stored
        used = set(traffic.used)
        for labels in stored:
            for name, text in labels.items():
                if name not in {"__name__", "instance", "job", "le"}:
                    assert not any(token in text for token in used), (name, text)
    assert traffic.error is None, traffic.error
    assert traffic.rounds >= MIN_SCRAPES


def test_a_broken_expression_is_reported_by_the_api(prometheus: Prometheus) -> None:
    # The checks above can fail: Prometheus answers an error for invalid PromQL.
    answer = prometheus.query("sum by (rule) (rate(dm_policy_decisions_total[10s])")
    assert answer["status"] == "error" and answer["errorType"] == "bad_data"
