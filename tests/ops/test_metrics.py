"""PrometheusObserver: each metric moves as it should, and no label can carry an id or text."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client import REGISTRY, CollectorRegistry

from policy import Engine, InviteRequest, MemoryGraph, SendRequest, StorageError, Verdict
from policy.cli import main as cli_main
from policy.clock import VirtualClock
from policy.commands.serve_metrics import DemoTraffic
from policy.decision import Decision, Quota, Reason
from policy.metrics import (
    DECISION_BUCKETS,
    METRICS,
    PrometheusObserver,
    exposition_registry,
    metrics_app,
    metrics_wsgi_app,
    version_label,
)
from policy.rules import load_rules, parse_rules
from policy.storage import MemoryStorage
from tests import docs
from tests.conftest import DEFAULT_RULES, ROOT, rules_file

# Rules that make every metric move: a small quota, a shadow rule of each kind of check
# that fires often (a short-text limit, a stricter quota), and the app flag after 2 users.
TRAFFIC_RULES = rules_file("metrics-traffic").read_text()

SPAM_TEXT = "WIN a free cruise today, reply YES to claim your prize"

# Label names each family may carry: the README table and the dashboards rely on these.
ALLOWED_LABELS = {m.name: set(m.labels) for m in METRICS}
BOUNDED_VALUE = re.compile(r"^[a-z][a-z0-9_.+-]{0,47}$")
HISTOGRAM_LABELS = {"le"}


class SwitchableStorage(MemoryStorage):
    """memory:// that raises StorageError while ``down`` is set (a storage outage)."""

    def __init__(self) -> None:
        super().__init__()
        self.down = False

    def transition(self, sender: str, inp: Any, now: float | None) -> Any:
        if self.down:
            raise StorageError("storage is down (test)")
        return super().transition(sender, inp, now)

    async def atransition(self, sender: str, inp: Any, now: float | None) -> Any:
        return self.transition(sender, inp, now)

    def record_app_signal(self, app: str, sender: str, window: float, now: float | None) -> int:
        if self.down:
            raise StorageError("storage is down (test)")
        return super().record_app_signal(app, sender, window, now)


def drive_traffic(engine: Engine, graph: MemoryGraph, round_id: int) -> list[str]:
    """One round of every kind of traffic; returns the ids and texts it used."""
    n = round_id
    used = [f"alice{n}", f"bob{n}", f"mallory{n}", f"victim{n}", f"spammer{n}", f"app{n}",
            f"carol{n}", SPAM_TEXT, "Lunch at noon?", "Hello stranger"]
    graph.follow(f"bob{n}", f"alice{n}")
    for _ in range(7):  # 5 allowed, then the quota refuses; the shadow quota from the 3rd
        engine.check(SendRequest(f"alice{n}", (f"bob{n}",), "Lunch at noon?"))
    for i in range(4):  # strangers: followers_only refuses
        engine.check(SendRequest(f"mallory{n}", (f"stranger{n}_{i}",), "Hello stranger"))
    for i in range(7):  # the 5th distinct recipient starts a cooldown, then cooldown_active
        graph.follow(f"target{n}_{i}", f"spammer{n}")
        engine.check(SendRequest(f"spammer{n}", (f"target{n}_{i}",), SPAM_TEXT))
    for user in (f"victim{n}", f"victim{n}b"):  # self-messages through an app
        engine.check(SendRequest(user, (user,), "test", app=f"app{n}"))
    engine.check(SendRequest(f"victim{n}", (f"victim{n}",), "test", app=f"app{n}"))
    engine.check_invite(InviteRequest(f"alice{n}", (f"carol{n}",), f"conv{n}",
                                      (f"alice{n}", f"bob{n}")))
    return used


def value(registry: CollectorRegistry, name: str, **labels: str) -> float:
    return registry.get_sample_value(name, labels) or 0.0


@pytest.fixture
def observer() -> PrometheusObserver:
    return PrometheusObserver(CollectorRegistry())


@pytest.fixture
def traffic_engine(observer: PrometheusObserver, graph: MemoryGraph,
                   clock: VirtualClock) -> Iterator[Engine]:
    engine = Engine(parse_rules(TRAFFIC_RULES, file="<test>"), graph=graph, clock=clock,
                    observer=observer)
    yield engine
    engine.close()


# -- each metric moves as it should -------------------------------------------------------


def test_allowed_send_counts_once_with_latency_and_quota_use(
        observer: PrometheusObserver, traffic_engine: Engine, graph: MemoryGraph) -> None:
    r = observer.registry
    graph.follow("bob", "alice")
    decision = traffic_engine.check(SendRequest("alice", ("bob",), "Lunch?"))
    assert decision.allowed
    assert value(r, "dm_policy_decisions_total", request="send", verdict="allow", rule="none",
                 code="none") == 1
    assert value(r, "dm_policy_decision_duration_seconds_count", storage="memory") == 1
    assert value(r, "dm_policy_decision_duration_seconds_sum", storage="memory") > 0
    # 1 of 5 used: in the 0.25 bucket, not in the 0.1 one.
    assert value(r, "dm_policy_quota_use_ratio_bucket", le="0.1") == 0
    assert value(r, "dm_policy_quota_use_ratio_bucket", le="0.25") == 1
    assert value(r, "dm_policy_rule_refusals_total", request="send", rule="followers_only",
                 code="not_follower", verdict="reject") == 0


def test_refusal_counts_the_deciding_rule_and_every_enforced_reason(
        observer: PrometheusObserver, traffic_engine: Engine) -> None:
    r = observer.registry
    # To a stranger and too long: text and followers_only both refuse; text decides.
    decision = traffic_engine.check(SendRequest("mallory", ("stranger",), "x" * 200))
    assert [reason.rule for reason in decision.reasons] == ["text", "followers_only"]
    assert value(r, "dm_policy_decisions_total", request="send", verdict="reject", rule="text",
                 code="text_too_long") == 1
    assert value(r, "dm_policy_decisions_total", request="send", verdict="reject",
                 rule="followers_only", code="not_follower") == 0
    assert value(r, "dm_policy_rule_refusals_total", request="send", rule="text",
                 code="text_too_long", verdict="reject") == 1
    assert value(r, "dm_policy_rule_refusals_total", request="send", rule="followers_only",
                 code="not_follower", verdict="reject") == 1
    # The shadow short-text rule would have refused it too.
    assert value(r, "dm_policy_shadow_refusals_total", request="send", rule="short_texts",
                 code="text_too_long", verdict="reject") == 1


def test_quota_use_histogram_and_throttles(observer: PrometheusObserver, traffic_engine: Engine,
                                           graph: MemoryGraph) -> None:
    r = observer.registry
    graph.follow("bob", "alice")
    verdicts = [traffic_engine.check(SendRequest("alice", ("bob",), "hi")).verdict
                for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 5 + [Verdict.THROTTLE]
    # used after each: 0.2, 0.4, 0.6, 0.8, 1.0 and 1.0 at the refusal
    assert value(r, "dm_policy_quota_use_ratio_count") == 6
    assert value(r, "dm_policy_quota_use_ratio_bucket", le="0.25") == 1
    assert value(r, "dm_policy_quota_use_ratio_bucket", le="0.5") == 2
    assert value(r, "dm_policy_quota_use_ratio_bucket", le="0.75") == 3
    assert value(r, "dm_policy_quota_use_ratio_bucket", le="0.99") == 4
    assert value(r, "dm_policy_quota_use_ratio_bucket", le="1.0") == 6
    assert value(r, "dm_policy_decisions_total", request="send", verdict="throttle",
                 rule="hourly_quota", code="quota_exceeded") == 1
    # The shadow 2/hour quota would have refused from the 3rd send on: 4 times.
    assert value(r, "dm_policy_shadow_refusals_total", request="send", rule="strict_quota",
                 code="quota_exceeded", verdict="throttle") == 4


def test_cooldown_started_once_per_duplicate_run(observer: PrometheusObserver,
                                                 traffic_engine: Engine,
                                                 graph: MemoryGraph) -> None:
    r = observer.registry
    codes = []
    for i in range(7):
        graph.follow(f"t{i}", "spammer")
        codes.append(traffic_engine.check(SendRequest("spammer", (f"t{i}",), SPAM_TEXT)).code)
    assert codes == [None] * 4 + ["duplicate_content", "cooldown_active", "cooldown_active"]
    assert value(r, "dm_policy_cooldowns_started_total", rule="duplicates") == 1
    assert value(r, "dm_policy_decisions_total", request="send", verdict="cooldown",
                 rule="spam_cooldown", code="cooldown_active") == 2


def test_shadow_rule_counts_without_refusing(observer: PrometheusObserver,
                                             clock: VirtualClock) -> None:
    rules = TRAFFIC_RULES.replace('name = "followers_only"\ncheck = "follows"',
                                  'name = "followers_only"\ncheck = "follows"\nmode = "shadow"')
    engine = Engine(parse_rules(rules), graph=MemoryGraph(), clock=clock, observer=observer)
    assert engine.check(SendRequest("mallory", ("stranger",), "hi")).allowed
    r = observer.registry
    assert value(r, "dm_policy_shadow_refusals_total", request="send", rule="followers_only",
                 code="not_follower", verdict="reject") == 1
    assert value(r, "dm_policy_rule_refusals_total", request="send", rule="followers_only",
                 code="not_follower", verdict="reject") == 0
    assert value(r, "dm_policy_decisions_total", request="send", verdict="allow", rule="none",
                 code="none") == 1


@pytest.mark.parametrize("mode", ["fail_open", "fail_closed", "local"])
def test_storage_errors_and_fallbacks_by_mode(observer: PrometheusObserver, graph: MemoryGraph,
                                              clock: VirtualClock, mode: str) -> None:
    storage = SwitchableStorage()
    engine = Engine(parse_rules(TRAFFIC_RULES), storage=storage, graph=graph, clock=clock,
                    observer=observer, on_error=mode)
    graph.follow("bob", "alice")
    storage.down = True
    decisions = [engine.check(SendRequest("alice", ("bob",), "hi")) for _ in range(3)]
    r = observer.registry
    assert all(d.degraded == mode for d in decisions)
    # The first failure is counted; the engine then skips the storage for a while.
    assert value(r, "dm_policy_storage_errors_total", storage="memory", mode=mode) == 1
    assert value(r, "dm_policy_degraded_decisions_total", mode=mode) == 3
    others = [m for m in ("fail_open", "fail_closed", "local") if m != mode]
    assert all(value(r, "dm_policy_degraded_decisions_total", mode=m) == 0 for m in others)
    if mode == "fail_closed":
        assert value(r, "dm_policy_decisions_total", request="send", verdict="throttle",
                     rule="storage", code="storage_unavailable") == 3
    else:
        assert value(r, "dm_policy_decisions_total", request="send", verdict="allow",
                     rule="none", code="none") == 3


def test_reloads_and_the_live_rules_version(observer: PrometheusObserver, tmp_path: Path,
                                            clock: VirtualClock) -> None:
    r = observer.registry
    engine = Engine(parse_rules(TRAFFIC_RULES), clock=clock, observer=observer)
    assert value(r, "dm_policy_rules_version_info", version="metrics-test-1") == 1
    newer = tmp_path / "newer.toml"
    newer.write_text(TRAFFIC_RULES.replace("metrics-test-1", "metrics-test-2"))
    engine.reload(newer)
    assert value(r, "dm_policy_rules_reloads_total", result="success") == 1
    assert value(r, "dm_policy_rules_version_info", version="metrics-test-2") == 1
    # The replaced version is gone, so "the live version" is one series.
    assert r.get_sample_value("dm_policy_rules_version_info", {"version": "metrics-test-1"}) is None
    broken = tmp_path / "broken.toml"
    broken.write_text("version = 3\n")
    with pytest.raises(ValueError):
        engine.reload(broken)
    assert value(r, "dm_policy_rules_reloads_total", result="failure") == 1
    assert value(r, "dm_policy_rules_reloads_total", result="success") == 1
    assert value(r, "dm_policy_rules_version_info", version="metrics-test-2") == 1


def test_initial_version_given_to_the_observer() -> None:
    observer = PrometheusObserver(CollectorRegistry(), rules_version="boot v1/ä")
    assert value(observer.registry, "dm_policy_rules_version_info", version="boot_v1__") == 1


@pytest.mark.parametrize("accelerated", [True, False])
def test_the_signature_accelerator_is_reported(monkeypatch: pytest.MonkeyPatch,
                                              accelerated: bool) -> None:
    import policy.fingerprint as fingerprint

    monkeypatch.setattr(fingerprint, "ACCELERATED", accelerated)
    observer = PrometheusObserver(CollectorRegistry())
    assert value(observer.registry, "dm_policy_signature_accelerated") == int(accelerated)


def test_app_signals_and_revocations(observer: PrometheusObserver,
                                     traffic_engine: Engine) -> None:
    r = observer.registry
    first = traffic_engine.check(SendRequest("u1", ("u1",), "test", app="evil"))
    again = traffic_engine.check(SendRequest("u1", ("u1",), "test", app="evil"))
    traffic_engine.check(SendRequest("u2", ("u2",), "test", app="evil"))
    assert (first.code, again.verdict) == ("self_message", Verdict.APP_BLOCKED)
    assert value(r, "dm_policy_app_self_messages_total", flagged="false") == 1
    assert value(r, "dm_policy_app_self_messages_total", flagged="true") == 1  # 2nd user: flagged
    assert value(r, "dm_policy_app_revocations_total", trigger="automatic") == 2
    assert value(r, "dm_policy_decisions_total", request="send", verdict="app_blocked",
                 rule="apps", code="app_revoked") == 1
    traffic_engine.revoke_app(user="u3", app="evil")
    assert value(r, "dm_policy_app_revocations_total", trigger="host") == 1


def test_invites_count_apart_from_sends(observer: PrometheusObserver, traffic_engine: Engine,
                                        graph: MemoryGraph) -> None:
    r = observer.registry
    graph.follow("carol", "alice")
    traffic_engine.check_invite(InviteRequest("alice", ("carol",), "c1", ("alice", "bob")))
    traffic_engine.check_invite(InviteRequest("alice", ("dave",), "c1", ("alice", "bob")))
    assert value(r, "dm_policy_decisions_total", request="invite", verdict="allow", rule="none",
                 code="none") == 1
    assert value(r, "dm_policy_decisions_total", request="invite", verdict="reject",
                 rule="group", code="invitee_not_follower") == 1
    assert value(r, "dm_policy_decisions_total", request="send", verdict="allow", rule="none",
                 code="none") == 0
    assert value(r, "dm_policy_decision_duration_seconds_count", storage="memory") == 0


def test_async_checks_are_observed(observer: PrometheusObserver, traffic_engine: Engine,
                                   graph: MemoryGraph) -> None:
    graph.follow("bob", "alice")

    async def two() -> None:
        await traffic_engine.acheck(SendRequest("alice", ("bob",), "hi"))
        await traffic_engine.acheck(SendRequest("alice", ("eve",), "hi"))

    asyncio.run(two())
    r = observer.registry
    assert value(r, "dm_policy_decisions_total", request="send", verdict="allow", rule="none",
                 code="none") == 1
    assert value(r, "dm_policy_decisions_total", request="send", verdict="reject",
                 rule="followers_only", code="not_follower") == 1
    assert value(r, "dm_policy_decision_duration_seconds_count", storage="memory") == 2


def test_latency_buckets_span_microseconds_to_tens_of_milliseconds() -> None:
    assert DECISION_BUCKETS[0] <= 0.00001 and DECISION_BUCKETS[-1] >= 0.05
    assert list(DECISION_BUCKETS) == sorted(DECISION_BUCKETS)
    assert sum(1 for b in DECISION_BUCKETS if b < 0.001) >= 5  # fine below a millisecond


# -- labels are bounded ------------------------------------------------------------------


def all_samples(registry: CollectorRegistry) -> list[tuple[str, str, dict[str, str]]]:
    return [(family.name, sample.name, dict(sample.labels))
            for family in registry.collect() for sample in family.samples]


def test_label_sets_are_the_documented_ones_and_carry_no_ids_or_text(
        observer: PrometheusObserver, traffic_engine: Engine, graph: MemoryGraph,
        tmp_path: Path) -> None:
    storage = SwitchableStorage()
    failing = Engine(parse_rules(TRAFFIC_RULES), storage=storage, graph=graph,
                     observer=observer, on_error="fail_closed")
    used: list[str] = []
    for n in range(3):
        used += drive_traffic(traffic_engine, graph, n)
    storage.down = True
    used += drive_traffic(failing, graph, 99)
    bad = tmp_path / "bad.toml"
    bad.write_text("not toml [")
    with pytest.raises(ValueError):
        traffic_engine.reload(bad)
    traffic_engine.revoke_app(user="alice0", app="app0")
    traffic_engine.report(reporter="reporter0", sender="alice0", kind="block")
    used.append("reporter0")
    # What the Redis driver reports once it read the server's settings (no Redis here:
    # tests/storage/test_redis_server_config.py has the real servers).
    observer.storage_config("redis", {"eviction": True, "no_aof": False, "unknown": False})
    # A conditional rule and a challenge (docs/signals.md), with ids that must not leak.
    signals = Engine(load_rules(ROOT / "rules" / "strict.toml"), graph=graph, observer=observer)
    graph.follow("bob0", "alice0")
    signals.check(SendRequest("alice0", ("alice0",), "hi me", app="app1",
                              context={"verified_email": True}))
    signals.challenge_passed("alice0")
    used += ["alice0", "app1", "hi me"]
    observer.rules_loaded("metrics-test-1")  # the live version again (strict.toml's replaced)

    samples = all_samples(observer.registry)
    families = {family for family, _, _ in samples}
    documented = {name.removesuffix("_total") for name in ALLOWED_LABELS}
    assert families == documented
    seen_labels: dict[str, set[str]] = {}
    for family, _sample, labels in samples:
        key = family + "_total" if family + "_total" in ALLOWED_LABELS else family
        names = set(labels) - HISTOGRAM_LABELS
        assert names <= ALLOWED_LABELS[key], (family, labels)
        seen_labels.setdefault(key, set()).update(names)
        for name, text in labels.items():
            if name == "le":
                continue
            assert name != "version" or text == "metrics-test-1"
            if name != "version":
                assert BOUNDED_VALUE.match(text), (family, name, text)
            assert all(token not in text for token in used), (family, name, text)
    # Every documented label shows up in this traffic (the table is not aspirational).
    for key, names in ALLOWED_LABELS.items():
        assert seen_labels.get(key) == names, key


def test_unbounded_values_become_other(observer: PrometheusObserver) -> None:
    r = observer.registry
    weird = Reason("alice@example.com", "Buy cheap pills at 10.0.0.1", "whatever", Verdict.REJECT)
    observer.decision(Decision(Verdict.REJECT, reasons=(weird,), shadow=(weird,),
                               quota=Quota(limit=0, remaining=0, reset=0.0),
                               degraded="user-42"),
                      0.001, "redis://secret@10.0.0.1")
    observer.storage_error("10.0.0.1:6379", "panic")
    assert value(r, "dm_policy_decisions_total", request="send", verdict="reject", rule="other",
                 code="other") == 1
    assert value(r, "dm_policy_shadow_refusals_total", request="send", rule="other",
                 code="other", verdict="reject") == 1
    assert value(r, "dm_policy_decision_duration_seconds_count", storage="other") == 1
    assert value(r, "dm_policy_degraded_decisions_total", mode="other") == 1
    assert value(r, "dm_policy_storage_errors_total", storage="other", mode="other") == 1
    assert value(r, "dm_policy_quota_use_ratio_count") == 0  # a zero limit is no ratio
    assert version_label("x" * 100) == "x" * 64


# -- registries ---------------------------------------------------------------------------


def test_registries_are_injected_never_the_global_one(clock: VirtualClock) -> None:
    before = {family.name for family in REGISTRY.collect()}
    default = PrometheusObserver()
    assert default.registry is not REGISTRY
    other = PrometheusObserver(CollectorRegistry())
    graph = MemoryGraph()
    graph.follow("bob", "alice")
    Engine(load_rules(DEFAULT_RULES), graph=graph, clock=clock, observer=default).check(
        SendRequest("alice", ("bob",), "hi"))
    assert value(default.registry, "dm_policy_decisions_total", request="send",
                 verdict="allow", rule="none", code="none") == 1
    assert value(other.registry, "dm_policy_decisions_total", request="send",
                 verdict="allow", rule="none", code="none") == 0
    assert {family.name for family in REGISTRY.collect()} == before
    with pytest.raises(ValueError):  # two observers on one registry would double-register
        PrometheusObserver(other.registry)


def test_one_observer_serves_several_engines(observer: PrometheusObserver,
                                             clock: VirtualClock) -> None:
    graph = MemoryGraph()
    graph.follow("bob", "alice")
    engines = [Engine(load_rules(DEFAULT_RULES), graph=graph, clock=clock, observer=observer)
               for _ in range(2)]
    for engine in engines:
        engine.check(SendRequest("alice", ("bob",), "hi"))
    assert value(observer.registry, "dm_policy_decisions_total", request="send",
                 verdict="allow", rule="none", code="none") == 2


# -- exposition ---------------------------------------------------------------------------


def test_asgi_metrics_app_serves_the_text_format(observer: PrometheusObserver,
                                                 traffic_engine: Engine) -> None:
    traffic_engine.check(SendRequest("mallory", ("stranger",), "hi"))
    app = metrics_app(observer.registry)

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get("/")

    response = asyncio.run(get())
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert ('dm_policy_decisions_total{code="not_follower",request="send",'
            'rule="followers_only",verdict="reject"} 1.0') in response.text


def test_wsgi_metrics_app_serves_the_text_format(observer: PrometheusObserver) -> None:
    observer.reload(False, "v")
    app = metrics_wsgi_app(observer.registry)
    status: list[str] = []
    body = b"".join(app({"REQUEST_METHOD": "GET", "PATH_INFO": "/", "QUERY_STRING": ""},
                        lambda s, headers: status.append(s)))
    assert status == ["200 OK"]
    assert b'dm_policy_rules_reloads_total{result="failure"} 1.0' in body


def test_exposition_needs_a_registry_or_a_multiprocess_dir(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    monkeypatch.delenv("prometheus_multiproc_dir", raising=False)
    with pytest.raises(ValueError, match="PROMETHEUS_MULTIPROC_DIR"):
        metrics_app()
    with pytest.raises(ValueError, match="does not exist"):
        exposition_registry(multiproc_dir=str(tmp_path / "absent"))


# -- multiprocess mode and serve-metrics ---------------------------------------------------

WORKER = """
import sys
from policy import Engine, MemoryGraph, SendRequest
from policy.metrics import PrometheusObserver
from policy.rules import load_rules
graph = MemoryGraph()
graph.follow("bob", "alice")
engine = Engine(load_rules(sys.argv[1]), graph=graph, observer=PrometheusObserver())
for i in range(int(sys.argv[2])):
    engine.check(SendRequest("alice", ("bob",), f"hi {i}"))
engine.check(SendRequest("alice", ("eve",), "hi"))
"""


def run_workers(directory: Path, counts: list[int]) -> None:
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(directory),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    for count in counts:
        subprocess.run([sys.executable, "-c", WORKER, str(DEFAULT_RULES), str(count)],
                       env=env, check=True, timeout=60, cwd=ROOT)


def test_multiprocess_mode_sums_the_workers(tmp_path: Path) -> None:
    run_workers(tmp_path, [3, 4])
    registry = exposition_registry(multiproc_dir=str(tmp_path))
    assert value(registry, "dm_policy_decisions_total", request="send", verdict="allow",
                 rule="none", code="none") == 7
    assert value(registry, "dm_policy_decisions_total", request="send", verdict="reject",
                 rule="followers_only", code="not_follower") == 2
    assert value(registry, "dm_policy_decision_duration_seconds_count", storage="memory") == 9
    assert value(registry, "dm_policy_rules_version_info", version="seed-2026.11") == 1


def serve(args: list[str], timeout: float = 30) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT),
                                                        os.environ.get("PYTHONPATH", "")])}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    process = subprocess.Popen([sys.executable, "-m", "policy.cli", "serve-metrics", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env, cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()  # the process prints the URL once it listens
    match = re.search(r"http://\S+/metrics", line)
    if match is None:
        process.kill()
        pytest.fail(f"serve-metrics did not start: {line!r} {process.communicate()[1]!r}")
    return process, match.group(0)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def test_serve_metrics_over_a_multiprocess_dir(tmp_path: Path) -> None:
    run_workers(tmp_path, [2, 5])
    process, url = serve(["--port", "0", "--multiproc-dir", str(tmp_path), "--duration", "20"])
    try:
        assert url.startswith("http://127.0.0.1:")
        body = fetch(url)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert ('dm_policy_decisions_total{code="none",request="send",rule="none",'
            'verdict="allow"} 7.0') in body


def test_serve_metrics_demo_drives_every_verdict() -> None:
    process, url = serve(["--port", "0", "--demo", "--rate", "400", "--duration", "20"])
    try:
        body = ""
        for _ in range(50):  # bounded: the demo reaches app_blocked within ~420 requests
            body = fetch(url)
            if 'verdict="app_blocked"' in body:
                break
            time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=10)
    for verdict in ("allow", "reject", "cooldown", "app_blocked"):
        assert f'verdict="{verdict}"' in body, verdict
    assert "dm_policy_cooldowns_started_total" in body


def test_demo_traffic_steps(observer: PrometheusObserver) -> None:
    traffic = DemoTraffic(str(DEFAULT_RULES), observer)
    for _ in range(450):
        traffic.step()
    r = observer.registry
    assert value(r, "dm_policy_cooldowns_started_total", rule="duplicates") == 4
    assert value(r, "dm_policy_app_revocations_total", trigger="automatic") == 2
    assert value(r, "dm_policy_decisions_total", request="send", verdict="allow",
                 rule="none", code="none") > 300


@pytest.mark.parametrize("args, message", [
    (["--demo", "--port", "70000"], "--port"),
    (["--demo", "--rules", "/nonexistent.toml", "--port", "0"], "cannot read"),
    (["--demo", "--rate", "0"], "--rate"),
])
def test_serve_metrics_refuses_bad_arguments(args: list[str], message: str,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    monkeypatch.delenv("prometheus_multiproc_dir", raising=False)
    assert cli_main(["serve-metrics", *args]) == 2
    assert message in capsys.readouterr().err


# -- the documentation (docs/metrics.md) stays true ----------------------------------------------------------------


def test_readme_metrics_table_lists_every_metric_with_its_labels() -> None:
    # docs/metrics.md, and a topic's own metrics in its docs/<topic>.md, in a section so marked.
    section = docs.section("metrics")
    for m in METRICS:
        row = next((line for line in section.splitlines() if line.startswith(f"| `{m.name}`")),
                   None)
        assert row is not None, m.name
        assert m.kind in row, m.name
        for label in m.labels:
            assert f"`{label}`" in row, (m.name, label)
