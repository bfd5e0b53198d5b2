"""Throwaway Redis servers for the benchmarks: one server, or a 3-master cluster.

Each server runs on a free loopback port, in its own temporary directory,
without persistence (``--save '' --appendonly no``), and is stopped when its
context ends, on error too. The Redis already listening on 6379 is never used.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import redis

from tests.processes import free_port as shared_free_port
from tests.processes import stop_process

START_TIMEOUT = 10.0
CLUSTER_TIMEOUT = 20.0


class ServerUnavailable(RuntimeError):
    """redis-server or redis-cli is missing, or a server did not come up."""


def binaries_present(*names: str) -> bool:
    return all(shutil.which(name) for name in names)


def free_port(*, with_bus: bool = False) -> int:
    try:
        return shared_free_port(with_bus=with_bus)
    except RuntimeError as exc:
        raise ServerUnavailable(str(exc)) from None


def _die_with_parent() -> None:
    # Linux: the server gets SIGTERM if the benchmark is killed before it can clean up.
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@dataclass
class RedisServer:
    port: int
    workdir: str
    process: subprocess.Popen[bytes]
    extra: tuple[str, ...] = field(default_factory=tuple)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=30)

    def version(self) -> str:
        return str(self.client().info("server")["redis_version"])

    def stop(self) -> None:
        stop_process(self.process, timeout=5)
        shutil.rmtree(self.workdir, ignore_errors=True)


def start_server(*extra: str, port: int | None = None) -> RedisServer:
    """Start one redis-server on 127.0.0.1 and wait until it answers PING."""
    if not binaries_present("redis-server"):
        raise ServerUnavailable("redis-server is not installed")
    port = port or free_port()
    workdir = tempfile.mkdtemp(prefix="dm-policy-bench-redis-")
    command = [
        "redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no", "--dir", workdir, "--daemonize", "no",
        "--loglevel", "warning", "--logfile", f"{workdir}/redis.log", *extra,
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        preexec_fn=_die_with_parent,
    )
    server = RedisServer(port, workdir, process, extra)
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            if server.client().ping():
                return server
        except redis.ConnectionError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            log = ""
            with contextlib.suppress(OSError):
                log = open(f"{workdir}/redis.log").read()[-500:]
            server.stop()
            raise ServerUnavailable(f"redis-server on port {port} did not start: {log}")
        time.sleep(0.05)


@contextlib.contextmanager
def redis_server() -> Iterator[RedisServer]:
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class RedisCluster:
    nodes: list[RedisServer]

    @property
    def url(self) -> str:
        return f"redis+cluster://127.0.0.1:{self.nodes[0].port}"

    def clients(self) -> list[redis.Redis]:
        return [node.client() for node in self.nodes]


@contextlib.contextmanager
def redis_cluster(masters: int = 3) -> Iterator[RedisCluster]:
    """``masters`` cluster-enabled servers joined by ``redis-cli --cluster create``."""
    if not binaries_present("redis-server", "redis-cli"):
        raise ServerUnavailable("redis-server and redis-cli are needed for a cluster")
    nodes: list[RedisServer] = []
    try:
        for _ in range(masters):
            nodes.append(start_server(
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                "--cluster-node-timeout", "5000", port=free_port(with_bus=True),
            ))
        created = subprocess.run(
            ["redis-cli", "--cluster", "create",
             *[f"127.0.0.1:{n.port}" for n in nodes], "--cluster-replicas", "0", "--cluster-yes"],
            capture_output=True, text=True, timeout=CLUSTER_TIMEOUT,
        )
        if created.returncode != 0:
            raise ServerUnavailable(f"redis-cli --cluster create failed: {created.stdout[-500:]}")
        deadline = time.monotonic() + CLUSTER_TIMEOUT
        while not all(n.client().cluster("info")["cluster_state"] == "ok" for n in nodes):
            if time.monotonic() > deadline:
                raise ServerUnavailable("the cluster did not reach cluster_state:ok")
            time.sleep(0.1)
        yield RedisCluster(nodes)
    finally:
        for node in nodes:
            node.stop()
