"""Real Redis servers for the tests: started on free loopback ports, stopped at the end.

``session_redis(config)`` and ``session_cluster(config)`` start one server (or
one 3-master cluster) per test session, kept in the pytest config's stash and
stopped by its cleanup; ``RedisServer`` alone is for tests that kill, pause and
restart their own server. Every server runs without persistence (``--save ''
--appendonly no``, unless a test asks otherwise) in a temporary directory, and
never on the machine's own Redis port. Where the binaries are absent the tests
skip, saying so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import redis

from tests.processes import free_port, stop_process

START_TIMEOUT = 15.0
_SERVER_KEY = pytest.StashKey["RedisServer"]()
_CLUSTER_KEY = pytest.StashKey["RedisCluster"]()


def require_binaries(*names: str) -> None:
    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not found on PATH (.ci/run installs Debian's "
                    "redis-server and redis-tools)")


class RedisServer:
    """One redis-server process on 127.0.0.1:<port>, in its own directory."""

    def __init__(self, directory: Path, *, port: int | None = None,
                 args: Sequence[str] = (), cluster: bool = False) -> None:
        require_binaries("redis-server")
        self.cluster = cluster
        self.port = port or free_port(with_bus=cluster)
        self.directory = directory
        self.args = list(args)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def command(self) -> list[str]:
        cmd = [
            "redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
            "--dir", str(self.directory), "--save", "", "--appendonly", "no",
            "--daemonize", "no", "--logfile", str(self.directory / f"redis-{self.port}.log"),
        ]
        if self.cluster:
            cmd += ["--cluster-enabled", "yes", "--cluster-node-timeout", "2000",
                    "--cluster-config-file", str(self.directory / f"nodes-{self.port}.conf")]
        return cmd + self.args

    def start(self) -> RedisServer:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(self.command(), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT
        client = self.client(socket_timeout=1, socket_connect_timeout=1)
        try:
            while True:
                if self.process.poll() is not None:
                    raise RuntimeError(f"redis-server on port {self.port} exited: "
                                       f"{self.log_tail()}")
                try:
                    if client.ping():
                        # Loading a big AOF answers -LOADING: wait until it is done.
                        if client.info("persistence").get("loading", 0) == 0:
                            return self
                except redis.RedisError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server on port {self.port} did not start")
                time.sleep(0.02)
        finally:
            client.close()

    def log_tail(self) -> str:
        log = self.directory / f"redis-{self.port}.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"

    @property
    def password(self) -> str | None:
        if "--requirepass" in self.args:
            return self.args[self.args.index("--requirepass") + 1]
        return None

    def client(self, **kwargs: object) -> redis.Redis:
        kwargs.setdefault("socket_timeout", 5)
        kwargs.setdefault("password", self.password)
        return redis.Redis(port=self.port, **kwargs)  # type: ignore[arg-type]

    def kill(self) -> None:
        """SIGKILL: the server dies mid-traffic, as in a crash."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def pause(self) -> None:
        """SIGSTOP: the server hangs (connections open, nothing answered)."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGCONT)  # a paused server cannot hear SIGTERM
        stop_process(self.process)


class RedisCluster:
    """Three masters, no replicas, slots spread by ``redis-cli --cluster create``."""

    def __init__(self, directory: Path, masters: int = 3) -> None:
        require_binaries("redis-server", "redis-cli")
        self.nodes = [RedisServer(directory / f"node{i}", cluster=True) for i in range(masters)]

    @property
    def url(self) -> str:
        return "redis+cluster://" + ",".join(f"127.0.0.1:{n.port}" for n in self.nodes)

    def start(self) -> RedisCluster:
        for node in self.nodes:
            node.start()
        create = ["redis-cli", "--cluster", "create",
                  *(f"127.0.0.1:{n.port}" for n in self.nodes),
                  "--cluster-replicas", "0", "--cluster-yes"]
        done = subprocess.run(create, capture_output=True, timeout=60, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"redis-cli --cluster create failed: {done.stdout[-1000:]!r}")
        deadline = time.monotonic() + START_TIMEOUT
        while not all(self._ok(n) for n in self.nodes):
            if time.monotonic() > deadline:
                raise RuntimeError("the cluster did not reach cluster_state:ok")
            time.sleep(0.05)
        return self

    @staticmethod
    def _ok(node: RedisServer) -> bool:
        client = node.client()
        try:
            return b"cluster_state:ok" in client.execute_command("CLUSTER", "INFO")
        except redis.RedisError:
            return False
        finally:
            client.close()

    def client(self) -> redis.cluster.RedisCluster:
        first = self.nodes[0]
        return redis.cluster.RedisCluster(host="127.0.0.1", port=first.port, socket_timeout=5)

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()


def _tempdir(config: pytest.Config, name: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=f"dmp-{name}-"))
    config.add_cleanup(lambda: shutil.rmtree(path, ignore_errors=True))
    return path


def session_redis(config: pytest.Config) -> RedisServer:
    """The session's shared redis-server (started on first use)."""
    server = config.stash.get(_SERVER_KEY, None)
    if server is None:
        require_binaries("redis-server")
        server = RedisServer(_tempdir(config, "redis"))
        config.add_cleanup(server.stop)  # cleanups run last-in first-out: before the rmtree
        server.start()
        config.stash[_SERVER_KEY] = server
    return server


def session_cluster(config: pytest.Config) -> RedisCluster:
    """The session's shared 3-master cluster (started on first use)."""
    cluster = config.stash.get(_CLUSTER_KEY, None)
    if cluster is None:
        require_binaries("redis-server", "redis-cli")
        cluster = RedisCluster(_tempdir(config, "cluster"))
        config.add_cleanup(cluster.stop)
        cluster.start()
        config.stash[_CLUSTER_KEY] = cluster
    return cluster


@contextlib.contextmanager
def private_redis(args: Sequence[str] = ()) -> Iterator[RedisServer]:
    """A server of one's own (to kill, pause, restart), stopped on exit."""
    require_binaries("redis-server")
    directory = Path(tempfile.mkdtemp(prefix="dmp-redis-own-"))
    server = RedisServer(directory, args=args)
    try:
        yield server.start()
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


def unique_prefix() -> str:
    """A key prefix of one's own on a shared server: tests never see each other's keys."""
    return "t" + os.urandom(6).hex()


class Watch:
    """MONITOR on one server, in a thread, from a start marker to an end marker: the
    commands seen between them, each ``(NAME, from_lua)`` (a command a Lua script runs is
    not a round trip). The tests that count round trips and reads use it."""

    def __init__(self, port: int) -> None:
        self.marker = uuid.uuid4().hex
        self.commands: list[tuple[str, bool]] = []
        self._client = redis.Redis(port=port, socket_timeout=10)
        self._marker_client = redis.Redis(port=port, socket_timeout=10)
        self._marker_client.ping()  # connected (handshake done) before the start marker
        self._monitor = self._client.monitor()
        self._monitor.__enter__()
        self._thread = threading.Thread(target=self._read)
        self._thread.start()
        self._marker_client.echo(f"{self.marker}-start")

    def _read(self) -> None:
        started = False
        while True:
            event = self._monitor.next_command()
            command = event["command"]
            if command == f"ECHO {self.marker}-start":
                started = True
            elif command == f"ECHO {self.marker}-end":
                return
            elif started:
                self.commands.append((command.split()[0].upper(),
                                      event.get("client_type") == "lua"))

    def stop(self) -> list[tuple[str, bool]]:
        self._marker_client.echo(f"{self.marker}-end")
        self._thread.join(10)
        self._monitor.__exit__()
        self._client.close()
        self._marker_client.close()
        return self.commands


@contextlib.contextmanager
def uvicorn_on_loopback(app: Any, *, start_timeout: float = 10.0) -> Iterator[str]:
    """``app`` on a real uvicorn on a free loopback port (bounded: ``start_timeout`` to
    start, 10 s to stop); yields its base URL, and the server is stopped after."""
    uvicorn = pytest.importorskip("uvicorn")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    instance = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + start_timeout
        while not instance.started and time.monotonic() < deadline:
            threading.Event().wait(0.05)
        assert instance.started, f"uvicorn did not start within {start_timeout:g} seconds"
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)
        sock.close()
    assert not thread.is_alive(), "uvicorn did not stop within 10 seconds"
