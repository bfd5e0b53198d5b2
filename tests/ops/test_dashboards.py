"""The Grafana dashboard and the alert rules: structure, and promtool's own checks.

promtool checks every alert rule, runs the alert unit tests (dashboards/alerts_test.yml),
and parses every dashboard expression (each is wrapped as a recording rule, since promtool
has no offline query check). tests/ops/test_prometheus_integration.py then runs all of them
against a live Prometheus.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from policy.metrics import METRICS
from tests.conftest import ROOT

DASHBOARDS = ROOT / "dashboards"
DASHBOARD = DASHBOARDS / "dm-policy.json"
ALERTS = DASHBOARDS / "alerts.yml"
ALERTS_TEST = DASHBOARDS / "alerts_test.yml"
DATASOURCE = {"type": "prometheus", "uid": "${datasource}"}
REQUIRED_ALERTS = {
    "DmPolicyRefusalSpike",
    "DmPolicyStorageFallbackActive",
    "DmPolicyDecisionLatencyHigh",
    "DmPolicyRulesReloadFailed",
    "DmPolicyShadowRuleWouldRefuseMuch",
    "DmPolicyStateCacheMostlyMissed",
}
# What Grafana puts in place of its variables; the integration test passes its own.
GRAFANA_VARIABLES = {"$__rate_interval": "1m", "$__interval": "15s", "$__range": "1h"}

_needs_promtool = pytest.mark.skipif(
    shutil.which("promtool") is None,
    reason="promtool is absent (Debian package 'prometheus'; .ci/run installs it)",
)


def prometheus_tools(test: Any) -> Any:
    return pytest.mark.prometheus(_needs_promtool(test))


def load_dashboard() -> dict[str, Any]:
    return json.loads(DASHBOARD.read_text())


def load_yaml(path: Path) -> Any:
    # PyYAML is not a dependency of the package; promtool and the integration test (which
    # reads the rules back from Prometheus as JSON) check the same files without it.
    yaml = pytest.importorskip("yaml", reason="PyYAML is absent (pip install pyyaml)")
    return yaml.safe_load(path.read_text())


def load_alerts() -> list[dict[str, Any]]:
    doc = load_yaml(ALERTS)
    return [rule for group in doc["groups"] for rule in group["rules"]]


def substitute(expr: str, variables: dict[str, str]) -> str:
    # Longest names first: $__range must not eat the start of $__rate_interval.
    for name in sorted(variables, key=len, reverse=True):
        expr = expr.replace(name, variables[name]).replace(
            "${" + name[1:] + "}", variables[name])
    return expr


def dashboard_panels() -> list[dict[str, Any]]:
    return [p for p in load_dashboard()["panels"] if p.get("type") != "row"]


def dashboard_expressions(variables: dict[str, str] = GRAFANA_VARIABLES) -> list[tuple[str, str]]:
    """(panel title and refId, expression with the Grafana variables filled in)."""
    return [(f"{panel['title']} [{target['refId']}]", substitute(target["expr"], variables))
            for panel in dashboard_panels() for target in panel["targets"]]


def alert_expressions() -> list[tuple[str, str]]:
    return [(rule["alert"], rule["expr"]) for rule in load_alerts()]


def promtool(*args: str | Path, cwd: Path = DASHBOARDS) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["promtool", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def check_as_recording_rules(expressions: list[tuple[str, str]],
                             tmp_path: Path) -> subprocess.CompletedProcess[str]:
    rules = [{"record": f"dashboard:expression_{i}", "expr": expr}
             for i, (_title, expr) in enumerate(expressions)]
    path = tmp_path / "dashboard_expressions.yml"  # JSON is YAML: no YAML library needed
    path.write_text(json.dumps({"groups": [{"name": "dashboard", "rules": rules}]}, indent=1))
    return promtool("check", "rules", path)


# -- the dashboard ------------------------------------------------------------------------


def test_dashboard_has_a_prometheus_datasource_variable() -> None:
    variables = load_dashboard()["templating"]["list"]
    datasource = [v for v in variables if v["name"] == "datasource"]
    assert len(datasource) == 1
    assert datasource[0]["type"] == "datasource" and datasource[0]["query"] == "prometheus"


def test_dashboard_is_importable_json() -> None:
    dashboard = load_dashboard()
    assert dashboard["id"] is None  # Grafana assigns it on import
    assert dashboard["uid"] == "dm-policy" and dashboard["title"]
    assert isinstance(dashboard["schemaVersion"], int)
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    for panel in dashboard["panels"]:
        grid = panel["gridPos"]
        assert 0 <= grid["x"] and grid["x"] + grid["w"] <= 24 and grid["h"] > 0


def test_every_panel_queries_the_datasource_variable() -> None:
    panels = dashboard_panels()
    assert len(panels) >= 8
    for panel in panels:
        assert panel["datasource"] == DATASOURCE, panel["title"]
        assert panel["targets"], panel["title"]
        for target in panel["targets"]:
            assert target["expr"].strip(), (panel["title"], target)
            assert target.get("datasource", DATASOURCE) == DATASOURCE
        ref_ids = [t["refId"] for t in panel["targets"]]
        assert len(ref_ids) == len(set(ref_ids)), panel["title"]


def exported_sample_names() -> set[str]:
    names: set[str] = set()
    for m in METRICS:
        if m.kind == "histogram":
            names |= {f"{m.name}_bucket", f"{m.name}_count", f"{m.name}_sum"}
        else:
            names.add(m.name)
    return names


@pytest.mark.parametrize("source", ["dashboard", "alerts"])
def test_expressions_use_only_exported_metrics(source: str) -> None:
    expressions = dashboard_expressions() if source == "dashboard" else alert_expressions()
    exported = exported_sample_names()
    used = {m for _title, expr in expressions for m in re.findall(r"dm_policy_\w+", expr)}
    assert used and used <= exported, used - exported


def test_dashboard_covers_what_operators_need() -> None:
    joined = "\n".join(expr for _title, expr in dashboard_expressions())
    for needle in (
        "sum by (verdict) (rate(dm_policy_decisions_total",  # decisions/s by verdict
        "sum by (rule) (rate(dm_policy_decisions_total",  # refusal ratio by rule
        "dm_policy_shadow_refusals_total",  # shadow ...
        "dm_policy_rule_refusals_total",  # ... vs enforce
        "dm_policy_cooldowns_started_total",
        "histogram_quantile(0.5, sum by (le, storage) (rate(dm_policy_decision_duration",
        "histogram_quantile(0.99, sum by (le, storage) (rate(dm_policy_decision_duration",
        "dm_policy_storage_errors_total",
        "dm_policy_degraded_decisions_total",
        "dm_policy_rules_reloads_total",
        "dm_policy_rules_version_info",
    ):
        assert needle in joined, needle


@prometheus_tools
def test_promtool_parses_every_dashboard_expression(tmp_path: Path) -> None:
    result = check_as_recording_rules(dashboard_expressions(), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(dashboard_expressions())} rules found" in result.stdout


@prometheus_tools
def test_the_expression_check_rejects_broken_promql(tmp_path: Path) -> None:
    broken = [("broken", "sum by (rule) (rate(dm_policy_decisions_total[1m])")]
    result = check_as_recording_rules(broken, tmp_path)
    assert result.returncode != 0


# -- the alert rules ----------------------------------------------------------------------


def test_alerts_cover_the_required_cases_with_summary_and_runbook() -> None:
    rules = load_alerts()
    assert {rule["alert"] for rule in rules} == REQUIRED_ALERTS
    for rule in rules:
        annotations = rule["annotations"]
        assert len(annotations["summary"]) > 20, rule["alert"]
        assert len(annotations["runbook"]) > 80, rule["alert"]
        assert rule["labels"]["severity"] in {"info", "warning", "critical"}


def test_every_alert_has_a_unit_test_that_fires_it() -> None:
    doc = load_yaml(ALERTS_TEST)
    assert doc["rule_files"] == ["alerts.yml"]
    fired = {case["alertname"] for test in doc["tests"]
             for case in test.get("alert_rule_test", []) if case["exp_alerts"]}
    quiet = {case["alertname"] for test in doc["tests"]
             for case in test.get("alert_rule_test", []) if not case["exp_alerts"]}
    assert fired == REQUIRED_ALERTS and quiet == REQUIRED_ALERTS


@prometheus_tools
def test_promtool_check_rules() -> None:
    result = promtool("check", "rules", ALERTS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(REQUIRED_ALERTS)} rules found" in result.stdout


@prometheus_tools
def test_promtool_test_rules() -> None:
    result = promtool("test", "rules", ALERTS_TEST)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


@prometheus_tools
def test_promtool_unit_tests_can_fail(tmp_path: Path) -> None:
    # The same tests against rules whose spike threshold was raised: they must fail.
    (tmp_path / "alerts.yml").write_text(ALERTS.read_text().replace(") > 0.25", ") > 0.9"))
    (tmp_path / "alerts_test.yml").write_text(ALERTS_TEST.read_text())
    result = promtool("test", "rules", "alerts_test.yml", cwd=tmp_path)
    assert result.returncode != 0
    assert "DmPolicyRefusalSpike" in result.stdout + result.stderr
