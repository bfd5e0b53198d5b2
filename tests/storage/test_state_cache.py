"""The Redis driver's state cache (``policy/storage/redis/statecache.py``).

A process decides in Python on its copy of a sender's hashes and sends only the
changes, checked against the sender's token in one call; any other write makes the
copy stale, and then the Lua transition decides. The oracle is memory://: the same
sends, through several storages sharing one Redis (cache on, cache off), with
operators' actions, revocations, challenges and forgetting in between, give the same
decisions, bit for bit. The rest: most decisions of a steady sender are served from
the copy, every key keeps a TTL, the encoders write what the Lua writes, a process
clock that drifted from Redis's, a key about to expire, and a copy's age bound.
"""

from __future__ import annotations

import random
import time
from typing import Any

import pytest

from policy import Engine, MemoryGraph, SendRequest, load_rules, parse_rules
from policy.checks.base import TIME_WIDTH, read_time
from policy.clock import VirtualClock
from policy.core import Features, TransitionInput
from policy.state import SenderState
from policy.storage.redis import RedisStorage
from policy.storage.redis.snapshot import decode_hashes
from policy.storage.redis.statecache import TOKEN, encode_hashes
from tests import servers
from tests.conftest import DEFAULT_RULES, T0
from tests.storage.test_storage_parity import (
    PEOPLE,
    RULES,
    SENDERS,
    UnsweptMemory,
    _request,
    _step,
)

PEOPLE_FOLLOWING = 0.9


def _storages(request: pytest.FixtureRequest, own_prefix: bool) -> Any:
    """A maker of storages on one Redis (fakeredis or a real server): all under one key
    prefix (processes of one deployment), or each under its own (``own_prefix``)."""
    prefix = servers.unique_prefix()
    made: list[RedisStorage] = []
    if request.param == "fakeredis":
        fakeredis = pytest.importorskip("fakeredis")
        server = fakeredis.FakeServer()
        uri, client_options = "redis://fakeredis/0", lambda: {
            "client": fakeredis.FakeRedis(server=server),
            "aclient_factory": lambda: fakeredis.FakeAsyncRedis(server=server)}
    else:
        real = servers.session_redis(request.config)
        uri, client_options = real.url, lambda: {"socket_timeout": 5}

    def make(**options: Any) -> RedisStorage:
        storage = RedisStorage.from_uri(
            uri, key_prefix=servers.unique_prefix() if own_prefix else prefix,
            **client_options(), **options)
        made.append(storage)
        return storage

    yield make
    for storage in made:
        storage.close()


@pytest.fixture(params=["fakeredis", "redis"])
def shared(request: pytest.FixtureRequest) -> Any:
    """A maker of storages that share one Redis and one key prefix (processes of one
    deployment): ``make(state_cache=N)``."""
    yield from _storages(request, own_prefix=False)


def _warm(engine: Engine) -> None:
    """One decision of a throwaway sender: a server without the rule set's library runs
    the first one as EVAL (and loads it), which the copies do not go through."""
    engine.check(SendRequest("warm-up", ("warm-up",), "a note"))


def _graph(rng: random.Random) -> MemoryGraph:
    graph = MemoryGraph()
    for person in PEOPLE:
        for sender in SENDERS:
            if rng.random() < PEOPLE_FOLLOWING:
                graph.follow(person, sender)
            if rng.random() < 0.25:
                graph.follow(sender, person)
    return graph


@pytest.mark.parametrize("seed", range(3))
def test_processes_sharing_redis_decide_as_memory(shared: Any, seed: int) -> None:
    """Three processes (two with the cache, one without) take turns at random on the
    same senders, with reports, revocations, restores, challenges, operators' actions
    and forgetting in between: every decision is memory://'s."""
    rng = random.Random(4000 + seed)
    clock = VirtualClock(T0 + (rng.random() if seed % 2 else 0))
    graph = _graph(rng)
    ruleset = parse_rules(RULES, file="<cache>")
    reference = Engine(ruleset, storage=UnsweptMemory(), graph=graph, clock=clock)
    storages = [shared(), shared(), shared(state_cache=0)]
    engines = [Engine(ruleset, storage=s, graph=graph, clock=clock) for s in storages]
    for step in range(300):
        clock.advance(_step(rng, seed % 2 == 0))
        request = _request(rng)
        # mostly the same process, as behind a router by sender; sometimes another
        engine = engines[0] if rng.random() < 0.7 else rng.choice(engines)
        assert engine.check(request) == reference.check(request), f"seed {seed}, step {step}"
        roll = rng.random()
        other = rng.choice(engines)
        user = rng.choice(SENDERS)
        app = rng.choice(["app-one", "app:{two}"])
        if roll < 0.03:
            for e in (reference, other):
                e.revoke_app(user=user, app=app)
        elif roll < 0.05:
            for e in (reference, other):
                e.restore_app(user=user, app=app)
        elif roll < 0.06:
            for e in (reference, other):
                e.forget_user(user)
        elif roll < 0.08:
            for e in (reference, other):
                e.lift_cooldown(user, actor="ops", reason="test")
        elif roll < 0.10:
            for e in (reference, other):
                e.reset_quota(user, actor="ops", reason="test")
        elif roll < 0.18:
            reporter = rng.choice(PEOPLE)
            kind = rng.choice(["spam", "block"])
            assert other.report(reporter=reporter, sender=user, kind=kind) == \
                reference.report(reporter=reporter, sender=user, kind=kind)
    hits = sum(s._cache.hits for s in storages if s._cache is not None)
    assert hits > 100, "the copies were hardly used: the test proves nothing"
    for e in engines:
        e.close()


def test_a_copy_holds_what_its_hashes_decode_to(shared: Any) -> None:
    """A copy keeps the decoded state beside the hashes (so a decision decodes nothing):
    after every decision it is what decoding the hashes gives."""
    storage = shared()
    rng = random.Random(5)
    clock = VirtualClock(T0)
    graph = _graph(rng)
    ruleset = parse_rules(RULES, file="<cache>")
    engine = Engine(ruleset, storage=storage, graph=graph, clock=clock)
    cache = storage._cache
    assert cache is not None
    checked = 0
    for step in range(300):
        clock.advance(_step(rng, step % 2 == 0))
        request = _request(rng)
        engine.check(request)
        entry = cache.get(engine._keys.user(request.sender))
        if entry is None or entry.state is None or entry.rules is None:
            continue
        decoded = decode_hashes(entry.hashes, entry.rules) or SenderState()
        decoded.expires_at = entry.state.expires_at  # not kept in Redis
        assert entry.state == decoded, f"step {step}"
        checked += 1
    assert checked > 150
    engine.close()


def test_a_steady_sender_is_decided_from_the_copy(shared: Any) -> None:
    """One process, one sender writing on: after the first decision every one is served
    from the copy (a few writes in Redis), the reports and the others' writes aside."""
    storage = shared()
    clock, graph = VirtualClock(T0), MemoryGraph()
    for i in range(30):
        graph.follow(f"f{i}", "alice")
    engine = Engine(load_rules(DEFAULT_RULES), storage=storage, graph=graph, clock=clock)
    rng = random.Random(1)
    words = "apple bread chair delta eagle flute grape house igloo jelly kite lemon".split()
    for i in range(200):
        clock.advance(30)
        engine.check(SendRequest("alice", (f"f{i % 30}",), " ".join(rng.sample(words, 8))))
    assert storage._cache is not None
    # (a send refused before the stateful rules never reaches the storage)
    assert storage._cache.misses == 1 and storage._cache.hits >= 190
    engine.close()


def test_every_key_keeps_a_ttl(shared: Any) -> None:
    """Writes from the copy give each key a TTL (never shorter than it had), as the Lua
    does: no key of a sender ever lives forever."""
    storage = shared()
    rng = random.Random(2)
    clock = VirtualClock(T0)
    graph = _graph(rng)
    engine = Engine(parse_rules(RULES, file="<cache>"), storage=storage, graph=graph,
                    clock=clock)
    client = storage._sync()
    for step in range(250):
        clock.advance(_step(rng, False))
        engine.check(_request(rng))
        for key in client.scan_iter(match=f"{storage.keys.prefix}:*"):
            assert client.pttl(key) > 0, f"step {step}: {key!r} has no TTL"
    assert storage._cache is not None and storage._cache.hits > 50
    engine.close()


def test_the_encoders_write_what_the_lua_writes(shared: Any) -> None:
    """Hashes the Lua transition wrote, decoded and encoded again, are the same bytes
    (the strangers rules' <oldest> may be later: the earliest record's time, still at or
    before every record, which is all the Lua asks of it)."""
    storage = shared(state_cache=0)
    rng = random.Random(3)
    clock = VirtualClock(T0)
    graph = _graph(rng)
    ruleset = parse_rules(RULES, file="<cache>")
    stateful = tuple(r for r in ruleset.active if r.stateful)
    strangers_rules = {r.name for r in stateful if r.kind == "strangers"}
    engine = Engine(ruleset, storage=storage, graph=graph, clock=clock)
    client = storage._sync()
    compared = 0
    for _ in range(300):
        clock.advance(_step(rng, False))
        request = _request(rng)
        engine.check(request)
        keys = storage.keys.sender(engine._keys.user(request.sender)).state
        hashes = [{name.decode("utf-8", "surrogatepass"): value
                   for name, value in client.hgetall(k).items()} for k in keys]
        hashes[4].pop(TOKEN, None)
        state = decode_hashes(hashes, stateful)
        if state is None:
            continue
        again, read_back = encode_hashes(state, stateful, hashes)
        assert read_back == state
        for i, (lua, ours) in enumerate(zip(hashes, again, strict=True)):
            assert set(lua) == set(ours), (i, set(lua) ^ set(ours))
            for name, blob in lua.items():
                if i == 4 and name in strangers_rules:
                    # <oldest> (a time_field), then the records: the Lua's oldest may
                    # be older (it keeps one at or before every record's)
                    assert blob[TIME_WIDTH:] == ours[name][TIME_WIDTH:]
                    assert read_time(blob, 0) <= read_time(ours[name], 0)
                else:
                    assert ours[name] == blob, (i, name)
                compared += 1
    assert compared > 300
    engine.close()


def test_a_copy_decides_at_redis_time_whatever_the_process_clock_says(
        request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without an injected clock a copy decides at Redis's time: the TIME of the last
    Lua reply advanced by the monotonic clock. A process whose wall clock jumps (NTP, a
    bad host) decides at the same time as the others. (A real server: fakeredis keeps
    time by this process's clock, which the test moves.)"""
    real = servers.session_redis(request.config)
    storage = RedisStorage.from_uri(real.url, key_prefix=servers.unique_prefix(), socket_timeout=5)
    engine = Engine(load_rules(DEFAULT_RULES), storage=storage, graph=MemoryGraph())
    _warm(engine)
    assert engine.check(SendRequest("bob", ("bob",), "note 0")).code == "self_message"
    wall = time.time
    monkeypatch.setattr(time, "time", lambda: wall() + 3600.0)  # an hour ahead
    seconds, micros = storage._sync().time()
    redis_now = seconds + micros / 1e6
    cache = storage._cache
    assert cache is not None
    hits = cache.hits
    decisions = [engine.check(SendRequest("bob", ("bob",), f"note {i}")) for i in range(1, 4)]
    assert cache.hits == hits + 3
    for d in decisions:
        assert d.code == "self_message"
        assert abs(d.at - redis_now) < 5, (d.at, redis_now)  # not an hour ahead
    engine.close()
    storage.close()


def test_a_copy_whose_key_is_about_to_expire_is_not_used(shared: Any) -> None:
    storage = shared()
    clock = VirtualClock(T0)
    engine = Engine(load_rules(DEFAULT_RULES), storage=storage, graph=MemoryGraph(),
                    clock=clock)
    _warm(engine)
    engine.check(SendRequest("carol", ("carol",), "a note"))
    cache = storage._cache
    assert cache is not None
    entry = cache.get(engine._keys.user("carol"))
    assert entry is not None
    entry.expires = tuple(None if e is None else time.monotonic() + 1.0 for e in entry.expires)
    hits, misses = cache.hits, cache.misses
    engine.check(SendRequest("carol", ("carol",), "a note"))
    assert cache.hits == hits and cache.misses == misses + 1
    engine.close()


def test_a_copy_is_used_for_state_cache_age_at_most(shared: Any) -> None:
    """A write that does not know the token (an older release, a hand edit, an evicted
    key) can make a copy wrong: it is used for ``state_cache_age`` seconds at most."""
    storage = shared(state_cache_age=0.3)
    clock, graph = VirtualClock(T0), MemoryGraph()
    graph.follow("dan", "erin")
    rules = parse_rules('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "2/day"\n')
    engine = Engine(rules, storage=storage, graph=graph, clock=clock)
    assert engine.check(SendRequest("erin", ("dan",), "hi")).allowed
    assert engine.check(SendRequest("erin", ("dan",), "hi")).allowed
    keys = storage.keys.sender(engine._keys.user("erin"))
    storage._sync().delete(keys.quota)  # by hand, behind every process's back
    time.sleep(0.35)
    assert engine.check(SendRequest("erin", ("dan",), "hi")).allowed  # Redis's count: 0
    engine.close()


def test_the_cache_can_be_turned_off_and_its_options_are_checked(shared: Any) -> None:
    assert shared(state_cache=0)._cache is None
    with pytest.raises(ValueError, match="state_cache"):
        shared(state_cache=-1)
    with pytest.raises(ValueError, match="state_cache_age"):
        shared(state_cache_age=0)
    storage = shared(state_cache=2)
    clock, graph = VirtualClock(T0), MemoryGraph()
    engine = Engine(load_rules(DEFAULT_RULES), storage=storage, graph=graph, clock=clock)
    for user in ("u1", "u2", "u3", "u1"):
        engine.check(SendRequest(user, (user,), "a note"))
    assert storage._cache is not None and len(storage._cache) == 2  # bounded
    assert storage._cache.hits == 0  # u1's copy was dropped for u3's
    engine.close()


def test_processes_taking_turns_at_random_stop_asking_for_copies(shared: Any) -> None:
    """Where a sender's decisions go to several processes at random (no router by
    sender), a copy is mostly stale when used, and asking for one costs Redis more than
    it saves: a process that sees that asks for one copy in ``PROBE`` misses only, and
    decides as memory:// all along."""
    rules = load_rules(DEFAULT_RULES)
    clock, graph = VirtualClock(T0), MemoryGraph()
    senders = [f"s{i}" for i in range(4)]
    for s in senders:
        for i in range(20):
            graph.follow(f"{s}-f{i}", s)
    reference = Engine(rules, storage=UnsweptMemory(), graph=graph, clock=clock)
    storages = [shared() for _ in range(4)]
    engines = [Engine(rules, storage=s, graph=graph, clock=clock) for s in storages]
    rng = random.Random(6)
    words = "apple bread chair delta eagle flute grape house igloo jelly kite lemon".split()
    caches = [s._cache for s in storages if s._cache is not None]
    assert len(caches) == len(storages)

    def counts() -> tuple[int, int]:
        return (sum(c.plain for c in caches), sum(c.hits + c.misses for c in caches))

    for step in range(1000):
        if step == 500:  # by now every process has learnt it
            assert all(c.quality < 0.5 for c in caches), [c.quality for c in caches]
            plain_before, copied_before = counts()
        clock.advance(20)
        sender = rng.choice(senders)
        request = SendRequest(sender, (f"{sender}-f{rng.randrange(20)}",),
                              " ".join(rng.sample(words, 8)))
        got = rng.choice(engines).check(request)
        assert got == reference.check(request), f"step {step}"
    plain, copied = counts()
    plain, copied = plain - plain_before, copied - copied_before
    assert plain > 3 * copied, (plain, copied)
    for e in engines:
        e.close()


# -- an outside review's findings (each a reproducer first) --------------------------


@pytest.fixture(params=["fakeredis", "redis"])
def fresh(request: pytest.FixtureRequest) -> Any:
    """A maker of storages on one Redis, each under a key prefix of its own (to compare
    the cache on and off on the same sends)."""
    yield from _storages(request, own_prefix=True)


def _stateful(text: str) -> tuple[Any, ...]:
    return tuple(r for r in parse_rules(text, file="<review>").active if r.stateful)


def _two_quotas(limit: str, precision: int) -> tuple[Any, ...]:
    return _stateful(f"""
[[rules]]
name = "q_new"
check = "quota"
limit = "{limit}"
precision = {precision}
when = {{ account_age_under = "7d" }}

[[rules]]
name = "q"
check = "quota"
limit = "100/hour"

[[rules]]
name = "s"
check = "strangers"
limit = 50
window = "1h"
""")


def _send(i: int = 0) -> Features:
    return Features(None, False, None, 20, ((f"{i:016x}", 0),))


@pytest.mark.parametrize("old,new", [(("7/5 minutes", 5), ("7/day", 24)),
                                     (("5/second", 1440), ("5/week", 1))])
def test_a_rule_sitting_out_after_a_reload_never_sets_a_key_s_ttl(
        fresh: Any, old: tuple[str, int], new: tuple[str, int]) -> None:
    """A quota rule that sits a send out (its `when`) keeps its field as an older rule
    set wrote it (other bucket lengths): a write from a copy took that field's "end" for
    the key's TTL (centuries; past what PEXPIRE takes, a half-written decision). Only
    the fields a write sets give a key its TTL, and each decision is the cache-off one."""
    before, after = _two_quotas(*old), _two_quotas(*new)
    outcomes = []
    for storage in (fresh(state_cache=0), fresh()):
        storage.transition("alice", TransitionInput(before, _send(0), False), T0)
        results = [storage.transition("alice", TransitionInput(after, _send(i), False,
                                                               frozenset({"q_new"})), T0 + i)
                   for i in range(1, 5)]
        keys = storage.keys.sender("alice")
        client = storage._sync()
        for key in keys.state:
            ttl = client.pttl(key)
            assert ttl == -2 or 0 < ttl <= 2 * 3600 * 1000, (key, ttl)
        outcomes.append((results, client.hget(keys.quota, "q").split(b";")[0],
                         len(client.hget(keys.slices, "s") or b"")))
    assert outcomes[0] == outcomes[1]


def test_a_key_gone_behind_the_copy_s_back_leaves_the_decision_to_the_lua(fresh: Any) -> None:
    """A key of the copy's that expired early, was evicted or deleted by hand while the
    token (in another key) stayed: the copy is not current (the call checks that the keys
    it holds are there), so the Lua transition decides on what Redis holds, and no key
    is left without a TTL."""
    rules = _stateful('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "100/day"\n\n'
                      '[[rules]]\nname = "s"\ncheck = "strangers"\nlimit = 50\nwindow = "1h"\n')
    outcomes = []
    for storage in (fresh(state_cache=0), fresh()):
        keys = storage.keys.sender("alice")
        client = storage._sync()
        for i in range(3):
            storage.transition("alice", TransitionInput(rules, _send(i), False), None)
        client.delete(keys.quota)
        storage.transition("alice", TransitionInput(rules, _send(3), False), None)
        assert client.pttl(keys.quota) > 0
        outcomes.append(storage.quota_counts("alice"))
    assert outcomes[0] == outcomes[1] == {"q": 1}


def test_a_field_name_that_is_not_utf8_costs_the_copy_not_the_decision(fresh: Any) -> None:
    rules = _stateful('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "3/day"\n')
    outcomes = []
    for storage in (fresh(state_cache=0), fresh()):
        storage.transition("alice", TransitionInput(rules, _send(), False), T0)
        revoked = storage.keys.sender("alice").revoked
        storage._sync().hset(revoked, b"\xff\xfeapp", b"1800000300")  # by hand
        storage._sync().pexpire(revoked, 600_000)
        storage.restore_app("alice", "some-app")  # another write: the token goes
        outcomes.append([storage.transition("alice", TransitionInput(rules, _send(), False),
                                            T0 + i).allowed for i in range(1, 5)])
    assert outcomes[0] == outcomes[1] == [True, True, False, False]


@pytest.mark.parametrize("encoder", [False, True])
def test_a_plugged_in_kind_is_copied_only_with_an_encoder(fresh: Any, encoder: bool) -> None:
    """A kind of a deployment's own that keeps a slice: without ``encode_slice`` a copy
    could not write it back, so its rule sets stay on the Lua transition; with one, they
    are copied, and decide the same."""
    from policy.checks import KINDS, register
    from tests.storage import plugin_refusals

    kind = f"refusals_{'enc' if encoder else 'plain'}"
    register(plugin_refusals.make(kind, encoder))
    try:
        rules = _stateful(f'[[rules]]\nname = "refusals"\ncheck = "{kind}"\nmax_refusals = 3\n')
        outcomes = []
        for storage in (fresh(state_cache=0), fresh()):
            got = [storage.transition("mallory", TransitionInput(rules, _send(), True),
                                      T0 + i).allowed for i in range(5)]
            got.append(storage.transition("mallory", TransitionInput(rules, _send(), False),
                                          T0 + 10).allowed)
            outcomes.append(got)
            cache = storage._cache
            if cache is not None:
                assert (cache.hits > 0) == encoder
        assert outcomes[0] == outcomes[1] == [False] * 5 + [False]
    finally:
        KINDS.pop(kind, None)


def test_an_ended_challenge_pass_is_kept_as_the_lua_keeps_it(fresh: Any) -> None:
    """The Lua reads (and drops, once ended) a passed challenge only where a rule answers
    with a challenge; the Python twin did so always. After a reload that brings such a
    rule back with the clock stepped back, the pass counts again in both."""
    base = '[[rules]]\nname = "strangers"\ncheck = "strangers"\nlimit = 1\nwindow = "10m"\n'
    plain = _stateful(base)
    challenged = _stateful(base + 'challenge = ["too_many_strangers"]\n')

    def run(storage: Any) -> tuple[bool, list[str]]:
        def f(*units: str) -> Features:
            return Features(None, False, None, 20, tuple((u, 0) for u in units))
        storage.transition("s", TransitionInput(plain, f("00000000000000a1"), False), T0)
        storage.pass_challenge("s", 30.0, T0)
        storage.transition("s", TransitionInput(plain, f(), False), T0 + 60)
        storage.transition("s", TransitionInput(plain, f(), False), T0 + 61)
        r = storage.transition("s", TransitionInput(challenged, f("00000000000000a2"), False),
                               T0 + 20)
        return r.allowed, [x.code for x in r.fired]

    expected = run(UnsweptMemory())
    assert run(fresh(state_cache=0)) == expected
    assert run(fresh()) == expected
    assert expected == (True, [])  # the pass (until T0 + 30) lifts the challenge at T0 + 20


def test_the_metric_says_how_decisions_were_made(shared: Any) -> None:
    """``dm_policy_state_cache_total{outcome}``: an operator sees whether the copies are
    used (copy) or not (stale, lua) in their deployment."""
    from policy.metrics import PrometheusObserver

    observer = PrometheusObserver()
    clock, graph = VirtualClock(T0), MemoryGraph()
    engine = Engine(load_rules(DEFAULT_RULES), storage=shared(), graph=graph, clock=clock,
                    observer=observer)
    other = Engine(load_rules(DEFAULT_RULES), storage=shared(), graph=graph, clock=clock)
    _warm(engine)
    for i in range(6):
        clock.advance(60)
        engine.check(SendRequest("gina", ("gina",), f"note {i}"))
    other.check(SendRequest("gina", ("gina",), "from another process"))
    engine.check(SendRequest("gina", ("gina",), "after it"))

    def count(outcome: str) -> float:
        value = observer.registry.get_sample_value("dm_policy_state_cache_total",
                                                   {"outcome": outcome})
        return value or 0.0

    assert count("copy") == 5 and count("stale") == 1 and count("lua") >= 1
    engine.close()
    other.close()


def test_a_year_long_quota_is_decided_from_the_copy(fresh: Any) -> None:
    """The longest windows the rules allow (366 days, and a quota's bucket on top) are
    within what a copy may write: such rule sets are served from copies too."""
    rules = _stateful('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "100/365d"\n'
                      'precision = 96\n')
    storage = fresh()
    for i in range(20):
        storage.transition("alice", TransitionInput(rules, _send(i), False), None)
    assert storage._cache is not None and storage._cache.hits >= 18
    assert 365 * 86400 * 1000 < storage._sync().pttl(storage.keys.sender("alice").quota)


def test_copies_that_are_never_used_stop_being_asked_for(fresh: Any) -> None:
    """A copy asked for and dropped before any use (more senders than the cache holds,
    or senders slower than ``state_cache_age``) costs Redis the hashes in the reply for
    nothing: such copies count against the cache, which then stops asking."""
    storage = fresh(state_cache=8)
    rules = _stateful('[[rules]]\nname = "q"\ncheck = "quota"\nlimit = "1000/day"\n')
    for step in range(1200):  # 40 senders round robin through a cache of 8
        storage.transition(f"s{step % 40}", TransitionInput(rules, _send(step), False),
                           T0 + step)
    cache = storage._cache
    assert cache is not None
    # Without counting the unused ones, each of the 1,200 decisions asked for a copy back
    # (quality stayed 1.0). Now it settles where the copies it keeps are used: the few
    # copies a plain decision leaves in place serve the next round.
    assert cache.misses < 1200 / 3 and cache.plain > 1200 / 2, (cache.misses, cache.plain)
    assert cache.hits > 0


def test_a_plugged_in_kind_without_expires_at_stays_on_the_lua(fresh: Any) -> None:
    from policy.checks import KINDS, register
    from policy.storage.redis.statecache import cacheable
    from tests.storage import plugin_refusals

    module = plugin_refusals.make("refusals_no_end", True)
    del module.expires_at  # a copy could not tell how long its field must live
    register(module)
    try:
        rules = _stateful('[[rules]]\nname = "r"\ncheck = "refusals_no_end"\n')
        assert not cacheable(rules)
        storage = fresh()
        for i in range(5):
            storage.transition("mallory", TransitionInput(rules, _send(), True), T0 + i)
        assert storage._cache is not None and storage._cache.misses == 0
    finally:
        KINDS.pop("refusals_no_end", None)


@pytest.mark.cluster
def test_on_a_cluster_copies_serve_senders_of_every_node(request: pytest.FixtureRequest) -> None:
    """A 3-master Redis Cluster: the library (both functions) is on every primary, each
    sender's keys in its slot; decisions come from copies and are memory://'s."""
    cluster = servers.session_cluster(request.config)
    storage = RedisStorage.from_uri(cluster.url, key_prefix=servers.unique_prefix(),
                                    socket_timeout=5)
    clock, graph = VirtualClock(T0), MemoryGraph()
    senders = [f"c{i}" for i in range(12)]
    for s in senders:
        for i in range(5):
            graph.follow(f"{s}-f{i}", s)
    rules = load_rules(DEFAULT_RULES)
    engine = Engine(rules, storage=storage, graph=graph, clock=clock)
    reference = Engine(rules, storage=UnsweptMemory(), graph=graph, clock=clock)
    try:
        for step in range(240):
            clock.advance(15)
            s = senders[step % len(senders)]
            request_ = SendRequest(s, (f"{s}-f{step % 5}",), f"cluster note {step % 7} for you")
            assert engine.check(request_) == reference.check(request_), step
        cache = storage._cache
        assert cache is not None and cache.hits > 150
    finally:
        engine.close()
        storage.close()


def test_a_trace_written_from_the_last_one_is_the_one_written_afresh() -> None:
    """``encode_trace_after`` copies unchanged clusters' records out of the field it was
    read from: the bytes are those ``encode_trace`` writes, whatever changed (a cluster
    moved to the front, new units, a new cluster, the oldest gone, a wider time or seq)."""
    from dataclasses import replace as changed

    from policy.state import Cluster
    from policy.storage.redis.snapshot import (
        decode_trace,
        encode_trace,
        encode_trace_after,
        trace_order,
        trace_widths,
    )

    rng = random.Random(11)
    reused = 0
    for case in range(400):
        n = rng.randint(0, 32)
        clusters = [Cluster(rng.randbytes(32), tuple(rng.randbytes(8).hex()
                                                     for _ in range(rng.randint(0, 5))),
                            T0 + rng.random() * 1000, rng.randint(0, 99),
                            rng.random() < 0.3, rng.random() < 0.2) for _ in range(n)]
        before = encode_trace(clusters)
        known = decode_trace(before)
        after = list(known)
        for _ in range(rng.randint(0, 3)):
            what = rng.random()
            if after and what < 0.4:  # a copy joins a cluster: later, one unit more
                k = rng.randrange(len(after))
                c = after[k]
                after[k] = changed(c, last=c.last + rng.random() * 100,
                                   units=(*c.units, rng.randbytes(8).hex())[-5:])
            elif what < 0.7:  # a new cluster, its seq sometimes wider than any before
                after.append(Cluster(rng.randbytes(32), (rng.randbytes(8).hex(),),
                                     T0 + 2000 + rng.random(), rng.choice((7, 123, 99999)),
                                     rng.random() < 0.3))
            elif after:  # the oldest forgotten
                after.remove(min(after, key=lambda c: (c.last, c.seq)))
        ordered = trace_order(after)
        expected = encode_trace(ordered, trace_widths(before), True)
        assert encode_trace_after(ordered, before, known) == expected, case
        reused += sum(1 for c in ordered if any(c is k for k in known))
    assert reused > 2000  # most records were copied, not written again
