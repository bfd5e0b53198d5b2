"""``dm-policy serve-metrics``: a Prometheus metrics endpoint (loopback by default).

Two uses:

- Several worker processes (gunicorn, uvicorn --workers) run with
  PROMETHEUS_MULTIPROC_DIR set: this command serves the sum over all workers,
  read from that directory (or --multiproc-dir).
- ``--demo`` (what it does with nothing to aggregate): drive synthetic traffic
  through an engine on memory:// and serve its metrics, to try the Grafana
  dashboard and the alert rules. The demo feeds every panel: the shadow rules of
  the packaged ``shadow-trial`` policy, a storage that fails now and then (errors
  and degraded decisions), rule reloads, cooldowns, quotas, apps and invitations,
  and, on the packaged ``strict`` policy, challenges and conditional rules.

``--duration`` stops after that many seconds (exit 0).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
import threading
from typing import Any

from prometheus_client import start_http_server

from policy import Engine, InviteRequest, MemoryGraph, PolicyError, SendRequest
from policy.errors import StorageUnavailable
from policy.metrics import PrometheusObserver, exposition_registry, multiprocess_dir
from policy.packaged import names as packaged_names
from policy.rules import load_rules
from policy.storage import MemoryStorage

DEFAULT_PORT = 9464


def register(sub: Any) -> None:
    p = sub.add_parser("serve-metrics", help="serve Prometheus metrics over HTTP",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT,
                   help=f"port (default {DEFAULT_PORT}; 0 picks a free one)")
    p.add_argument("--multiproc-dir", default=None,
                   help="directory the workers write to (default: $PROMETHEUS_MULTIPROC_DIR)")
    p.add_argument("--demo", action="store_true",
                   help="drive synthetic traffic through an engine and serve its metrics")
    p.add_argument("--rules", default="shadow-trial",
                   help="rules file or packaged name for --demo (default: the packaged "
                        "'shadow-trial', which has shadow rules)")
    p.add_argument("--rate", type=float, default=50.0, help="demo requests per second")
    p.add_argument("--duration", type=float, default=None,
                   help="stop after this many seconds (default: until interrupted)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        print(f"error: --port must be from 0 to 65535, got {args.port}", file=sys.stderr)
        return 2
    if args.rate <= 0 or (args.duration is not None and args.duration < 0):
        print("error: --rate must be positive and --duration not negative", file=sys.stderr)
        return 2
    multiproc = args.multiproc_dir or multiprocess_dir()
    if not args.demo and multiproc is None:
        print("no PROMETHEUS_MULTIPROC_DIR (or --multiproc-dir) to aggregate: serving the demo "
              "traffic's metrics (--demo); point Prometheus and the dashboard at it",
              file=sys.stderr)
        args.demo = True
    stop = threading.Event()
    observer: PrometheusObserver | None = None
    demo: threading.Thread | None = None
    try:
        if args.demo:
            observer = PrometheusObserver()
            traffic = DemoTraffic(args.rules, observer)
            demo = threading.Thread(target=traffic.run, args=(args.rate, stop),
                                    name="dm-policy-demo", daemon=True)
        registry = exposition_registry(observer.registry if observer else None,
                                       multiproc_dir=multiproc)
        server, _ = start_http_server(args.port, addr=args.host, registry=registry)
    except (PolicyError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in str(host) else host
    print(f"serving metrics on http://{shown}:{port}/metrics", flush=True)
    if demo is not None:
        demo.start()
    try:
        stop.wait(args.duration)
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        if demo is not None:
            demo.join(timeout=5)
    return 0


class FlakyStorage(MemoryStorage):
    """memory:// that is unavailable for ``outage`` transitions every ``every``: the demo's
    storage errors and degraded decisions (the dashboard's storage panel)."""

    kind = "memory"

    def __init__(self, every: int = 1500, outage: int = 1) -> None:
        super().__init__()
        self.every, self.outage, self.calls = every, outage, 0

    def transition(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        if self.calls % self.every < self.outage:
            raise StorageUnavailable("demo: the storage is down for a moment")
        return super().transition(*args, **kwargs)


class DemoTraffic:
    """A repeatable mix of everyday sends, strangers, long texts, spam runs, bad apps,
    storage outages and rule reloads."""

    def __init__(self, rules: str, observer: PrometheusObserver, seed: int = 7) -> None:
        self.rules = rules
        self.graph = MemoryGraph()
        self.engine = Engine.from_file(rules, graph=self.graph, observer=observer,
                                       storage=FlakyStorage())
        self.random = random.Random(seed)
        self.tick = 0
        # The packaged strict policy (docs/signals.md) for a share of the traffic: challenges
        # and conditional rules, under the main rules' version (one live-version series).
        self.signals: Engine | None = None
        if "strict" in packaged_names():
            strict = load_rules("strict")
            self.signals = Engine(dataclasses.replace(strict, version=self.engine.rules.version),
                                  graph=self.graph, observer=observer)

    def run(self, rate: float, stop: threading.Event) -> None:
        period = 1.0 / rate
        while not stop.is_set():
            self.step()
            stop.wait(period)

    def step(self) -> None:
        self.tick += 1
        n, roll = self.tick, self.random.random()
        sender = f"user{n % 500}"
        friend = f"friend{n % 500}"
        self.graph.follow(friend, sender)
        # Ids cycle through bounded pools, so a demo left running keeps a bounded graph.
        if n % 1009 == 0:
            self.engine.reload(self.rules)  # the rules reloads panel
        if n % 61 == 0 and self.signals is not None:
            self._signals(n)
        if n % 97 == 0:
            self._spam_run(f"spammer{n // 97 % 200}")
        elif n % 211 == 0:
            self._bad_app(f"victim{n // 211 % 200}", f"app{n % 3}")
        elif n % 53 == 0:
            self.engine.check_invite(InviteRequest(sender, (f"stranger{n % 500}",), f"c{n % 500}",
                                                   (sender, friend)))
        elif roll < 0.80:
            self.engine.check(SendRequest(sender, (friend,), f"Lunch at {n % 24}?"))
        elif roll < 0.92:
            self.engine.check(SendRequest(sender, (f"stranger{n % 500}",), "Hello there"))
        else:
            self.engine.check(SendRequest(sender, (friend,), "x" * 200))

    def _signals(self, n: int) -> None:
        """A message to oneself, challenged, then the challenge passed; a new, unverified
        account held to the strict tier (the conditional rules)."""
        assert self.signals is not None
        owner = f"owner{n // 61 % 200}"
        self.signals.check(SendRequest(owner, (owner,), "note to self",
                                       context={"account_age": "3y"}))
        self.signals.challenge_passed(owner)
        newbie, friend = f"newbie{n // 61 % 200}", f"friend{n % 500}"
        self.graph.follow(friend, newbie)
        self.signals.check(SendRequest(newbie, (friend,), "hi there", context={
            "account_age": "1d", "verified_email": False, "verified_phone": False}))
        self.signals.check(SendRequest(f"user{n % 500}", (friend,), "Lunch?"))  # missing

    def _spam_run(self, spammer: str) -> None:
        text = "WIN a free cruise today, reply YES to claim your prize now"
        for i in range(7):
            self.graph.follow(f"{spammer}_target{i}", spammer)
            self.engine.check(SendRequest(spammer, (f"{spammer}_target{i}",), text))

    def _bad_app(self, user: str, app: str) -> None:
        for _ in range(2):
            self.engine.check(SendRequest(user, (user,), "test", app=app))

