"""The Redis storage on a real redis-server (and a 3-master cluster): keys, TTLs,
hostile ids, slots, privacy, forget_user, NOSCRIPT, URI options, memory per sender."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from redis.crc import key_slot

from policy import (
    Decision,
    Engine,
    MemoryGraph,
    SendRequest,
    StorageError,
    Verdict,
    load_rules,
    parse_rules,
)
from policy.clock import VirtualClock
from policy.core import Features, TransitionInput
from policy.normalize import normalize
from policy.storage import open_storage
from policy.storage.redis import RedisStorage
from policy.storage.redis.keys import LAYOUT, KeySpace, safe_id
from tests import servers
from tests.conftest import DEFAULT_RULES, T0

pytestmark = pytest.mark.redis

HOSTILE = [
    "a{b}c", "{b}", "a{c}", "}{", "x:y", "x*y", "*", "with space", "ünïcödé", "名字",
    "emoji 🙂", "{", "}", "a" * 256, "tab\tid", "new\nline", "~", "dmp:{x}:q", "null\x00byte",
]
DRIVER_HOSTILE = [*HOSTILE, " ", "", "\udc80 lone surrogate"]


@pytest.fixture
def server(request: pytest.FixtureRequest) -> servers.RedisServer:
    return servers.session_redis(request.config)


@pytest.fixture
def raw(server: servers.RedisServer) -> Iterator[redis.Redis]:
    client = server.client()
    yield client
    client.close()


@pytest.fixture
def storage(server: servers.RedisServer) -> Iterator[RedisStorage]:
    made = RedisStorage.from_uri(server.url, key_prefix=servers.unique_prefix(), socket_timeout=5)
    yield made
    made.close()


def _keys(client: Any, prefix: str) -> list[bytes]:
    return sorted(client.scan_iter(match=f"{prefix}:*", count=1000))


def _state_keys(client: Any, prefix: str) -> list[bytes]:
    """The keys holding policy state: not a slices hash that holds only the state cache's
    token (``policy/storage/redis/statecache.py``: it lives a minute)."""
    return [k for k in _keys(client, prefix)
            if not (k.endswith(b":x") and client.hkeys(k) == [b"@"])]


def _busy_engine(storage: RedisStorage, graph: MemoryGraph, clock: VirtualClock) -> Engine:
    """An engine whose sender 'spammer' fills every concern: quota, trace, cooldown,
    a revoked app, an app signal."""
    engine = Engine(load_rules(DEFAULT_RULES), storage=storage, graph=graph, clock=clock)
    for i in range(8):
        graph.follow(f"friend{i}", "spammer")
    for i in range(6):
        engine.check(SendRequest("spammer", (f"friend{i}",),
                                 f"Claim your free prize {i} now at example dot com!"))
        clock.advance(10)
    engine.check(SendRequest("spammer", ("spammer",), "note to self", app="sketchy-app"))
    return engine


# -- keys, slots, TTLs ------------------------------------------------------------


def test_every_key_of_a_sender_shares_one_slot_and_has_a_bounded_ttl(
    storage: RedisStorage, raw: redis.Redis
) -> None:
    clock, graph = VirtualClock(T0), MemoryGraph()
    engine = _busy_engine(storage, graph, clock)
    sender = engine._keys.user("spammer")
    keys = _keys(raw, storage.keys.prefix)
    sender_keys = [k for k in keys if k.decode().startswith(
        (f"{storage.keys.prefix}:{LAYOUT}:{{{sender}}}", f"{storage.keys.prefix}:{{{sender}}}"))]
    names = {k.decode().rsplit(":", 1)[1] for k in sender_keys}
    assert names == {"q", "c", "r", "t", "x", "a"}
    assert len({key_slot(k) for k in sender_keys}) == 1
    # What each key needs at most (engine clock: the TTLs follow it exactly).
    rules = engine.rules
    quota = rules.get("daily_quota").params
    needs = {
        "q": quota.window + quota.bucket_seconds,
        "c": max(r.params.duration for r in rules.rules if r.kind == "cooldown"),
        "r": rules.get("apps").params.revocation_ttl,
        "t": rules.get("duplicates").params.window,
        # the slices of the strangers and contacts rules and of the reports rule (its counts
        # of strangers reached live as long as its window)
        "x": max(r.params.window for r in rules.rules
                 if r.kind in ("strangers", "contacts", "reports")),
        "a": 2 * rules.get("apps").params.signal_window,
        "s": rules.get("apps").params.signal_window,
    }
    for key in keys:
        kind = key.decode().rsplit(":", 1)[1]
        ttl_ms = raw.pttl(key)
        # A write from the state cache gives a key an eighth more (an hour at most), so
        # that the next writes need no PEXPIRE (policy/storage/redis/statecache.py)
        need_ms = needs[kind] * 1000
        assert 0 < ttl_ms <= need_ms + min(need_ms / 8, 3_600_000), (key, ttl_ms)
    assert len(keys) == 7  # the six of the sender and the app's signal set


def test_ttls_shrink_to_what_is_still_live(storage: RedisStorage, raw: redis.Redis) -> None:
    clock, graph = VirtualClock(T0), MemoryGraph()
    graph.follow("bob", "alice")
    engine = Engine(load_rules(DEFAULT_RULES), storage=storage, graph=graph, clock=clock)
    engine.check(SendRequest("alice", ("bob",), "a long enough text to be traced by the duplicates rule, surely"))
    keys = storage.keys.sender(engine._keys.user("alice"))
    # The trace lives for the window after its last use, the quota until its bucket drops.
    assert 6 * 3600 * 1000 - 10_000 < raw.pttl(keys.trace) <= 6 * 3600 * 1000
    bucket_end = (T0 // 900 + 1) * 900
    assert raw.pttl(keys.quota) <= (bucket_end + 86400 - T0) * 1000
    clock.advance(7 * 3600)  # the trace has expired: the next decision drops it
    engine.check(SendRequest("alice", ("bob",), "ok"))
    assert raw.exists(keys.trace) == 0


def test_hostile_ids_map_to_distinct_keys_end_to_end(
    storage: RedisStorage, raw: redis.Redis
) -> None:
    rules = parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "2/day"\n')
    clock, graph = VirtualClock(T0), MemoryGraph()
    engine = Engine(rules, storage=storage, graph=graph, clock=clock)
    for sender in HOSTILE:
        allowed = [engine.check(SendRequest(sender, ("bob",), "hi")).allowed for _ in range(3)]
        assert allowed == [True, True, False], sender  # each id has a quota of its own
    keys = _state_keys(raw, storage.keys.prefix)
    assert len(keys) == len(HOSTILE)
    tags = {k.decode().split("{", 1)[1].split("}", 1)[0] for k in keys}
    assert len(tags) == len(HOSTILE)
    for sender in HOSTILE:
        if len(sender) >= 3:
            assert sender.encode() not in b"".join(keys)


def test_hostile_ids_given_straight_to_the_driver(storage: RedisStorage, raw: redis.Redis) -> None:
    """Ids that did not go through the engine's hashing are made safe by the driver."""
    rule = parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "1/day"\n').rules
    inp = TransitionInput(rule, Features("app{x}", False, None, 0, ()), False)
    for sender in DRIVER_HOSTILE:
        assert storage.transition(sender, inp, T0).allowed, sender
        assert not storage.transition(sender, inp, T0).allowed, sender
    keys = _state_keys(raw, storage.keys.prefix)
    assert len(keys) == len(DRIVER_HOSTILE)
    for key in keys:
        text = key.decode()
        tag = text[text.index("{") + 1 : text.index("}")]
        assert tag == safe_id(tag) or tag.startswith("~")
        assert text.count("{") == 1 and text.count("}") == 1
    # Safe ids stay readable; others become "~" and a hash: never a collision between them.
    assert safe_id("abc") == "abc"
    assert safe_id("a{b}c").startswith("~") and safe_id("a{b}c") != safe_id("a{b}c ")
    assert safe_id("~" + safe_id("x y")[1:]) != safe_id("x y")


def test_key_prefix_cannot_break_the_hash_tag() -> None:
    with pytest.raises(ValueError, match="braces"):
        KeySpace("a{b}")
    with pytest.raises(ValueError, match="key_prefix"):
        RedisStorage.from_uri("redis://127.0.0.1:1/0", key_prefix="")


# -- privacy and forgetting ---------------------------------------------------------


def _everything(client: redis.Redis, prefix: str) -> bytes:
    """Every byte stored under ``prefix``: key names and values, whatever their type."""
    out = []
    for key in _keys(client, prefix):
        out.append(key)
        kind = client.type(key)
        if kind == b"hash":
            for field, value in client.hgetall(key).items():
                out += [field, value]
        elif kind == b"zset":
            out += [m for m, _ in client.zrange(key, 0, -1, withscores=True)]
        elif kind == b"set":
            out += sorted(client.smembers(key))
        else:
            out.append(client.dump(key) or b"")
    return b"\x00".join(out)


def test_no_message_text_and_no_raw_id_is_stored(storage: RedisStorage, raw: redis.Redis) -> None:
    clock, graph = VirtualClock(T0), MemoryGraph()
    _busy_engine(storage, graph, clock)
    stored = _everything(raw, storage.keys.prefix).lower()
    for text in ("Claim your free prize 3 now at example dot com!", "note to self"):
        for word in normalize(text).split() + text.lower().split():
            if len(word) >= 4:
                assert word.encode() not in stored, word
    for ident in ("spammer", "friend1", "sketchy-app"):
        assert ident.encode() not in stored


def test_forget_user_leaves_nothing(storage: RedisStorage, raw: redis.Redis) -> None:
    clock, graph = VirtualClock(T0), MemoryGraph()
    engine = _busy_engine(storage, graph, clock)
    graph.follow("friend0", "other")
    engine.check(SendRequest("other", ("other",), "me again", app="sketchy-app"))
    assert engine.app_report("sketchy-app")["users_with_self_messages"] == 2
    sender = engine._keys.user("spammer")
    engine.forget_user("spammer")
    left = _everything(raw, storage.keys.prefix)
    assert sender.encode() not in left
    assert engine.app_report("sketchy-app")["users_with_self_messages"] == 1
    other = engine._keys.user("other")
    engine.forget_user("other")
    # Only the deployment's audit trail is left: two erasures, naming no one.
    assert _keys(raw, storage.keys.prefix) == [storage.keys.audit_all().encode()]
    left = _everything(raw, storage.keys.prefix)
    assert sender.encode() not in left and other.encode() not in left
    assert [r.action for r in engine.audit()] == ["forget_user", "forget_user"]
    # And the user starts afresh: the revoked app may send again.
    decision = engine.check(SendRequest("spammer", ("friend0",), "hello", app="sketchy-app"))
    assert decision.allowed


# -- scripts, clocks, options -------------------------------------------------------


def test_a_flushed_script_cache_is_reloaded(storage: RedisStorage, raw: redis.Redis) -> None:
    rules = parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "3/day"\n')
    engine = Engine(rules, storage=storage, clock=VirtualClock(T0))
    assert engine.check(SendRequest("a", ("b",), "hi")).allowed
    script = storage._spec(tuple(r for r in rules.active if r.stateful))  # the rule set's
    assert script.function.encode() in [lib[1] for lib in raw.function_list()]
    # As after a restart without persistence, or a failover to a fresh replica: neither
    # the function library nor the script cache is there.
    raw.script_flush()
    raw.function_flush()
    assert engine.check(SendRequest("a", ("b",), "hi")).allowed  # EVALSHA, EVAL, loaded
    assert raw.script_exists(script.sha) == [True]
    assert script.function.encode() in [lib[1] for lib in raw.function_list()]
    decision = engine.check(SendRequest("a", ("b",), "hi"))
    assert decision.allowed and decision.quota is not None and decision.quota.remaining == 0
    assert not engine.check(SendRequest("a", ("b",), "hi")).allowed


def test_without_a_clock_the_servers_time_is_used(storage: RedisStorage, raw: redis.Redis) -> None:
    rules = parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "3/hour"\n')
    engine = Engine(rules, storage=storage)  # no clock: Redis TIME decides
    seconds, micros = raw.time()
    decision = engine.check(SendRequest("a", ("b",), "hi"))
    after_s, after_us = raw.time()
    assert seconds + micros / 1e6 <= decision.at <= after_s + after_us / 1e6
    assert decision.quota is not None and decision.quota.reset > decision.at


def test_uri_options_reach_the_connections(server: servers.RedisServer) -> None:
    storage = RedisStorage.from_uri(
        server.url + "?socket_timeout=0.75&socket_connect_timeout=0.3&max_connections=7"
        "&retries=2&key_prefix=custom&pool_timeout=0.2",
        max_connections=9,  # keyword arguments win over the URI
    )
    try:
        rules = parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "3/day"\n')
        inp = TransitionInput(rules.rules, Features(None, False, None, 0, ()), False)
        assert storage.transition("s", inp, T0).allowed
        pool = storage._sync().connection_pool
        assert pool.max_connections == 9
        assert pool.timeout == 0.2
        kwargs = pool.connection_kwargs
        assert kwargs["socket_timeout"] == 0.75
        assert kwargs["socket_connect_timeout"] == 0.3
        assert kwargs["retry"].get_retries() == 2
        assert storage.keys.prefix == "custom"
    finally:
        storage.forget("s")
        storage.close()


@pytest.mark.parametrize(
    ("uri", "options", "words"),
    [
        ("redis://127.0.0.1:1/0?colour=blue", {}, "unknown storage option 'colour'"),
        ("redis://127.0.0.1:1/0", {"socket_timeout": "soon"}, "socket_timeout: invalid"),
        ("redis://127.0.0.1:1/0?socket_timeout=0", {}, "positive"),
        ("redis://127.0.0.1:1/0", {"max_connections": 0}, "at least 1"),
        ("redis://127.0.0.1:1/0", {"retries": -1}, "0 or more"),
        ("redis+cluster://", {}, "no cluster node"),
        ("redis+cluster://h:port", {}, "bad cluster node"),
        ("redis+cluster://h:7000/2", {}, "only database 0"),
        ("redis+cluster://h:7000", {"db": 1}, "only database 0"),
    ],
)
def test_bad_options_are_clear_errors(uri: str, options: dict[str, Any], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        open_storage(uri, **options)


def test_unix_sockets_and_passwords() -> None:
    sock = f"/tmp/dmp-{servers.unique_prefix()}.sock"  # short: socket paths are limited
    args = ("--unixsocket", sock, "--unixsocketperm", "700", "--requirepass", "s3cret")
    rules = parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "1/day"\n')
    request = SendRequest("a", ("b",), "hi")
    with servers.private_redis(args) as server:
        for uri in (f"unix://:s3cret@{sock}?db=3", f"redis://:s3cret@127.0.0.1:{server.port}/3"):
            engine = Engine(rules, storage=uri, clock=VirtualClock(T0), on_error="fail_closed",
                            storage_options={"key_prefix": servers.unique_prefix()})
            assert engine.check(request).degraded is None
            assert engine.check(request).code == "quota_exceeded"
            engine.close()
        client = server.client(db=3)
        # both engines wrote to database 3 (a quota, and the state cache's token)
        assert len([k for k in client.scan_iter() if k.endswith(b":q")]) == 2
        client.close()
        wrong = Engine(rules, storage=f"redis://:nope@127.0.0.1:{server.port}/0",
                       on_error="fail_closed")
        assert wrong.check(request).code == "storage_unavailable"  # not an AuthenticationError
        wrong.close()


def test_cluster_uris_name_every_node_and_hide_the_password() -> None:
    storage = RedisStorage.from_uri("redis+cluster://:s3cret@10.0.0.1:7000,10.0.0.2:7001")
    assert storage._nodes == [("10.0.0.1", 7000), ("10.0.0.2", 7001)]
    assert storage._cluster_credentials() == {"password": "s3cret"}
    assert "s3cret" not in repr(storage)
    assert storage.kind == "redis-cluster"


async def _atransition_then_close(storage: RedisStorage, inp: TransitionInput) -> None:
    try:
        await storage.atransition("s", inp, None)
    finally:
        await storage.aclose()


def test_an_unreachable_server_is_a_storage_error_never_a_redis_one() -> None:
    port = servers.free_port()
    storage = RedisStorage.from_uri(f"redis://127.0.0.1:{port}/0", socket_connect_timeout=0.2)
    rules = parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "3/day"\n')
    inp = TransitionInput(rules.rules, Features(None, False, None, 0, ()), False)
    calls = [
        lambda: storage.transition("s", inp, None),
        lambda: asyncio.run(_atransition_then_close(storage, inp)),
        lambda: storage.revoke_app("s", "a", 10.0, None),
        lambda: storage.restore_app("s", "a"),
        lambda: storage.record_app_signal("a", "s", 10.0, None),
        lambda: storage.app_signal_count("a", 10.0, None),
        lambda: storage.forget("s"),
    ]
    for call in calls:
        with pytest.raises(StorageError):
            call()
    engine = Engine(rules, storage=storage, on_error="fail_open")
    decision = engine.check(SendRequest("a", ("b",), "hi"))
    assert decision.allowed and decision.degraded == "fail_open"
    storage.close()


def test_acheck_works_across_event_loops(storage: RedisStorage) -> None:
    rules = parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "3/day"\n')
    engine = Engine(rules, storage=storage, clock=VirtualClock(T0))
    request = SendRequest("a", ("b",), "hi")

    async def acheck() -> Decision:
        try:
            return await engine.acheck(request)
        finally:
            await storage.aclose()

    first = asyncio.run(acheck())
    second = asyncio.run(acheck())  # a new loop: a client of its own
    assert (first.quota.remaining, second.quota.remaining) == (2, 1)  # type: ignore[union-attr]
    assert engine.check(request).quota.remaining == 0  # type: ignore[union-attr]
    assert asyncio.run(acheck()).verdict is Verdict.THROTTLE


# -- memory per sender ---------------------------------------------------------------

WORDS = ("meet lunch project deadline invoice travel garden concert ticket weather coffee "
         "report budget photo family weekend review schedule dinner movie kitchen window "
         "bicycle library museum harbour station ladder pencil blanket cabinet mirror tulip "
         "violin saddle rocket cactus lantern meadow glacier oyster walnut falcon pepper "
         "compass orchard canyon marble ribbon velvet timber quartz button helmet").split()


def _heavy_sender(storage: RedisStorage, sends: int) -> tuple[Engine, str, VirtualClock]:
    rng = random.Random(7)
    clock, graph = VirtualClock(T0), MemoryGraph()
    # As many recipients as the strangers rule lets one reach (its record full too).
    recipients = [f"r{i}" for i in range(load_rules(DEFAULT_RULES).get("strangers").params.limit)]
    for r in recipients:
        graph.follow(r, "heavy")
    engine = Engine(load_rules(DEFAULT_RULES), storage=storage, graph=graph, clock=clock)
    links = load_rules(DEFAULT_RULES).get("links_to_strangers").params.limit
    for n in range(sends):
        clock.advance(86.0)  # 1,000 sends spread over a day: every bucket in use
        text = " ".join(rng.sample(WORDS, 8))  # distinct texts, all traced: the trace fills up
        # (one fewer than the links rule admits, in 2 messages: once it is full, or once
        # ways back went in 3 messages, strangers_daily holds every new stranger, and the
        # strangers records could not fill)
        if n < links - 1:  # a number in the first few: the contacts and links records hold some
            # (in words of their own: a trace compares later texts with a contact's at
            # its contact_similarity, and 8 of these 20 words often share a quarter)
            text = f"parcel {n} held at the depot, call 0800 555 {n:04d} to rebook it"
            if n == 0:  # to a group of the first 2 of them
                engine.check(SendRequest("heavy", tuple(recipients[:links - 2]), text))
            elif n == links - 2:
                engine.check(SendRequest("heavy", (recipients[n],), text))
            continue
        if n < links - 1 + 4:  # texts too short to trace to 4 more: short_to_strangers' record
            engine.check(SendRequest("heavy", (recipients[n],), "hi"))
            continue
        engine.check(SendRequest("heavy", (rng.choice(recipients),), text))
    return engine, engine._keys.user("heavy"), clock


def _trace_size(blob: bytes) -> int:
    """Clusters in a trace field (layout in transition.lua): the header, fixed-width
    records, then the units, n x 8 bytes per record."""
    assert blob[:1] == b"!"
    lw, sw, count = blob[1] - 48, blob[2] - 48, int(blob[3:6])
    size = lw + sw + 2 + 32
    records = blob[6 : 6 + count * size]
    units = sum(int.from_bytes(records[i * size + lw + sw : i * size + lw + sw + 2], "big")
                for i in range(count))
    assert len(blob) == 6 + count * size + 8 * units
    return count


def test_memory_per_sender_after_1000_sends_is_bounded(
    storage: RedisStorage, raw: redis.Redis
) -> None:
    engine, sender, clock = _heavy_sender(storage, 1000)
    keys = storage.keys.sender(sender)
    # The state is full: every bucket of the day in use, every trace slot taken.
    assert raw.hget(keys.quota, "daily_quota").count(b",") + 1 >= 96
    max_texts = load_rules(DEFAULT_RULES).get("duplicates").params.max_texts
    assert _trace_size(raw.hget(keys.trace, "duplicates")) == max_texts
    used = storage.sender_memory(sender)
    print(f"\nredis: {used} bytes for one sender after 1,000 sends (MEMORY USAGE, all its keys)")
    # The state cache's token (8 bytes in the slices hash) costs 48 B of it: the state
    # itself (96 quota buckets, 10 traced texts, the strangers and contacts records, 3 ways
    # back at most beside 12 strangers: strangers_daily's lower limit; short_to_strangers'
    # record full too) is at most 3 KB, the adaptive-spam issue's target, and so is
    # everything with the token: 2,336 B and 2,384 B since layout 4 wrote times as 8
    # bytes (2,752 B and 2,800 B before; 3,176 B before `strangers` read strangers_daily's
    # record instead of keeping its own: record_of).
    assert raw.hget(keys.slices, "short_to_strangers") is not None
    assert raw.hget(keys.slices, "strangers") is None
    token = raw.hget(keys.slices, "@")
    assert token is not None and len(token) == 8
    raw.hdel(keys.slices, "@")
    state = storage.sender_memory(sender)
    print(f"redis: {state} bytes without the state cache's token")
    assert 0 < state <= 3 * 1024 and used <= state + 48 and used <= 3 * 1024
    clock.advance(3600.0)  # the oldest buckets drop out: room for a few more sends
    for i in range(5):  # one text to 5 recipients: the duplicates rule starts a cooldown
        engine.check(SendRequest("heavy", (f"r{i}",),
                                 "one and the same long text sent to many people, again"))
    assert raw.exists(keys.cooldown)
    limits_state = sum(int(raw.memory_usage(key, samples=0) or 0)
                       for key in (keys.quota, keys.cooldown))
    print(f"redis: {limits_state} bytes of quota (96 buckets) + cooldown state")
    assert 0 < limits_state <= 1024
    for _ in range(500):  # more volume, same bound: nothing grows per message
        engine.check(SendRequest("heavy", ("r1",), "more of the same text, again and again"))
    assert storage.sender_memory(sender) < 16_384


def test_the_fullest_sender_is_under_3_kb_with_the_production_hash_encoding(
    storage: RedisStorage, raw: redis.Redis
) -> None:
    """docs/storage.md's production setting, hash-max-listpack-value 1024, keeps a
    sender's hash fields compact: every record full, the state cache's token included,
    under the adaptive-spam issue's 3 KB (less than with Redis's default, above)."""
    before = raw.config_get("hash-max-listpack-value")["hash-max-listpack-value"]
    raw.config_set("hash-max-listpack-value", 1024)
    try:
        _engine, sender, _clock = _heavy_sender(storage, 1000)
        keys = storage.keys.sender(sender)
        assert raw.hget(keys.slices, "short_to_strangers") is not None
        assert raw.hget(keys.slices, "@") is not None
        used = storage.sender_memory(sender)
        print(f"\nredis: {used} bytes with hash-max-listpack-value 1024, everything included")
        assert 0 < used <= 3 * 1024
    finally:
        raw.config_set("hash-max-listpack-value", before)


def _follow_back_sender(storage: RedisStorage) -> str:
    """A sender that also follows 30 people who never wrote to it and writes to them:
    `fanout`'s record full (30), `links_to_followed`'s holding 14 ways back, `mass_copies`'
    trace, beside the strangers records (the fullest state the default rules keep)."""
    rng = random.Random(7)
    clock, graph = VirtualClock(T0), MemoryGraph()
    rules = load_rules(DEFAULT_RULES)
    strangers = [f"r{i}" for i in range(rules.get("strangers").params.limit)]
    followed = [f"f{i}" for i in range(rules.get("fanout").params.limit)]
    for person in strangers + followed:
        graph.follow(person, "heavy")
    for person in followed:
        graph.follow("heavy", person)
    engine = Engine(rules, storage=storage, graph=graph, clock=clock)
    for n in range(1000):
        clock.advance(86.0)
        text = " ".join(rng.sample(WORDS, 8))
        way_back = f"parcel {n} held at the depot, call 0800 555 {n:04d} to rebook it"
        if n < 3:  # ways back to 3 strangers (the 4th would arm strangers_daily's limit)
            engine.check(SendRequest("heavy", (strangers[n],), way_back))
        elif n < 17:  # ... and to 14 people it follows (links_to_followed admits 15)
            engine.check(SendRequest("heavy", (followed[n],), way_back))
        elif n < 21:
            engine.check(SendRequest("heavy", (strangers[n - 14],), "hi"))
        elif n < 60:  # every one it follows written to
            engine.check(SendRequest("heavy", (followed[n % len(followed)],), text))
        else:
            engine.check(SendRequest("heavy", (rng.choice(strangers + followed),), text))
    return engine._keys.user("heavy")


def test_a_follow_back_sender_s_state_is_bounded(
    storage: RedisStorage, raw: redis.Redis
) -> None:
    """The fullest state: 3,248 B with Redis's default hash encoding (over the 3 KB target:
    4,112 B before layout 4 wrote times as 8 bytes), under it with the production setting
    hash-max-listpack-value 1024 (2,760 B; 3,400 B before)."""
    sender = _follow_back_sender(storage)
    keys = storage.keys.sender(sender)
    fanout = raw.hget(keys.slices, "fanout")
    assert fanout is not None and len(fanout) == 8 + 30 * 16  # full: 30 people
    assert len(raw.hget(keys.slices, "links_to_followed")) == 8 + 14 * 16
    used = storage.sender_memory(sender)
    print(f"\nredis: {used} bytes for a follow-back sender, everything included")
    assert 0 < used <= 3_400
    before = raw.config_get("hash-max-listpack-value")["hash-max-listpack-value"]
    raw.config_set("hash-max-listpack-value", 1024)
    try:
        raw.flushdb()
        sender = _follow_back_sender(storage)
        used = storage.sender_memory(sender)
        print(f"redis: {used} bytes with hash-max-listpack-value 1024")
        assert 0 < used <= 3 * 1024
    finally:
        raw.config_set("hash-max-listpack-value", before)


def test_trace_keeps_each_cluster_once_when_a_middle_one_is_matched(
    storage: RedisStorage, raw: redis.Redis
) -> None:
    # The script copies unchanged neighbours of the stored trace as one substring: the
    # matched cluster between them must not be copied along with them.
    clock, graph = VirtualClock(T0), MemoryGraph()
    for r in ("r0", "r1", "r2", "r9"):
        graph.follow(r, "mid")
    engine = Engine(load_rules(DEFAULT_RULES), storage=storage, graph=graph, clock=clock)
    texts = ["invoice budget report deadline review schedule project",
             "garden concert ticket weather coffee dinner movie family",
             "travel photo weekend lunch meet garden review budget x"]
    for i, text in enumerate(texts):
        clock.advance(10.0)
        assert engine.check(SendRequest("mid", (f"r{i}",), text)).verdict is Verdict.ALLOW
    sender = engine._keys.user("mid")
    trace_key = storage.keys.sender(sender).trace
    assert _trace_size(raw.hget(trace_key, "duplicates")) == 3
    clock.advance(10.0)  # the middle text again, to a new recipient
    engine.check(SendRequest("mid", ("r9",), texts[1]))
    assert _trace_size(raw.hget(trace_key, "duplicates")) == 3


def test_a_contacts_cluster_is_marked_so_that_an_older_release_reads_it_as_before(
    storage: RedisStorage, raw: redis.Redis
) -> None:
    """Cluster.contact is a '+' before the record's seq: the previous release (and any
    reader with int() or Lua's tonumber) reads the same seq, and a mixed fleet during a
    rolling deploy never misreads a trace (no layout change, no quota reset)."""
    clock, graph = VirtualClock(T0), MemoryGraph()
    for r in ("r0", "r1"):
        graph.follow(r, "mark")
    engine = Engine(load_rules(DEFAULT_RULES), storage=storage, graph=graph, clock=clock)
    assert engine.check(SendRequest("mark", ("r0",), "invoice budget report deadline review "
                                    "schedule project lunch")).allowed
    clock.advance(10.0)
    assert engine.check(SendRequest("mark", ("r1",), "garden concert tickets on sale now, "
                                    "call 0800 555 0199 today")).allowed
    blob = raw.hget(storage.keys.sender(engine._keys.user("mark")).trace, "duplicates")
    lw, sw = blob[1] - 48, blob[2] - 48
    size = lw + sw + 2 + 32
    seqs = [blob[6 + i * size + lw: 6 + i * size + lw + sw] for i in range(_trace_size(blob))]
    assert [b"+" in seq for seq in seqs] == [True, False]  # most recent first
    assert sorted(int(seq) for seq in seqs) == [0, 1]  # what a reader without the mark reads
    state, _ = storage.snapshot(engine._keys.user("mark"), engine.rules.active, clock())
    assert [c.contact for c in state.traces["duplicates"]] == [True, False]


# -- the cluster -----------------------------------------------------------------------


@pytest.mark.cluster
def test_cluster_keeps_each_senders_keys_in_one_slot_and_forgets_them(
    request: pytest.FixtureRequest,
) -> None:
    cluster = servers.session_cluster(request.config)
    prefix = servers.unique_prefix()
    storage = RedisStorage.from_uri(cluster.url, key_prefix=prefix, socket_timeout=5)
    client = cluster.client()
    try:
        clock, graph = VirtualClock(T0), MemoryGraph()
        engine = Engine(load_rules(DEFAULT_RULES), storage=storage, graph=graph, clock=clock)
        for sender in HOSTILE[:10]:
            graph.follow("bob", sender)
            assert engine.check(SendRequest(sender, ("bob",), "a text long enough to trace")).allowed
            engine.check(SendRequest(sender, (sender,), "self", app="app{1}"))
        keys = list(client.scan_iter(match=f"{prefix}:*", count=1000, target_nodes="all"))
        by_tag: dict[str, set[int]] = {}
        for key in keys:
            text = key.decode()
            by_tag.setdefault(text[text.index("{") : text.index("}") + 1], set()).add(key_slot(key))
        assert len(by_tag) == 11  # ten senders and the app
        assert all(len(slots) == 1 for slots in by_tag.values())
        assert len({s for slots in by_tag.values() for s in slots}) > 1  # spread over nodes
        assert engine.app_report("app{1}")["users_with_self_messages"] == 10
        engine.revoke_app(user=HOSTILE[0], app="x", actor="ops", reason="an audited action")
        for sender in HOSTILE[:10]:
            engine.forget_user(sender)
        # Only the deployment's audit trail is left: the erasures, naming no one.
        left = list(client.scan_iter(match=f"{prefix}:*", target_nodes="all"))
        assert left == [storage.keys.audit_all().encode()]
        entries = client.xrange(left[0])
        assert [e[b"action"] for _, e in entries] == [b"forget_user"] * 10
        assert {e[b"user"] for _, e in entries} == {b""}
    finally:
        client.close()
        storage.close()


def test_rules_are_encoded_once_per_rule_set(
    storage: RedisStorage, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    import policy.storage.redis.script as driver

    calls: list[int] = []
    real = driver._encode_rules
    monkeypatch.setattr(driver, "_encode_rules", lambda rules: calls.append(1) or real(rules))
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "100/day"\n')
    engine = Engine.from_file(rules_file, storage=storage, clock=VirtualClock(T0))
    for _ in range(20):
        assert engine.check(SendRequest("a", ("b",), "hi")).allowed
    assert len(calls) == 1
    rules_file.write_text('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "21/day"\n')
    engine.reload(rules_file)
    assert engine.check(SendRequest("a", ("b",), "hi")).allowed  # the 21st, under the new rules
    assert not engine.check(SendRequest("a", ("b",), "hi")).allowed
    assert len(calls) == 2


def test_special_numbers_load_in_a_function_library_and_read_back_exactly(
    raw: redis.Redis,
) -> None:
    """-0.0, the infinities and NaN in the rules table: a library's load may read no
    global (``math.huge`` made FUNCTION LOAD fail, and every decision fall back to
    EVALSHA), and each must read back as itself."""
    import math

    from policy.lua import lua_num

    values = [-0.0, math.inf, -math.inf, math.nan, 0.0, 2.5]
    body = "local V = {" + ", ".join(lua_num(v) for v in values) + "}\n"
    show = ("local out = {} for i, v in ipairs(V) do "
            "out[i] = string.format('%.17g', v) .. (1 / v < 0 and '-' or '+') end "
            "return out")
    raw.function_load(f"#!lua name=dmp_numbers\n{body}redis.register_function("
                      f"'dmp_numbers', function() {show} end)", replace=True)
    got = [x.decode() for x in raw.fcall("dmp_numbers", 0)]
    raw.function_delete("dmp_numbers")
    assert got[0].endswith("-") and float(got[0][:-1]) == 0.0  # -0.0, its sign kept
    assert got[1][:-1] == "inf" and got[2][:-1] == "-inf"
    assert "nan" in got[3]
    assert got[4] == "0+" and float(got[5][:-1]) == 2.5


class _Counting:
    """A fakeredis client (sync or async) that counts FCALL, EVALSHA and FUNCTION LOAD,
    and whose loads fail (``fail``) or take ``delay`` seconds."""

    def __init__(self, client: Any, fail: list[Exception] | None = None,
                 delay: float = 0.0) -> None:
        self._client, self.fail, self.delay = client, list(fail or ()), delay
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._client, name)
        if name in ("fcall", "evalsha"):
            def counted(*args: Any, **kwargs: Any) -> Any:
                self.calls.append(name)
                return attr(*args, **kwargs)
            return counted
        if name == "function_load":
            def load(*args: Any, **kwargs: Any) -> Any:
                self.calls.append("load")
                if self.fail:
                    raise self.fail.pop(0)
                if self.delay:
                    async def slow() -> Any:
                        await asyncio.sleep(self.delay)
                        return await attr(*args, **kwargs)
                    return slow()
                return attr(*args, **kwargs)
            return load
        return attr


def test_a_load_that_fails_for_a_passing_reason_is_tried_again_later() -> None:
    """A read-only replica or a node down during FUNCTION LOAD: EVALSHA for a while (no
    FCALL that would miss, no load at every decision), then the next miss loads it; only
    a denied or broken load turns functions off for good."""
    import fakeredis
    from redis.exceptions import ReadOnlyError

    client = _Counting(fakeredis.FakeRedis(), fail=[ReadOnlyError("You can't write against "
                                                                  "a read only replica.")])
    storage = RedisStorage("redis://fake", client=client)
    engine = Engine(parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "50/day"\n'),
                    storage=storage, clock=VirtualClock(T0))
    for _ in range(3):
        assert engine.check(SendRequest("a", ("b",), "hi")).degraded is None
    assert client.calls == ["fcall", "evalsha", "load", "evalsha", "evalsha"]
    assert storage._functions is not False
    storage._functions_paused_until = 0.0  # the pause is over
    client.calls.clear()
    for _ in range(3):
        assert engine.check(SendRequest("a", ("b",), "hi")).degraded is None
    assert client.calls == ["fcall", "evalsha", "load", "fcall", "fcall"]


def test_an_async_decision_does_not_wait_for_a_slow_library_load() -> None:
    """The load after a miss runs in the background: the decision, already committed by
    EVALSHA, is answered within its deadline (it was lost, answered locally, when the
    load ran inside it)."""
    import fakeredis

    server = fakeredis.FakeServer()
    aclient = _Counting(fakeredis.FakeAsyncRedis(server=server), delay=2.0)
    storage = RedisStorage("redis://fake", client=fakeredis.FakeRedis(server=server),
                           aclient_factory=lambda: aclient, options={"socket_timeout": 0.5})
    engine = Engine(parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "50/day"\n'),
                    storage=storage, clock=VirtualClock(T0))

    async def scenario() -> list[Any]:
        out = [await engine.acheck(SendRequest("a", ("b",), "hi")) for _ in range(2)]
        await storage.aclose()  # waits for the load
        return out

    decisions = asyncio.run(scenario())
    assert all(d.allowed and d.degraded is None for d in decisions)
    assert aclient.calls[:3] == ["fcall", "evalsha", "load"]
    assert storage._functions is not False


def test_a_load_left_on_a_stopped_event_loop_does_not_block_other_loops() -> None:
    """A load scheduled on an event loop that then stopped (not closed: its task never
    runs again) must not keep every other loop from loading the library: each of their
    decisions would stay on EVALSHA."""
    import fakeredis

    server = fakeredis.FakeServer()
    calls: list[str] = []

    def factory() -> Any:
        client = _Counting(fakeredis.FakeAsyncRedis(server=server), delay=60.0)
        client.calls = calls
        return client

    storage = RedisStorage("redis://fake", client=fakeredis.FakeRedis(server=server),
                           aclient_factory=factory, options={"socket_timeout": 0.5})
    engine = Engine(parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "50/day"\n'),
                    storage=storage, clock=VirtualClock(T0))
    first = asyncio.new_event_loop()
    try:
        assert first.run_until_complete(engine.acheck(SendRequest("a", ("b",), "hi"))).allowed
        assert calls == ["fcall", "evalsha", "load"]  # the load waits on the stopped loop

        async def elsewhere() -> Any:
            return await engine.acheck(SendRequest("a", ("b",), "hi"))

        assert asyncio.run(elsewhere()).allowed
        assert calls.count("load") == 2, calls  # a new load, on the running loop
    finally:
        for task in asyncio.all_tasks(first):
            task.cancel()
        first.run_until_complete(asyncio.sleep(0))
        first.close()
