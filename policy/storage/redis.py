"""redis:// and redis+cluster://: the shared storage, for many processes and machines.

All the state of one sender lives in a few keys under one hash tag (layout in
``policy/storage/redis_keys.py``) and is checked and consumed by one Lua script
(``transition.lua``, the twin of ``policy.core.transition``) in one round trip:
EVALSHA, falling back to EVAL (which caches the script again) after NOSCRIPT.
Without an injected clock the script reads Redis ``TIME``, so every process
agrees on the time.

Every failure (refused connection, timeout, a restarted or misbehaving server,
a cluster without a master for the slot) becomes ``StorageError``, which the
engine turns into its failure mode; nothing else reaches the host. Timeouts
are bounded, and the driver needs no restart: the next call reconnects.

Options, in the URI query or as keyword arguments (keyword arguments win)::

    redis://[user:password@]host:port/db?socket_timeout=0.5&max_connections=32
    rediss://host:port/0?ssl_ca_certs=/path/ca.pem
    unix:///run/redis.sock?db=0
    redis+cluster://host:7000,host:7001?socket_timeout=0.5

``socket_timeout`` (seconds to wait for an answer, 0.5), ``socket_connect_timeout``
(0.5), ``max_connections`` (pool size per process and node, 32), ``pool_timeout``
(seconds to wait for a free pooled connection, the socket timeout by default),
``retries`` (immediate retries after a broken connection, 1; never after a
timeout, which may have run the script), ``health_check_interval`` (0),
``key_prefix`` ("dmp"), ``client_name``, and redis-py's ``ssl_*`` settings.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

import redis
import redis.asyncio
import redis.asyncio.cluster
import redis.asyncio.retry
import redis.cluster
from redis.backoff import NoBackoff
from redis.exceptions import NoScriptError
from redis.retry import Retry

from policy.core import Fired, Standing, TransitionInput, TransitionResult
from policy.errors import StorageError
from policy.fingerprint import SIGNATURE_BYTES
from policy.keys import remember
from policy.lua import lua_bool, lua_int, lua_str
from policy.rules import Mode, Rule
from policy.storage.base import MAX_SIGNAL_USERS
from policy.storage.redis_keys import KeySpace, unit_bytes

_SPEC_CACHE_SIZE = 16  # rule sets kept encoded (one per reload, a few at most)


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"expected true or false, got {value!r}")


# Our options: name -> (parser, default). Everything else in a URI goes to redis-py.
_OPTIONS: dict[str, tuple[Any, Any]] = {
    "socket_timeout": (float, 0.5),
    "socket_connect_timeout": (float, 0.5),
    "max_connections": (int, 32),
    "pool_timeout": (float, None),
    "retries": (int, 1),
    "health_check_interval": (float, 0.0),
    "key_prefix": (str, "dmp"),
    "client_name": (str, None),
}
_PASSED_TO_REDIS = {
    "db": int,
    "ssl_cert_reqs": str,
    "ssl_ca_certs": str,
    "ssl_certfile": str,
    "ssl_keyfile": str,
    "ssl_check_hostname": _bool,
    "username": str,
    "password": str,
}


def _load_script(name: str) -> bytes:
    return resources.files("policy.storage").joinpath(name).read_bytes()


# Small scripts for the administrative calls (off the hot path).
_REVOKE = b"""
local now = ARGV[3]
if now == '' then local t = redis.call('TIME'); now = tonumber(t[1]) + tonumber(t[2]) / 1000000
else now = tonumber(now) end
local untill = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], ARGV[1], string.format('%.17g', untill))
local ends = untill
local flat = redis.call('HGETALL', KEYS[1])
for i = 2, #flat, 2 do local u = tonumber(flat[i]); if u > ends then ends = u end end
redis.call('PEXPIRE', KEYS[1], string.format('%d', math.ceil((ends - now) * 1000)))
return 1
"""

_SIGNAL = b"""
local now = ARGV[3]
if now == '' then local t = redis.call('TIME'); now = tonumber(t[1]) + tonumber(t[2]) / 1000000
else now = tonumber(now) end
local window = tonumber(ARGV[2])
local cut = string.format('%.17g', now - window)
if ARGV[4] == '1' then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', cut)
  redis.call('ZADD', KEYS[1], string.format('%.17g', now), ARGV[1])
  local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[5])
  if extra > 0 then
    redis.call('ZREMRANGEBYRANK', KEYS[1], '0', string.format('%d', extra - 1))
  end
  redis.call('PEXPIRE', KEYS[1], string.format('%d', math.ceil(window * 1000)))
end
return redis.call('ZCOUNT', KEYS[1], '(' .. cut, '+inf')
"""

# The sender's index of apps it signalled, kept long enough to outlive its
# members in the apps' sets (a member lives at most two windows there).
_INDEX_APP = b"""
redis.call('SADD', KEYS[1], ARGV[1])
local ms = tonumber(ARGV[2])
if redis.call('PTTL', KEYS[1]) < ms then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1
"""

_FORGET = b"""
local apps = redis.call('SMEMBERS', KEYS[#KEYS])
redis.call('DEL', unpack(KEYS))
return apps
"""


class _Script:
    __slots__ = ("sha", "source")

    def __init__(self, source: bytes) -> None:
        self.source = source
        self.sha = hashlib.sha1(source).hexdigest()


def _num(value: float) -> bytes:
    """An exact decimal of a float: Lua's tonumber reads back the same double."""
    return repr(float(value)).encode()


_KINDS_MARK = b"--@KINDS@--"


def _encode_rules(rules: tuple[Rule, ...]) -> bytes:
    """The rules as a Lua table literal, ``local RULES = {...}`` (the header of the script):
    each rule's name, kind, mode, the rules it triggers, and its kind's ``lua_params``."""
    items: list[str] = []
    for rule in rules:
        if rule.mode not in (Mode.ENFORCE, Mode.SHADOW):
            raise ValueError(f"rule {rule.name!r} is off: it is not evaluated")
        if not rule.stateful:
            raise ValueError(f"rule {rule.name!r}: {rule.kind} is not a stateful check")
        triggers = [i for i, t in enumerate(rules, start=1)
                    if rule.name in getattr(t.params, "triggered_by", ())]
        fields = [f"name = {lua_str(rule.name)}", f"kind = {lua_str(rule.kind)}",
                  f"enforce = {lua_bool(rule.mode is Mode.ENFORCE)}",
                  "triggers = {" + ", ".join(lua_int(i) for i in triggers) + "}"]
        fields += [f"{name} = {value}" for name, value in rule.module.lua_params(rule, rules)]
        items.append("  { " + ", ".join(fields) + " },\n")
    return ("local RULES = {\n" + "".join(items) + "}\n").encode("ascii")


def _kind_source(module: Any) -> bytes:
    """A kind's Lua section: ``LUA`` (source text) if the module has one, else
    ``<kind>.lua`` beside the module."""
    source = getattr(module, "LUA", None)
    if source is None:
        source = Path(module.__file__).with_name(f"{module.KIND}.lua").read_text("utf-8")
    return source.encode("utf-8")


def assemble_script(rules: tuple[Rule, ...], frame: bytes | None = None) -> bytes:
    """The transition script of ``rules``: their table, the frame (``transition.lua``)
    with the Lua sections of the kinds they use where the frame marks them."""
    frame = frame if frame is not None else _load_script("transition.lua")
    modules: list[Any] = []
    for rule in rules:
        if rule.module not in modules:
            modules.append(rule.module)
    sections = b"\n".join(_kind_source(m) for m in modules)
    head, mark, tail = frame.partition(_KINDS_MARK)
    if not mark:
        raise ValueError("the transition frame has no kinds mark")
    return _encode_rules(rules) + head + sections + tail


def _parse_options(uri: str, given: dict[str, Any]) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """Split ``uri`` into (URI without our options, our options, options for redis-py)."""
    parts = urlsplit(uri)
    ours: dict[str, Any] = {}
    passed: dict[str, Any] = {}
    raw = dict(parse_qsl(parts.query, keep_blank_values=True))
    for source in (raw, given):  # keyword arguments win over the URI
        for name, value in source.items():
            if name in _OPTIONS:
                parser = _OPTIONS[name][0]
                try:
                    ours[name] = value if value is None else parser(value)
                except (TypeError, ValueError):
                    raise ValueError(f"storage option {name}: invalid value {value!r}") from None
            elif name in _PASSED_TO_REDIS:
                try:
                    passed[name] = _PASSED_TO_REDIS[name](value)
                except (TypeError, ValueError):
                    raise ValueError(f"storage option {name}: invalid value {value!r}") from None
            else:
                known = ", ".join(sorted([*_OPTIONS, *_PASSED_TO_REDIS]))
                raise ValueError(f"unknown storage option {name!r} (known: {known})")
    for name, (_, default) in _OPTIONS.items():
        ours.setdefault(name, default)
    if ours["pool_timeout"] is None:
        ours["pool_timeout"] = ours["socket_timeout"]
    for name in ("socket_timeout", "socket_connect_timeout", "pool_timeout"):
        if not ours[name] > 0:
            raise ValueError(f"storage option {name} must be a positive number of seconds")
    if ours["max_connections"] < 1:
        raise ValueError("storage option max_connections must be at least 1")
    if ours["retries"] < 0:
        raise ValueError("storage option retries must be 0 or more")
    bare = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return bare, ours, passed


class RedisStorage:
    """The Redis driver (one server, or a cluster with ``cluster=True``).

    Prefer ``RedisStorage.from_uri`` (or ``Engine.from_file(..., storage=uri)``).
    Connections are made lazily: a Redis that is down when the engine starts is
    only a ``StorageError`` on the first decisions, handled by the failure mode.
    """

    def __init__(
        self,
        uri: str,
        *,
        cluster: bool = False,
        options: dict[str, Any] | None = None,
        redis_options: dict[str, Any] | None = None,
        client: Any = None,
        aclient_factory: Callable[[], Any] | None = None,
    ) -> None:
        opts = dict(options or {})
        for name, (_, default) in _OPTIONS.items():
            opts.setdefault(name, default)
        if opts["pool_timeout"] is None:
            opts["pool_timeout"] = opts["socket_timeout"]
        self._uri = uri
        self._cluster = cluster
        self._opts = opts
        self._redis_opts = dict(redis_options or {})
        self.kind = "redis-cluster" if cluster else "redis"
        self.keys = KeySpace(opts["key_prefix"])
        self._transition_body = _load_script("transition.lua")
        self._revoke = _Script(_REVOKE)
        self._signal = _Script(_SIGNAL)
        self._index_app = _Script(_INDEX_APP)
        self._forget = _Script(_FORGET)
        self._specs: dict[tuple[int, ...], tuple[tuple[Rule, ...], _Script]] = {}
        self._last_spec: tuple[tuple[Rule, ...], _Script] | None = None  # the usual answer
        self._state_keys: dict[str, tuple[str, ...]] = {}  # sender -> keys.sender(...).state
        self._lock = threading.Lock()
        self._client: Any = client  # given: a ready client (fakeredis in unit tests)
        self._aclient_factory = aclient_factory
        self._aclients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = (
            weakref.WeakKeyDictionary()
        )
        self._closed = False
        self._closing: set[asyncio.Task[None]] = set()
        if cluster:
            self._nodes = self._cluster_nodes(uri)

    @classmethod
    def from_uri(
        cls,
        uri: str,
        *,
        client: Any = None,
        aclient_factory: Callable[[], Any] | None = None,
        **options: Any,
    ) -> RedisStorage:
        """A driver for ``redis://``, ``rediss://``, ``unix://`` or ``redis+cluster://`` URIs.

        ``client`` and ``aclient_factory`` replace the connections (fakeredis in tests).
        """
        scheme = urlsplit(uri).scheme
        bare, ours, passed = _parse_options(uri, options)
        made = {"options": ours, "redis_options": passed, "client": client,
                "aclient_factory": aclient_factory}
        if scheme in ("redis+cluster", "rediss+cluster"):
            if passed.get("db", 0) != 0 or urlsplit(uri).path.strip("/") not in ("", "0"):
                raise ValueError("a Redis Cluster has only database 0: drop the /db or db= part")
            return cls(bare, cluster=True, **made)
        if scheme in ("redis", "rediss", "unix"):
            return cls(bare, **made)
        raise ValueError(f"not a Redis URI: {_redacted(uri)!r}")

    # -- clients -----------------------------------------------------------

    @staticmethod
    def _cluster_nodes(uri: str) -> list[tuple[str, int]]:
        hosts = urlsplit(uri).netloc.rsplit("@", 1)[-1]  # never the password, in errors too
        nodes: list[tuple[str, int]] = []
        for item in hosts.split(","):
            host, _, port = item.rpartition(":")
            if not host:
                host, port = item, "6379"
            try:
                nodes.append((host.strip("[]"), int(port)))
            except ValueError:
                raise ValueError(f"bad cluster node {item!r}: expected host:port") from None
        if not nodes or not all(h for h, _ in nodes):
            raise ValueError(f"no cluster node in {_redacted(uri)!r}")
        return nodes

    def _cluster_credentials(self) -> dict[str, Any]:
        parts = urlsplit(self._uri)
        out: dict[str, Any] = {}
        if "@" in parts.netloc:
            userinfo = parts.netloc.rsplit("@", 1)[0]
            user, _, password = userinfo.partition(":")
            if user:
                out["username"] = unquote(user)
            if password:
                out["password"] = unquote(password)
        if parts.scheme.startswith("rediss"):
            out["ssl"] = True
        return out

    def _common(self) -> dict[str, Any]:
        o = self._opts
        out: dict[str, Any] = {
            "socket_timeout": o["socket_timeout"],
            "socket_connect_timeout": o["socket_connect_timeout"],
            "health_check_interval": o["health_check_interval"],
        }
        if o["client_name"]:
            out["client_name"] = o["client_name"]
        out.update(self._redis_opts)
        return out

    def _new_client(self) -> Any:
        o = self._opts
        if self._cluster:
            # Cluster-level retries follow slot moves and failovers; bounded like the rest.
            return redis.cluster.RedisCluster(
                startup_nodes=[redis.cluster.ClusterNode(h, p) for h, p in self._nodes],
                retry=Retry(NoBackoff(), o["retries"]),
                max_connections=o["max_connections"],
                **self._cluster_credentials(),
                **self._common(),
            )
        pool = redis.BlockingConnectionPool.from_url(
            self._uri,
            max_connections=o["max_connections"],
            timeout=o["pool_timeout"],
            retry=Retry(NoBackoff(), o["retries"], supported_errors=(redis.ConnectionError,)),
            **self._common(),
        )
        return redis.Redis(connection_pool=pool)

    def _new_aclient(self) -> Any:
        if self._aclient_factory is not None:
            return self._aclient_factory()
        o = self._opts
        if self._cluster:
            return redis.asyncio.cluster.RedisCluster(
                startup_nodes=[redis.asyncio.cluster.ClusterNode(h, p) for h, p in self._nodes],
                retry=redis.asyncio.retry.Retry(NoBackoff(), o["retries"]),
                max_connections=o["max_connections"],
                **self._cluster_credentials(),
                **self._common(),
            )
        pool = redis.asyncio.BlockingConnectionPool.from_url(
            self._uri,
            max_connections=o["max_connections"],
            timeout=o["pool_timeout"],
            retry=redis.asyncio.retry.Retry(NoBackoff(), o["retries"],
                                            supported_errors=(redis.ConnectionError,)),
            **self._common(),
        )
        return redis.asyncio.Redis(connection_pool=pool)

    def _sync(self) -> Any:
        client = self._client
        if client is None:
            with self._lock:
                if self._closed:
                    raise StorageError("the Redis storage is closed")
                if self._client is None:
                    self._client = self._new_client()
                client = self._client
        return client

    def _async(self) -> Any:
        loop = asyncio.get_running_loop()
        client = self._aclients.get(loop)
        if client is None:
            if self._closed:
                raise StorageError("the Redis storage is closed")
            # redis.asyncio connections belong to the loop that made them: one client per loop.
            client = self._new_aclient()
            self._aclients[loop] = client
        return client

    @property
    def _deadline(self) -> float:
        """An outer bound for one async call: every attempt timing out in full."""
        o = self._opts
        attempts = o["retries"] + 1
        return attempts * (o["socket_connect_timeout"] + o["socket_timeout"]) + o["pool_timeout"]

    # -- running scripts ---------------------------------------------------

    @contextlib.contextmanager
    def _failures(self) -> Iterator[None]:
        """Whatever redis-py, the sockets or cluster discovery raise becomes StorageError."""
        try:
            yield
        except StorageError:
            raise
        except Exception as exc:
            self._reset_after_failure()
            raise StorageError(f"{self.kind} storage failed: {type(exc).__name__}: {exc}") from exc

    def _run(self, script: _Script, keys: Sequence[str], args: Sequence[Any]) -> Any:
        with self._failures():
            client = self._sync()
            try:
                return client.evalsha(script.sha, len(keys), *keys, *args)
            except NoScriptError:  # a restarted or flushed server: EVAL caches it again
                return client.eval(script.source, len(keys), *keys, *args)

    async def _arun(self, script: _Script, keys: Sequence[str], args: Sequence[Any]) -> Any:
        try:
            client = self._async()

            async def call() -> Any:
                try:
                    return await client.evalsha(script.sha, len(keys), *keys, *args)
                except NoScriptError:
                    return await client.eval(script.source, len(keys), *keys, *args)

            return await asyncio.wait_for(call(), self._deadline)
        except StorageError:
            raise
        except Exception as exc:
            self._areset_after_failure()
            raise StorageError(f"{self.kind} storage failed: {type(exc).__name__}: {exc}") from exc

    def _reset_after_failure(self) -> None:
        # A cluster client that failed discovery is rebuilt on the next call; a plain
        # client reconnects each broken connection by itself.
        if self._cluster:
            with self._lock:
                client, self._client = self._client, None
            if client is not None:
                try:
                    client.close()
                except Exception:  # already broken: nothing more to release
                    pass

    def _areset_after_failure(self) -> None:
        if self._cluster:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                return
            client = self._aclients.pop(loop, None)
            if client is not None:
                self._spawn_close(loop, client)

    def _spawn_close(self, loop: asyncio.AbstractEventLoop, client: Any) -> None:
        task = loop.create_task(self._aclose_quietly(client))
        self._closing.add(task)  # keep a reference until it is done
        task.add_done_callback(self._closing.discard)

    @staticmethod
    async def _aclose_quietly(client: Any) -> None:
        try:
            await client.aclose()
            pool = getattr(client, "connection_pool", None)
            if pool is not None:  # a pool we gave the client is ours to close
                await pool.disconnect()
        except Exception:
            pass

    # -- the Storage protocol ------------------------------------------------

    def _spec(self, rules: tuple[Rule, ...]) -> _Script:
        """The transition script of this rule set: its rules prepended to transition.lua."""
        last = self._last_spec
        if last is not None and last[0] is rules:  # an engine passes the same tuple each time
            return last[1]
        ident = tuple(map(id, rules))
        cached = self._specs.get(ident)
        if cached is not None and all(a is b for a, b in zip(cached[0], rules, strict=True)):
            self._last_spec = cached
            return cached[1]
        script = _Script(assemble_script(rules, self._transition_body))
        if len(self._specs) >= _SPEC_CACHE_SIZE:
            self._specs.clear()
        self._specs[ident] = self._last_spec = (rules, script)  # holds the rules: ids stay unique
        return script

    def _keys_of(self, sender: str) -> tuple[str, ...]:
        """``keys.sender(sender).state``, remembered for the last few thousand senders."""
        keys = self._state_keys.get(sender)
        if keys is None:
            keys = remember(self._state_keys, sender, self.keys.sender(sender).state)
        return keys

    def _args(self, inp: TransitionInput, now: float | None) -> list[bytes]:
        f = inp.features
        if f.signature is not None and len(f.signature) != SIGNATURE_BYTES:
            # The stored trace has fixed-width records (transition.lua): refuse, never corrupt.
            raise ValueError(f"a text signature must be {SIGNATURE_BYTES} bytes "
                             f"(policy.fingerprint), got {len(f.signature)}")
        args: list[bytes] = [
            b"" if now is None else _num(now),
            b"1" if inp.refused_before else b"0",
            b"0" if f.app is None else b"1",
            (f.app or "").encode("utf-8", "surrogatepass"),
            b"1" if f.self_message else b"0",
            b"0" if f.signature is None else b"1",
            f.signature or b"",
            str(f.text_chars).encode(),
            str(f.cost).encode(),
            str(len(f.units)).encode(),
        ]
        for unit, evidence in f.units:
            args.append(unit_bytes(unit))
            args.append(b"1" if evidence else b"0")
        return args

    def _result(self, inp: TransitionInput, raw: Any) -> TransitionResult:
        try:
            now = float(raw[0])
            allowed, revoked = int(raw[1]) == 1, int(raw[2]) == 1
            i = 3
            fired = []
            for _ in range(int(raw[i])):
                rule = inp.rules[int(raw[i + 1]) - 1]
                retry = raw[i + 3]
                fired.append(Fired(rule.name, raw[i + 2].decode(),
                                   float(retry) if retry else None))
                i += 3
            i += 1
            standings = []
            for _ in range(int(raw[i])):
                rule = inp.rules[int(raw[i + 1]) - 1]
                standings.append((rule.name, Standing(int(raw[i + 2]), int(raw[i + 3]),
                                                      float(raw[i + 4]))))
                i += 4
        except (TypeError, ValueError, IndexError, AttributeError) as exc:
            raise StorageError(f"{self.kind} storage answered nonsense: {exc}") from exc
        return TransitionResult(now, tuple(fired), tuple(standings), allowed, revoked)

    def transition(self, sender: str, inp: TransitionInput, now: float | None) -> TransitionResult:
        raw = self._run(self._spec(inp.rules), self._keys_of(sender),
                        self._args(inp, now))
        return self._result(inp, raw)

    async def atransition(
        self, sender: str, inp: TransitionInput, now: float | None
    ) -> TransitionResult:
        raw = await self._arun(self._spec(inp.rules), self._keys_of(sender),
                               self._args(inp, now))
        return self._result(inp, raw)

    def revoke_app(self, sender: str, app: str, seconds: float, now: float | None) -> None:
        self._run(self._revoke, (self.keys.sender(sender).revoked,),
                  (app.encode("utf-8", "surrogatepass"), _num(seconds),
                   b"" if now is None else _num(now)))

    def restore_app(self, sender: str, app: str) -> None:
        with self._failures():
            self._sync().hdel(self.keys.sender(sender).revoked, app.encode("utf-8", "surrogatepass"))

    def _signal_args(self, sender: str, window: float, now: float | None, record: bool) -> tuple:
        return (self.keys.member(sender).encode(), _num(window), b"" if now is None else _num(now),
                b"1" if record else b"0", str(MAX_SIGNAL_USERS).encode())

    def record_app_signal(self, app: str, sender: str, window: float, now: float | None) -> int:
        # The sender's own index first: forget() must find every set the sender is in.
        ms = max(1, int(2 * window * 1000))
        self._run(self._index_app, (self.keys.sender(sender).apps,),
                  (app.encode("utf-8", "surrogatepass"), str(ms).encode()))
        count = self._run(self._signal, (self.keys.app_signals(app),),
                          self._signal_args(sender, window, now, True))
        return int(count)

    def app_signal_count(self, app: str, window: float, now: float | None) -> int:
        count = self._run(self._signal, (self.keys.app_signals(app),),
                          self._signal_args("", window, now, False))
        return int(count)

    def forget(self, sender: str) -> None:
        apps = self._run(self._forget, self.keys.sender(sender).all, ())
        member = self.keys.member(sender)
        for app in apps or ():
            name = app.decode("utf-8", "surrogatepass") if isinstance(app, bytes) else str(app)
            with self._failures():
                self._sync().zrem(self.keys.app_signals(name), member)

    def sender_keys(self, sender: str) -> tuple[str, ...]:
        """Every key that may hold state of ``sender`` (for inspection and tests)."""
        return self.keys.sender(sender).all

    def quota_counts(self, sender: str) -> dict[str, int]:
        """Messages counted in ``sender``'s live quota buckets, per quota rule (inspection)."""
        with self._failures():
            raw = self._sync().hgetall(self.keys.sender(sender).quota)
        return {name.decode(): int(blob.split(b";", 1)[0]) for name, blob in raw.items()}

    def sender_memory(self, sender: str) -> int:
        """Bytes Redis uses for ``sender``'s keys (``MEMORY USAGE``, exact: SAMPLES 0)."""
        with self._failures():
            client = self._sync()
            return sum(int(client.memory_usage(key, samples=0) or 0)
                       for key in self.keys.sender(sender).all)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            client, self._client = self._client, None
            aclients = list(self._aclients.items())
            self._aclients.clear()
        if client is not None:
            try:
                client.close()
                pool = getattr(client, "connection_pool", None)
                if pool is not None:  # a pool we gave the client is ours to close
                    pool.disconnect()
            except Exception:
                pass
        for loop, aclient in aclients:
            if loop.is_closed():
                continue
            try:
                if loop.is_running():
                    self._spawn_close(loop, aclient)
                else:
                    loop.run_until_complete(self._aclose_quietly(aclient))
            except RuntimeError:  # another loop runs in this thread: let them be collected
                pass

    async def aclose(self) -> None:
        """Close this event loop's connections (call it before the loop ends: asyncio
        connections cannot be closed once their loop is gone)."""
        client = self._aclients.pop(asyncio.get_running_loop(), None)
        if client is not None:
            await self._aclose_quietly(client)

    def __repr__(self) -> str:
        return f"RedisStorage({_redacted(self._uri)})"


def _redacted(uri: str) -> str:
    """The URI without its user and password."""
    parts = urlsplit(uri)
    return urlunsplit((parts.scheme, parts.netloc.rsplit("@", 1)[-1], parts.path, "", ""))

