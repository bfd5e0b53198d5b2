"""Prometheus metrics for the engine: an ``Observer`` that counts what the engine decides.

    from prometheus_client import CollectorRegistry
    from policy.metrics import PrometheusObserver, metrics_app

    registry = CollectorRegistry()
    engine = Engine.from_file("default", graph=graph, observer=PrometheusObserver(registry))
    app.mount("/metrics", metrics_app(registry))      # ASGI (Starlette, FastAPI, ...)

Every metric is prefixed ``dm_policy_``. Labels are bounded: rule names (validated by
the rules file), verdicts, refusal codes, storage kinds, failure modes and a few fixed
words. Values that do not look like one of those become ``other``, so a label never
carries a user id, an app id, an address or any message text.

Several worker processes (gunicorn, uvicorn ``--workers``): set the environment variable
``PROMETHEUS_MULTIPROC_DIR`` to an empty directory in the workers' environment (the
client reads it when it is imported, so setting it later in code is too late). Each
worker then writes its values to files there, and ``metrics_app()`` /
``dm-policy serve-metrics`` answer the sum over all workers (see docs/metrics.md).
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    make_asgi_app,
    make_wsgi_app,
)
from prometheus_client.multiprocess import MultiProcessCollector

from policy import fingerprint
from policy.audit import ACTIONS
from policy.decision import Decision, Reason, Verdict
from policy.observe import Observer
from policy.rules import FAILURE_MODES

PREFIX = "dm_policy_"
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

# Decisions take microseconds on memory:// and about a millisecond on Redis; the
# client's default buckets (5 ms to 10 s) would put nearly everything in the first one.
DECISION_BUCKETS = (
    0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005,
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
)
# Share of the enforced quota a sender has used, after the decision.
QUOTA_BUCKETS = (0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1.0)

NONE = "none"  # the rule and code of an allowed decision
OTHER = "other"  # any value that is not a bounded identifier
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]{0,47}$")  # rule names and codes
_STORAGE_KIND = re.compile(r"^[a-z][a-z0-9_+.-]{0,31}$")
_VERSION_CHARS = re.compile(r"[^A-Za-z0-9._:+-]")
_VERDICTS = frozenset(v.value for v in Verdict)
_MODES = frozenset(FAILURE_MODES)


@dataclass(frozen=True, slots=True)
class Metric:
    """One metric as exported: the metrics table of docs/metrics.md is written from ``METRICS``, and
    ``PrometheusObserver`` builds its metrics from it (counters without the ``_total`` the
    client appends)."""

    name: str
    kind: str  # counter, histogram or gauge
    labels: tuple[str, ...]
    help: str
    buckets: tuple[float, ...] | None = None  # histograms only
    multiprocess_mode: str | None = None  # gauges only: how workers' values combine


METRICS: tuple[Metric, ...] = (
    Metric("dm_policy_decisions_total", "counter", ("request", "verdict", "rule", "code"),
           "Decisions by request kind (send, invite), verdict and the deciding rule and code "
           "(none for an allowed request)."),
    Metric("dm_policy_rule_refusals_total", "counter", ("request", "rule", "code", "verdict"),
           "Every enforced refusal reason: a request refused by two rules counts once for "
           "each."),
    Metric("dm_policy_shadow_refusals_total", "counter", ("request", "rule", "code", "verdict"),
           "What shadow-mode rules would have refused (the request was not refused by them)."),
    Metric("dm_policy_cooldowns_started_total", "counter", ("rule",),
           "Spam cooldowns started: enforced duplicate_content or duplicate_contact refusals "
           "while no cooldown runs "
           "(attempts during a cooldown restart it and are not counted here)."),
    Metric("dm_policy_quota_use_ratio", "histogram", (),
           "Share of the enforced quota the sender had used after each send decision "
           "(1.0 at a quota refusal).", buckets=QUOTA_BUCKETS),
    Metric("dm_policy_decision_duration_seconds", "histogram", ("storage",),
           "Time to decide one send, from the request to the decision (10 us to 100 ms "
           "buckets).", buckets=DECISION_BUCKETS),
    Metric("dm_policy_storage_errors_total", "counter", ("storage", "mode"),
           "Storage failures, by storage kind and the failure mode that answered instead."),
    Metric("dm_policy_degraded_decisions_total", "counter", ("mode",),
           "Send decisions answered by a failure mode (fail_open, fail_closed, local) "
           "because the storage was down."),
    Metric("dm_policy_rules_reloads_total", "counter", ("result",),
           "Rules reloads by result (success, failure: the old rules stayed live)."),
    Metric("dm_policy_rules_version_info", "gauge", ("version",),
           "1 for the rules version that is live (0 for one replaced in this process).",
           multiprocess_mode="livemax"),
    Metric("dm_policy_app_self_messages_total", "counter", ("flagged",),
           "Self-messages through a third-party app (the compromised-app signal); flagged=true "
           "once the app has crossed the users bar."),
    Metric("dm_policy_app_revocations_total", "counter", ("trigger",),
           "Apps blocked for one user: automatic (by a self-message) or host (revoke_app)."),
    Metric("dm_policy_storage_config_risk", "gauge", ("storage", "risk"),
           "1 when the storage's server can lose the policy's state, read once when a process "
           "first reaches it: risk=eviction (maxmemory-policy other than noeviction), no_aof "
           "(appendonly no: a restart loses the counts), unknown (CONFIG GET and INFO "
           "refused); 0 when checked and absent.", multiprocess_mode="livemax"),
    Metric("dm_policy_admin_actions_total", "counter", ("action",),
           "Audited operator actions that took effect (lift_cooldown, reset_quota, "
           "credit_quota, revoke_app, restore_app, forget_user): who and why are in the "
           "audit trail (Engine.audit), never in labels."),
    Metric("dm_policy_challenges_total", "counter", ("event", "rule"),
           "CHALLENGE verdicts: event=issued (rule: the rule that asked) and event=passed "
           "(engine.challenge_passed; rule=none)."),
    Metric("dm_policy_conditions_total", "counter", ("rule", "outcome"),
           "Conditional rules (a `when` on the sender's context) per request: outcome=applied, "
           "not_applied, or missing (an attribute was not sent: when_missing decided)."),
    Metric("dm_policy_reports_total", "counter", ("kind", "outcome"),
           "Recipients' reports (Engine.report) by kind (spam, block) and what became of "
           "them: counted, repeated (the reporter already counted), not_reached (the sender "
           "did not write to them as a stranger), replied (they wrote to the sender), "
           "no_rule (no rule takes reports)."),
    Metric("dm_policy_state_cache_total", "counter", ("outcome",),
           "Send decisions on Redis with the state cache on, by how they were made: copy "
           "(from this process's copy of the sender's state: a few writes in Redis), stale "
           "(the copy was not current: the Lua transition decided) or lua (no copy)."),
    # livemin: in multiprocess mode, one worker running pure Python shows as 0.
    Metric("dm_policy_signature_accelerated", "gauge", (),
           "1 when text signatures run in the C accelerator, 0 when in pure Python (built "
           "without a C compiler: 15 to 40 us more per traced text).",
           multiprocess_mode="livemin"),
)


STATE_CACHE_OUTCOMES = ("copy", "stale", "lua")

# Refusal codes that start the spam cooldown (a spam rule fired).
_STARTS_COOLDOWN = frozenset({"duplicate_content", "duplicate_contact"})


def _build(metric: Metric, registry: CollectorRegistry) -> Any:
    """The prometheus-client metric of one ``METRICS`` row, registered in ``registry``."""
    if metric.kind == "counter":
        return Counter(metric.name.removesuffix("_total"), metric.help, metric.labels,
                       registry=registry)
    if metric.kind == "histogram":
        return Histogram(metric.name, metric.help, metric.labels, registry=registry,
                         buckets=metric.buckets or Histogram.DEFAULT_BUCKETS)
    if metric.kind == "gauge":
        return Gauge(metric.name, metric.help, metric.labels, registry=registry,
                     multiprocess_mode=metric.multiprocess_mode or "all")
    raise ValueError(f"unknown metric kind {metric.kind!r} ({metric.name})")


def _identifier(value: str) -> str:
    return value if _IDENTIFIER.match(value) else OTHER


def _storage_kind(value: str) -> str:
    return value if isinstance(value, str) and _STORAGE_KIND.match(value) else OTHER


def _mode(value: str) -> str:
    return value if value in _MODES else OTHER


def _verdict(value: Verdict | str) -> str:
    text = value.value if isinstance(value, Verdict) else str(value)
    return text if text in _VERDICTS else OTHER


def version_label(version: str) -> str:
    """A rules version as a label value: printable, at most 64 characters."""
    cleaned = _VERSION_CHARS.sub("_", str(version))[:64]
    return cleaned or OTHER


class PrometheusObserver(Observer):
    """Implements the engine's observer hooks with prometheus-client metrics.

    ``registry``: where the metrics are registered; a fresh ``CollectorRegistry`` when
    None (never the client's global default, so that tests and several engines in one
    process do not collide). One observer may serve several engines; two observers need
    two registries. ``rules_version``: optionally the live version before any engine
    reports it (an engine reports its rules when it is built).
    """

    def __init__(
        self,
        registry: CollectorRegistry | None = None,
        *,
        rules_version: str | None = None,
    ) -> None:
        self.registry = registry if registry is not None else CollectorRegistry(auto_describe=True)
        built = {m.name: _build(m, self.registry) for m in METRICS}
        self.decisions = built["dm_policy_decisions_total"]
        self.rule_refusals = built["dm_policy_rule_refusals_total"]
        self.shadow_refusals = built["dm_policy_shadow_refusals_total"]
        self.cooldowns_started = built["dm_policy_cooldowns_started_total"]
        self.quota_use = built["dm_policy_quota_use_ratio"]
        self.decision_seconds = built["dm_policy_decision_duration_seconds"]
        self.storage_errors = built["dm_policy_storage_errors_total"]
        self.degraded = built["dm_policy_degraded_decisions_total"]
        self.reloads = built["dm_policy_rules_reloads_total"]
        self.rules_version = built["dm_policy_rules_version_info"]
        self.app_self_messages = built["dm_policy_app_self_messages_total"]
        self.app_revocations = built["dm_policy_app_revocations_total"]
        self.signature_accelerated = built["dm_policy_signature_accelerated"]
        self.storage_config_risk = built["dm_policy_storage_config_risk"]
        self.admin_actions = built["dm_policy_admin_actions_total"]
        self.challenges = built["dm_policy_challenges_total"]
        self.conditions = built["dm_policy_conditions_total"]
        self.reports = built["dm_policy_reports_total"]
        self.state_cache_decisions = built["dm_policy_state_cache_total"]
        self.signature_accelerated.set(1 if fingerprint.ACCELERATED else 0)

        # Children are looked up once per label set (labels() costs more than inc()).
        self._children: dict[tuple[Any, ...], Any] = {}
        self._version_lock = threading.Lock()
        self._version: str | None = None
        self._initialise()
        if rules_version is not None:
            self.rules_loaded(rules_version)

    def _initialise(self) -> None:
        """Create the series an alert compares over time at 0, so a first increase shows."""
        for request in ("send", "invite"):
            self.decisions.labels(request, Verdict.ALLOW.value, NONE, NONE)
        for result in ("success", "failure"):
            self.reloads.labels(result)
        for mode in FAILURE_MODES:
            self.degraded.labels(mode)
        for flagged in ("true", "false"):
            self.app_self_messages.labels(flagged)
        for trigger in ("automatic", "host"):
            self.app_revocations.labels(trigger)
        for action in ACTIONS:
            self.admin_actions.labels(action)
        self.challenges.labels("passed", NONE)
        for outcome in STATE_CACHE_OUTCOMES:
            self.state_cache_decisions.labels(outcome)

    def _child(self, metric: Any, *labels: str) -> Any:
        key = (id(metric), *labels)
        child = self._children.get(key)
        if child is None:
            child = self._children.setdefault(key, metric.labels(*labels))
        return child

    # -- the engine's hooks --------------------------------------------------

    def decision(self, decision: Decision, seconds: float, storage: str) -> None:
        self._count("send", decision)
        self._child(self.decision_seconds, _storage_kind(storage)).observe(seconds)
        quota = decision.quota
        if quota is not None and quota.limit > 0:
            used = (quota.limit - quota.remaining) / quota.limit
            self.quota_use.observe(min(1.0, max(0.0, used)))
        if decision.degraded is not None:
            self._child(self.degraded, _mode(decision.degraded)).inc()
        if decision.challenge is not None:
            self._child(self.challenges, "issued", _identifier(decision.challenge.rule)).inc()

    def invite(self, decision: Decision) -> None:
        self._count("invite", decision)

    def storage_error(self, storage: str, mode: str) -> None:
        self._child(self.storage_errors, _storage_kind(storage), _mode(mode)).inc()

    def rules_loaded(self, version: str) -> None:
        label = version_label(version)
        with self._version_lock:
            previous, self._version = self._version, label
            if previous is not None and previous != label:
                # 0 first: in multiprocess mode the value stays in the worker's file.
                self.rules_version.labels(previous).set(0)
                self.rules_version.remove(previous)
            self.rules_version.labels(label).set(1)

    def reload(self, ok: bool, version: str) -> None:
        self._child(self.reloads, "success" if ok else "failure").inc()
        if ok:
            self.rules_loaded(version)

    def storage_config(self, storage: str, risks: dict[str, bool]) -> None:
        kind = _storage_kind(storage)
        for risk, found in risks.items():  # eviction, no_aof, unknown (serverconfig.RISKS)
            self._child(self.storage_config_risk, kind, _identifier(risk)).set(1 if found else 0)

    def condition(self, rule: str, outcome: str) -> None:
        if outcome not in ("applied", "not_applied", "missing"):
            outcome = OTHER
        self._child(self.conditions, _identifier(rule), outcome).inc()

    def challenge_passed(self) -> None:
        self._child(self.challenges, "passed", NONE).inc()

    def state_cache(self, outcome: str) -> None:
        self._child(self.state_cache_decisions,
                    outcome if outcome in STATE_CACHE_OUTCOMES else OTHER).inc()

    def app_signal(self, flagged: bool) -> None:
        self._child(self.app_self_messages, "true" if flagged else "false").inc()

    def app_revoked(self, automatic: bool) -> None:
        self._child(self.app_revocations, "automatic" if automatic else "host").inc()

    def admin_action(self, action: str) -> None:
        if action in ACTIONS:  # a fixed set: never an arbitrary label
            self._child(self.admin_actions, action).inc()

    def report(self, kind: str, outcome: str) -> None:
        self._child(self.reports, _identifier(kind), _identifier(outcome)).inc()

    # -- internals -----------------------------------------------------------

    def _count(self, request: str, decision: Decision) -> None:
        first: Reason | None = decision.reasons[0] if decision.reasons else None
        if first is None:
            rule = code = NONE
        else:
            rule, code = _identifier(first.rule), _identifier(first.code)
        self._child(self.decisions, request, _verdict(decision.verdict), rule, code).inc()
        # Attempts during a running cooldown repeat duplicate_content next to cooldown_active:
        # those restart the wait, they do not start a cooldown.
        running = any(r.code == "cooldown_active" for r in (*decision.reasons, *decision.shadow))
        for reason in decision.reasons:
            rule, code = _identifier(reason.rule), _identifier(reason.code)
            self._child(self.rule_refusals, request, rule, code, _verdict(reason.verdict)).inc()
            if reason.code in _STARTS_COOLDOWN and not running:
                self._child(self.cooldowns_started, rule).inc()
        for reason in decision.shadow:
            self._child(self.shadow_refusals, request, _identifier(reason.rule),
                        _identifier(reason.code), _verdict(reason.verdict)).inc()


# -- exposition ---------------------------------------------------------------


def multiprocess_dir() -> str | None:
    """The directory workers write to in multiprocess mode, or None."""
    return os.environ.get(MULTIPROC_ENV) or os.environ.get(MULTIPROC_ENV.lower()) or None


def exposition_registry(
    registry: CollectorRegistry | None = None, *, multiproc_dir: str | None = None
) -> CollectorRegistry:
    """The registry to expose: all workers' files in multiprocess mode, else ``registry``.

    ``multiproc_dir`` defaults to ``PROMETHEUS_MULTIPROC_DIR``. Outside multiprocess mode a
    registry is required (the observer's ``registry``).
    """
    path = multiproc_dir if multiproc_dir is not None else multiprocess_dir()
    if path is not None:
        if not os.path.isdir(path):
            raise ValueError(f"the multiprocess directory {path!r} does not exist")
        aggregated = CollectorRegistry()
        MultiProcessCollector(aggregated, path=path)
        return aggregated
    if registry is None:
        raise ValueError(
            "no registry to expose: pass the observer's registry, or set "
            f"{MULTIPROC_ENV} to the directory the worker processes write to")
    return registry


def metrics_app(
    registry: CollectorRegistry | None = None, *, multiproc_dir: str | None = None
) -> Callable[..., Any]:
    """An ASGI app answering the metrics in Prometheus text format (mount it at /metrics)."""
    return make_asgi_app(exposition_registry(registry, multiproc_dir=multiproc_dir))


def metrics_wsgi_app(
    registry: CollectorRegistry | None = None, *, multiproc_dir: str | None = None
) -> Callable[..., Iterable[bytes]]:
    """The same for WSGI hosts (Flask, Django, gunicorn sync workers)."""
    return make_wsgi_app(exposition_registry(registry, multiproc_dir=multiproc_dir))
