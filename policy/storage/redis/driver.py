"""The Redis driver: redis:// and redis+cluster://, the shared storage for many
processes and machines.

All the state of one sender lives in a few keys under one hash tag (layout in
``keys.py``) and is checked and consumed by one Lua script (``script.py``: the
rule set's table and ``transition.lua``, the twin of ``policy.core.transition``)
in one round trip: FCALL of the rule set's Redis 7 function library, whose
definitions are loaded once (EVALSHA where functions are not there, falling back to
EVAL, which caches the script again, after NOSCRIPT). Without an injected clock the script reads Redis ``TIME``, so
every process agrees on the time. Options: ``options.py``.

Every failure (refused connection, timeout, a restarted or misbehaving server,
a cluster without a master for the slot) becomes ``StorageError``, which the
engine turns into its failure mode; nothing else reaches the host. Timeouts
are bounded, and the driver needs no restart: the next call reconnects.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from redis.exceptions import NoPermissionError, NoScriptError, ResponseError

from policy.audit import AUDIT_ALL, AUDIT_PER_USER, AUDIT_TTL, Change
from policy.challenge import STATE_FIELD as CHALLENGE_FIELD
from policy.core import TransitionInput, TransitionResult
from policy.errors import StorageError
from policy.ids import remember
from policy.rules import Rule
from policy.state import SenderState
from policy.storage.base import MAX_SIGNAL_USERS
from policy.storage.redis.clients import new_aclient, new_client
from policy.storage.redis.keys import KeySpace
from policy.storage.redis.options import (
    _cluster_credentials,
    _cluster_nodes,
    _parse_options,
    _redacted,
    _with_defaults,
)
from policy.storage.redis.script import (
    _FORGET,
    _INDEX_APP,
    _PASS,
    _RESTORE,
    _REVOKE,
    _SIGNAL,
    CACHED_SUFFIX,
    TransitionScripts,
    _num,
    _Script,
    decode_result,
    encode_args,
)
from policy.storage.redis.serverconfig import ConfigCheck, ServerConfig
from policy.storage.redis.snapshot import (
    AMEND,
    ERASE_ALL,
    FORGET_AUDITED,
    SNAPSHOT,
    _pairs,
    decode_state,
    encode_quota,
    f2s,
    ttl_ms,
)
from policy.storage.redis.statecache import (
    CachedState,
    Plan,
    StateCache,
    cacheable,
    committed,
    from_reply,
    miss_header,
    new_token,
    packed,
    plan,
)

logger = logging.getLogger("policy.storage.redis")
_AMEND_TRIES = 5  # snapshot-and-write attempts while decisions keep changing the fields
_NUL = b"\0"


_APPEND = b"""
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, 3))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
"""


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _amend_ops(change: Change, hashes: list[dict[str, bytes]], now: float) -> list[bytes]:
    """``AMEND``'s operations: (key index, field, expected, new, min TTL ms) per field."""
    ops: list[bytes] = []

    def op(index: int, name: str, new: bytes | None, until: float | None) -> None:
        expected = hashes[index - 1].get(name, _NUL)
        ops.extend((str(index).encode(), name.encode("utf-8", "surrogatepass"), expected,
                    _NUL if new is None else new,
                    str(ttl_ms(until, now) if until is not None else 1).encode()))

    for name, value in change.quota.items():
        op(1, name, None if value is None else encode_quota(*value), change.ends.get(name))
    for name, until in change.cooldown.items():
        op(2, name, None if until is None else f2s(until), until)
    for name, until in change.revoked.items():
        op(3, name, None if until is None else f2s(until), until)
    for name in change.slices:  # deleted only
        op(4, name, None, None)
    return ops


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
        opts = _with_defaults(options)
        self._uri = uri
        self._cluster = cluster
        self._opts = opts
        self._redis_opts = dict(redis_options or {})
        self.kind = "redis-cluster" if cluster else "redis"
        self.keys = KeySpace(opts["key_prefix"])
        self._transitions = TransitionScripts()
        self._revoke = _Script(_REVOKE)
        self._signal = _Script(_SIGNAL)
        self._index_app = _Script(_INDEX_APP)
        self._forget = _Script(_FORGET)
        self._snapshot = _Script(SNAPSHOT)
        self._amend = _Script(AMEND)
        self._forget_script = _Script(FORGET_AUDITED)
        self._erase_all = _Script(ERASE_ALL)
        self._append = _Script(_APPEND)
        self._pass = _Script(_PASS)
        self._restore = _Script(_RESTORE)
        # Copies of the state of the senders decided for lately (statecache.py)
        self._cache = (StateCache(opts["state_cache"], opts["state_cache_age"])
                       if opts["state_cache"] else None)
        self._keep_ms = int(opts["state_cache_age"] * 1000)
        self._state_keys: dict[str, tuple[str, ...]] = {}  # sender -> keys.sender(...).state
        self._lock = threading.Lock()
        self._client: Any = client  # given: a ready client (fakeredis in unit tests)
        self._aclient_factory = aclient_factory
        self._aclients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = (
            weakref.WeakKeyDictionary()
        )
        self._closed = False
        self._closing: set[asyncio.Task[None]] = set()
        # Redis 7 functions for the transition: False where they cannot run (Redis 6, an
        # ACL, a library that does not load): EVAL then; after a load that failed for
        # another reason (a node down, out of memory), EVAL until _functions_paused_until.
        self._functions: bool | None = None
        self._functions_paused_until = 0.0
        # A library being loaded in the background (async): its task, by function name
        self._loading: dict[str, asyncio.Task[None]] = {}
        # The server's eviction and persistence settings, read once at the first call.
        self._config_check = ConfigCheck(self.kind, _redacted(uri))
        if cluster:
            self._nodes = _cluster_nodes(uri)

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

    def _cluster_credentials(self) -> dict[str, Any]:
        return _cluster_credentials(self._uri)

    def _new_client(self) -> Any:
        return new_client(self._uri, self._nodes if self._cluster else None, self._opts,
                          self._redis_opts)

    def _new_aclient(self) -> Any:
        if self._aclient_factory is not None:
            return self._aclient_factory()
        return new_aclient(self._uri, self._nodes if self._cluster else None, self._opts,
                           self._redis_opts)

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

    def _run(self, script: _Script, keys: Sequence[str], args: Sequence[Any],
             head: Sequence[bytes] | None = None) -> Any:
        """``script`` on ``keys`` and ``args``; with ``head``, the library's cached call
        (statecache.py): ``head``, then ``args`` packed in one; its reply is {'e', the
        transition's reply} where it ran as the plain transition instead (EVALSHA)."""
        with self._failures():
            client = self._sync()
            if self._use_function(script):
                try:
                    if head is None:
                        result = client.fcall(script.function, len(keys), *keys, *args)
                    else:
                        result = client.fcall(script.function + CACHED_SUFFIX, len(keys), *keys,
                                              *head, packed(args))
                except ResponseError as exc:
                    if not self._function_missing(exc):
                        raise
                    result = self._eval(client, script, keys, args)
                    if head is not None:
                        result = [b"e", result]
                    if self._functions is not False:
                        self._load_function(client, script)
            else:
                result = self._eval(client, script, keys, args)
                if head is not None:
                    result = [b"e", result]
        if self._config_check.due():
            self._config_check.read(client)
        return result

    @staticmethod
    def _eval(client: Any, script: _Script, keys: Sequence[str], args: Sequence[Any]) -> Any:
        try:
            return client.evalsha(script.sha, len(keys), *keys, *args)
        except NoScriptError:  # a restarted or flushed server: EVAL caches it again
            return client.eval(script.source, len(keys), *keys, *args)

    # -- Redis 7 functions: the transition's definitions loaded once -----------
    #
    # A transition runs as FCALL of its rule set's library (script.py). A server that
    # lacks the library (new, flushed, failed over, the rules reloaded) answers "Function
    # not found": that decision runs as EVAL, as before, and the library is loaded for the
    # next ones (on every primary of a cluster). A server without functions (Redis 6) or
    # a user the ACL denies FUNCTION LOAD keeps this process on EVAL.

    _LOAD_RETRY = 30.0  # seconds on EVAL after a load that failed for a passing reason

    def _use_function(self, script: _Script) -> bool:
        return (script.function is not None and self._functions is not False
                and time.monotonic() >= self._functions_paused_until)

    def _function_missing(self, exc: ResponseError) -> bool:
        """Whether ``exc`` says the function is not there (load it), or functions cannot
        run here at all (stay on EVAL); an error of the script itself is neither (a
        NOPERM on a key, raised inside the script, is the script's)."""
        text = str(exc).lower()
        if isinstance(exc, NoPermissionError):
            if "'fcall'" not in text:
                return False
            self._functions_off(exc)  # an ACL that allows EVALSHA and not FCALL
            return True
        if "function not found" in text:
            return True
        if "unknown command" in text or "unsupported command" in text:
            self._functions_off(exc)  # Redis 6, or a proxy that passes no FCALL
            return True
        return False

    def _functions_off(self, exc: Exception) -> None:
        if self._functions is not False:
            logger.warning("%s storage: Redis functions unavailable (%s): the transition "
                           "runs as EVALSHA", self.kind, exc)
        self._functions = False

    def _load_failed(self, exc: Exception) -> None:
        """A denied or broken load turns functions off for this process; any other
        failure (a node down, a failover, out of memory) puts it on EVALSHA for a while,
        then the next miss tries again."""
        text = str(exc).lower()
        if isinstance(exc, NoPermissionError) or "unknown command" in text or (
                "error registering functions" in text or "error compiling" in text):
            self._functions_off(exc)
        else:
            self._functions_paused_until = time.monotonic() + self._LOAD_RETRY

    def _load_function(self, client: Any, script: _Script) -> None:
        try:
            client.function_load(script.library, replace=True)
        except Exception as exc:
            self._load_failed(exc)

    async def _aload_function(self, client: Any, script: _Script) -> None:
        try:
            await asyncio.wait_for(
                client.function_load(script.library, replace=True),
                self._deadline * 4)
        except Exception as exc:
            self._load_failed(exc)

    def _aload_later(self, client: Any, script: _Script) -> None:
        """The load in the background: the decision (already committed by EVALSHA) is
        answered without waiting for it, within its own deadline."""
        running = self._loading.get(script.function)
        if self._functions is False or (running is not None and not running.done()
                                         and running.get_loop().is_running()):
            return  # one load at a time (a task of a stopped or closed loop never finishes)
        task = asyncio.get_running_loop().create_task(self._aload_function(client, script))
        self._loading[script.function] = task
        self._closing.add(task)  # a reference until it is done
        task.add_done_callback(self._closing.discard)

    # -- the server's settings (policy/storage/redis/serverconfig.py) ---------

    @property
    def server_config(self) -> ServerConfig | None:
        """The server's eviction and persistence settings, once the first call read them."""
        return self._config_check.config

    def watch_config(self, callback: Callable[[str, dict[str, bool]], None]) -> None:
        """Call ``callback(kind, risks)`` once the settings are read (at once if they are)."""
        self._config_check.watch(callback)

    async def _arun(self, script: _Script, keys: Sequence[str], args: Sequence[Any],
                    head: Sequence[bytes] | None = None) -> Any:
        try:
            client = self._async()

            async def evaluate() -> Any:
                try:
                    result = await client.evalsha(script.sha, len(keys), *keys, *args)
                except NoScriptError:
                    result = await client.eval(script.source, len(keys), *keys, *args)
                return result if head is None else [b"e", result]

            async def call() -> Any:
                if not self._use_function(script):
                    return await evaluate()
                try:
                    if head is None:
                        return await client.fcall(script.function, len(keys), *keys, *args)
                    return await client.fcall(script.function + CACHED_SUFFIX, len(keys),
                                              *keys, *head, packed(args))
                except ResponseError as exc:
                    if not self._function_missing(exc):
                        raise
                    result = await evaluate()
                    self._aload_later(client, script)
                    return result

            result = await asyncio.wait_for(call(), self._deadline)
        except StorageError:
            raise
        except Exception as exc:
            self._areset_after_failure()
            raise StorageError(f"{self.kind} storage failed: {type(exc).__name__}: {exc}") from exc
        if self._config_check.due():
            await self._config_check.aread(client, self._deadline)
        return result

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
        """The transition script of this rule set (assembled once per rule set)."""
        return self._transitions.get(rules)

    def _keys_of(self, sender: str) -> tuple[str, ...]:
        """``keys.sender(sender).state``, remembered for the last few thousand senders."""
        keys = self._state_keys.get(sender)
        if keys is None:
            keys = remember(self._state_keys, sender, self.keys.sender(sender).state)
        return keys

    def _args(self, inp: TransitionInput, now: float | None) -> list[bytes]:
        return encode_args(inp, now)

    def _result(self, inp: TransitionInput, raw: Any, lua: bool = False) -> TransitionResult:
        """The reply as a result (``lua``: say it was the Lua's, where the cache is on)."""
        result = decode_result(inp, raw, self.kind)
        return replace(result, via="lua") if lua and inp.features.report is None else result

    def transition(self, sender: str, inp: TransitionInput, now: float | None) -> TransitionResult:
        script = self._spec(inp.rules)
        entry, p, head = self._cached_call(sender, inp, now, script)
        if head is None:
            raw = self._run(script, self._keys_of(sender), self._args(inp, now))
            return self._result(inp, raw, self._cache is not None)
        sent_at = time.monotonic()
        try:
            raw = self._run(script, self._keys_of(sender), self._args(inp, now), head)
        except StorageError:
            self._cache.drop(sender)  # type: ignore[union-attr]
            raise
        return self._cached_result(sender, inp, now, raw, entry, p, head, sent_at)

    async def atransition(
        self, sender: str, inp: TransitionInput, now: float | None
    ) -> TransitionResult:
        script = self._spec(inp.rules)
        entry, p, head = self._cached_call(sender, inp, now, script)
        if head is None:
            raw = await self._arun(script, self._keys_of(sender), self._args(inp, now))
            return self._result(inp, raw, self._cache is not None)
        sent_at = time.monotonic()
        try:
            raw = await self._arun(script, self._keys_of(sender), self._args(inp, now), head)
        except StorageError:
            self._cache.drop(sender)  # type: ignore[union-attr]
            raise
        return self._cached_result(sender, inp, now, raw, entry, p, head, sent_at)

    # -- the state cache (statecache.py) ------------------------------------

    def _caching(self, script: _Script, inp: TransitionInput) -> bool:
        """Whether this send goes through the state cache: on, a Redis function, a send
        (a recipient's report runs the plain transition)."""
        return (self._cache is not None and inp.features.report is None
                and self._use_function(script) and cacheable(inp.rules))

    def _cached_call(self, sender: str, inp: TransitionInput, now: float | None,
                     script: _Script
                     ) -> tuple[CachedState | None, Plan | None, list[bytes] | None]:
        """The copy of ``sender``'s state, the decision worked out on it, and the header
        of the cached call (a miss's when there is no usable copy; None: the plain
        transition: no cache here, or no copy asked for, as ``StateCache.want_copy``
        says)."""
        cache = self._cache
        if cache is None or not self._caching(script, inp):
            return None, None, None
        entry = cache.get(sender)
        p = None
        if entry is not None:
            try:
                # a stale copy asks for another only while copies pay (no probe: it had one)
                p = plan(entry, inp, now, self._keep_ms, cache.quality >= 0.5)
            except Exception:  # the Lua transition decides (and says what is wrong)
                logger.debug("state cache: the copy was not used", exc_info=True)
                p = None
            if p is None:
                cache.unusable(sender, entry)
                entry = None
        if p is None:
            if not cache.want_copy():
                cache.plain += 1
                cache.drop(sender)
                return None, None, None
            return entry, None, miss_header(new_token(), self._keep_ms)
        return entry, p, p.header

    def _cached_result(self, sender: str, inp: TransitionInput, now: float | None, raw: Any,
                       entry: CachedState | None, p: Plan | None, head: list[bytes],
                       sent_at: float) -> TransitionResult:
        cache = self._cache
        assert cache is not None
        try:
            kind = bytes(raw[0])
            if kind == b"c" and p is not None and entry is not None:
                cache.hits += 1
                cache.used(True)
                cache.put(sender, committed(entry, p, sent_at))
                return replace(p.result, via="copy")
            if kind == b"f":
                cache.misses += 1
                if p is not None:
                    cache.used(False)
                result = replace(self._result(inp, raw[1]), via="stale" if p else "lua")
                # committed: from here on, never raise
                try:
                    copy = from_reply(raw, head[1], now is not None, result.now, sent_at)
                except Exception:  # hashes this cannot copy (a hand-written field): no copy
                    logger.debug("state cache: the hashes could not be copied", exc_info=True)
                    copy = None
                if copy is None:
                    cache.drop(sender)
                else:
                    cache.put(sender, copy)
                return result
            if kind == b"e":  # EVALSHA, or a stale copy that asked for none back
                if p is not None:
                    cache.used(False)
                    cache.plain += 1
                cache.drop(sender)
                return replace(self._result(inp, raw[1]), via="stale" if p else "lua")
        except StorageError:
            cache.drop(sender)
            raise
        except (TypeError, ValueError, IndexError, AttributeError, UnicodeDecodeError) as exc:
            cache.drop(sender)
            raise StorageError(f"{self.kind} storage answered nonsense: {exc}") from exc
        cache.drop(sender)
        raise StorageError(f"{self.kind} storage answered nonsense: {raw!r:.80}")

    def _forget_copy(self, sender: str) -> None:
        """This process's copy of ``sender``'s state is stale after its own write (the
        token it holds is gone from Redis anyway)."""
        if self._cache is not None:
            self._cache.drop(sender)

    def revoke_app(self, sender: str, app: str, seconds: float, now: float | None) -> None:
        self._forget_copy(sender)
        keys = self.keys.sender(sender)
        self._run(self._revoke, (keys.revoked, keys.slices),
                  (app.encode("utf-8", "surrogatepass"), _num(seconds),
                   b"" if now is None else _num(now)))

    def pass_challenge(self, sender: str, seconds: float, now: float | None) -> float:
        self._forget_copy(sender)
        raw = self._run(self._pass, (self.keys.sender(sender).slices,),
                        (_num(seconds), b"" if now is None else _num(now),
                         CHALLENGE_FIELD.encode()))
        with self._failures():
            return float(raw)

    def restore_app(self, sender: str, app: str) -> None:
        self._forget_copy(sender)
        keys = self.keys.sender(sender)
        self._run(self._restore, (keys.revoked, keys.slices),
                  (app.encode("utf-8", "surrogatepass"),))

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

    def drop_prefix(self) -> int:
        """Delete every key under this storage's key prefix (``SCAN``, one ``DEL`` per key:
        keys of many slots). Only for a throwaway prefix (``dm-policy tour``'s own)."""
        dropped = 0
        with self._failures():
            client = self._sync()
            for key in list(client.scan_iter(match=f"{self.keys.prefix}:*", count=500)):
                dropped += int(client.delete(key))
        return dropped

    def forget(self, sender: str) -> None:
        self._forget_copy(sender)
        apps = self._run(self._forget, self.keys.sender(sender).all, ())
        member = self.keys.member(sender)
        for app in apps or ():
            name = app.decode("utf-8", "surrogatepass") if isinstance(app, bytes) else str(app)
            with self._failures():
                self._sync().zrem(self.keys.app_signals(name), member)

    # -- operators: standing and audited actions (policy/operators.py) -------------

    def snapshot(self, sender: str, rules: tuple[Rule, ...], now: float | None
                 ) -> tuple[Any, float]:
        """The sender's state, read by one read-only script (no write), and its time."""
        raw = self._run(self._snapshot, self._keys_of(sender), (b"" if now is None else _num(now),))
        return self._decoded(raw, rules)

    async def asnapshot(self, sender: str, rules: tuple[Rule, ...], now: float | None
                        ) -> tuple[Any, float]:
        raw = await self._arun(self._snapshot, self._keys_of(sender),
                               (b"" if now is None else _num(now),))
        return self._decoded(raw, rules)

    def _decoded(self, raw: Any, rules: tuple[Rule, ...]) -> tuple[Any, float]:
        try:
            return decode_state(raw[1:], rules), float(raw[0])
        except (TypeError, ValueError, IndexError, AttributeError, UnicodeDecodeError) as exc:
            raise StorageError(f"{self.kind} storage answered nonsense: {exc}") from exc

    def amend(self, sender: str, compute: Callable[[Any, float], tuple[Change, dict[str, str]]],
              now: float | None, rules: tuple[Rule, ...] = ()) -> tuple[str, dict[str, str]]:
        """An audited action: read the state, work the change out (``compute``), write it
        with the audit entry in one script, provided the fields it rewrites did not change
        since the read (else read again). Nothing is written when any call fails."""
        keys = self.keys.sender(sender)
        streams = (self.keys.audit(sender),) if self._cluster else (
            self.keys.audit(sender), self.keys.audit_all())
        tail = [str(AUDIT_PER_USER).encode(), str(AUDIT_ALL).encode(),
                str(int(AUDIT_TTL * 1000)).encode()]
        for _ in range(_AMEND_TRIES):
            raw = self._run(self._snapshot, keys.state, (b"" if now is None else _num(now),))
            state, at = self._decoded(raw, rules)  # rules: their slices decoded too
            # quota, cooldown, revoked and slices: AMEND's keys 1 to 4 (the trace is raw[4])
            hashes = [_pairs(h) for h in (raw[1], raw[2], raw[3], raw[5])]
            change, fields = compute(state if state is not None else SenderState(), at)
            entry = [v.encode("utf-8", "surrogatepass") for pair in fields.items() for v in pair]
            if change.forget:
                return self._forget_audited(sender, tail, entry), fields
            args = _amend_ops(change, hashes, at)
            self._forget_copy(sender)
            got = self._run(self._amend, (keys.quota, keys.cooldown, keys.revoked, keys.slices,
                                          *streams),
                            (str(len(args) // 5).encode(), *args, *tail, *entry))
            if int(got[0]) == 0:
                continue  # a decision changed a field since the read: again
            entry_id = _text(got[1])
            if self._cluster:  # the deployment's stream is in another slot: a second call
                try:
                    self._run(self._append, (self.keys.audit_all(),), (*tail[1:], *entry))
                except StorageError as error:  # the action and the user's entry stand
                    logger.warning("audit: the deployment-wide stream missed %s (%s)",
                                   entry_id, error)
            return entry_id, fields
        raise StorageError(f"{self.kind}: the sender's state kept changing; nothing was done")

    def _forget_audited(self, sender: str, tail: list[bytes], entry: list[bytes]) -> str:
        """Delete the sender's keys and audit trail, and their entries in the deployment's
        stream: afterwards the sender's key is nowhere (the erasure's entry names no one).
        On a cluster the deployment's stream is a second call: if it fails, the call
        raises and must be retried (as ``forget`` must)."""
        self._forget_copy(sender)
        keys = self.keys.sender(sender)
        with_all = (self.keys.audit_all(),) if not self._cluster else ()
        user = sender.encode("utf-8", "surrogatepass")
        got = self._run(self._forget_script, (*keys.all, self.keys.audit(sender), *with_all),
                        (b"1" if with_all else b"0", user, *tail[1:], *entry))
        entry_id, apps = got[0], got[1]
        member = self.keys.member(sender)
        for app in apps or ():
            name = app.decode("utf-8", "surrogatepass") if isinstance(app, bytes) else str(app)
            with self._failures():
                self._sync().zrem(self.keys.app_signals(name), member)
        if not with_all:
            entry_id = self._run(self._erase_all, (self.keys.audit_all(),),
                                 (user, *tail[1:], *entry))
        return _text(entry_id)

    def audit_log(self, sender: str | None, since: float | None, limit: int,
                  now: float | None = None) -> list[tuple[str, dict[str, str]]]:
        """Audit entries, most recent first: ``sender``'s, or the deployment's (None)."""
        key = self.keys.audit_all() if sender is None else self.keys.audit(sender)
        with self._failures():
            rows = self._sync().xrevrange(key, "+", "-", count=limit)
        at = time.time() if now is None else now
        cutoff = max(at - AUDIT_TTL, since if since is not None else -1.0)
        out = []
        for entry_id, raw in rows:
            fields = {(k.decode() if isinstance(k, bytes) else k):
                      (v.decode("utf-8", "surrogatepass") if isinstance(v, bytes) else v)
                      for k, v in raw.items()}
            if float(fields["at"]) < cutoff:
                break
            out.append((entry_id.decode() if isinstance(entry_id, bytes) else entry_id, fields))
        return out

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
        loading = [t for t in self._closing if t.get_loop() is asyncio.get_running_loop()]
        if loading:  # a library load in the background: done before its connection goes
            await asyncio.gather(*loading, return_exceptions=True)
        client = self._aclients.pop(asyncio.get_running_loop(), None)
        if client is not None:
            await self._aclose_quietly(client)

    def __repr__(self) -> str:
        return f"RedisStorage({_redacted(self._uri)})"

