"""Differential test: the Lua transition against the Python core, decision for decision.

The same seeded random sequences run through memory:// (``policy.core.transition``)
and through Redis (``transition.lua``, on fakeredis and on a real redis-server);
every result must be identical, floats bit for bit. Two levels:

* storage level: random ``TransitionInput``s straight into ``Storage.transition``
  (costs above 1, several units, signatures from a two-letter alphabet so that
  similarity ties are frequent, the clock sometimes going backwards);
* engine level: random sends, group sends, self-messages through apps,
  revocations, ``forget_user`` and ``acheck`` on rules that use every stateful
  kind in enforce and shadow mode.
"""

from __future__ import annotations

import asyncio
import random
import struct
from typing import Any

import pytest

from policy import Engine, MemoryGraph, SendRequest, parse_rules
from policy.checks import KINDS
from policy.clock import VirtualClock
from policy.core import Features, TransitionInput
from policy.storage import MemoryStorage
from policy.storage.redis.keys import LAYOUT
from policy.storage.redis.snapshot import decode_quota
from tests.conftest import T0

RULES = """
[[rules]]
name = "apps"
check = "apps"
revocation_ttl = "10m"

[[rules]]
name = "cool"
check = "cooldown"
duration = "90s"
triggered_by = ["dups"]

[[rules]]
name = "cool_shadow"
check = "cooldown"
mode = "shadow"
duration = "45s"
triggered_by = ["dups", "dups_shadow"]
restart_on_attempt = false

[[rules]]
name = "cool_strangers"
check = "cooldown"
duration = "3m"
triggered_by = ["dups", "contacts"]
restart_on_attempt = false
strangers_only = true

[[rules]]
name = "cool_followed"
check = "cooldown"
duration = "2m"
triggered_by = ["dups_followed"]
strangers_only = true
count_followed = true

[[rules]]
name = "text"
check = "text_length"

[[rules]]
name = "followers_only"
check = "follows"

[[rules]]
name = "dups"
check = "duplicates"
similarity = 0.625  # 20 of 32 bytes: exactly on the threshold happens
recipients = 3
window = "5m"
max_texts = 4
min_chars = 12
contact_min_chars = 4
contact_similarity = 0.34375  # 11 of 32
short_similarity = 0.8125  # 26 of 32: texts of 8 to 11 letters, near copies only

[[rules]]
name = "dups_shadow"
check = "duplicates"
mode = "shadow"
similarity = 0.4375  # 14 of 32
contact_similarity = 0.5625  # 18 of 32: above similarity (a stricter bar for a contact)
recipients = 2
window = "2m"
max_texts = 3
min_chars = 5

[[rules]]
name = "quota"
check = "quota"
limit = "7/5 minutes"
precision = 5

[[rules]]
name = "quota_shadow"
check = "quota"
mode = "shadow"
limit = "4/minute"
precision = 3

[[rules]]
name = "late_cool"
check = "cooldown"
duration = "20s"
triggered_by = ["dups_shadow", "strangers", "contacts", "dups_followed"]

[[rules]]
name = "strangers"
check = "strangers"
limit = 3
window = "4m"
at_once = 2  # one message to a new group (people None): 2 strangers at most

[[rules]]
name = "contacts"
check = "contacts"
recipients = 3
window = "3m"
max_contacts = 2

[[rules]]
name = "strangers_shadow"
check = "strangers"
mode = "shadow"
limit = 2
window = "90s"

[[rules]]
name = "reports"
check = "reports"
strangers = "strangers"
window = "10m"
min_reports = 1
share = 0.25
max_reports = 2

[[rules]]
name = "reports_shadow"
check = "reports"
mode = "shadow"
strangers = "strangers_shadow"
window = "7m"
min_reports = 2
share = 0.5
max_reports = 3

[[rules]]
name = "links_to_strangers"
check = "strangers"
limit = 3
window = "3m"
with_contact = true

[[rules]]
name = "strangers_armed"  # a lower limit once links_to_strangers is full
check = "strangers"
limit = 5
window = "5m"
armed_by = "links_to_strangers"
armed_limit = 2
armed_sends = 2  # ... or holds strangers of 2 messages

[[rules]]
name = "dups_followed"
check = "duplicates"
count_followed = true  # followed recipients count too (only writers do not)
similarity = 0.5
recipients = 4
window = "4m"
max_texts = 3
min_chars = 12
short_similarity = 0.75  # friendly: a copy to someone who wrote

[[rules]]
name = "fanout"
check = "strangers"
count_followed = true
limit = 4
window = "5m"

[[rules]]
name = "links_followed"
check = "strangers"
count_followed = true
with_contact = true
limit = 2
window = "3m"

[[rules]]
name = "strangers_derived"  # reads strangers_armed's record (no record of its own)
check = "strangers"
limit = 2
window = "3m"
record_of = "strangers_armed"

[[rules]]
name = "short_to_strangers"  # only texts under 8 letters and digits count
check = "strangers"
limit = 2
window = "4m"
texts_under = 8
reached_by = "strangers_armed"  # who it recorded is no new contact
"""

TEXTS = [
    "Win a free cruise today, call 0800 {n} now",
    "Win a free cruise today!! call 0800 {n} now",
    "WIN A FREE CRUISE TODAY call 0800-{n}",
    "Cheap watches at example dot com, code {n}",
    "cheap watches @ example.com code {n} hurry",
    "are we still on for lunch tomorrow at {n}?",
    "ok",
    "see you at {n}",
]
SENDERS = ["alice", "bob", "c{ar}ol: *x*"]
PEOPLE = [f"p{i}" for i in range(7)] + ["ünï cödé", "{tag}:*"]
APPS = [None, None, "app-one", "app:{two}"]


class UnsweptMemory(MemoryStorage):
    """memory:// without its sweep of expired senders.

    The clock here sometimes steps back; state that memory:// swept as expired
    would then count again in a store that prunes only when a sender is touched
    (Redis). That is the store's housekeeping, not the transition under test.
    """

    def _sweep(self, now: float) -> None:
        return None


assert hasattr(MemoryStorage, "_sweep"), "memory:// renamed its sweep: update UnsweptMemory"


def decode_trace(blob: bytes) -> list[tuple[float, int, bytes, tuple[bytes, ...], bool]]:
    """A stored trace field (layout in duplicates.lua) as (last, seq, signature, units,
    contact), checking every length on the way."""
    assert blob[:1] == b"!", blob[:20]
    lw, sw, count = blob[1] - 48, blob[2] - 48, int(blob[3:6])
    assert lw == 8, lw  # last: the time's double, 8 bytes big-endian (time_field)
    size = lw + sw + 2 + 32
    at, units_at, out = 6, 6 + count * size, []
    for _ in range(count):
        rec = blob[at : at + size]
        n = int.from_bytes(rec[lw + sw : lw + sw + 2], "big")
        units = tuple(blob[units_at + 8 * k : units_at + 8 * k + 8] for k in range(n))
        seq = rec[lw : lw + sw]  # "+12": a contact's cluster
        out.append((struct.unpack(">d", rec[:lw])[0], int(seq), rec[lw + sw + 2 :], units,
                    b"+" in seq))
        at, units_at = at + size, units_at + 8 * n
    assert units_at == len(blob), "the units do not end the field"
    return out


def _stored_traces(storage: Any, sender: str) -> dict[str, list]:
    """The clusters Redis holds for ``sender``, per duplicates rule, in stored order."""
    raw = storage._sync().hgetall(storage.keys.sender(sender).trace)
    # Sequence numbers only order the clusters (the script starts them again at 0 when a
    # sender's trace is empty, the core when its whole state is): compared as the order.
    return {name.decode(): [(last, sig, units, contact)
                            for last, _, sig, units, contact in decode_trace(blob)]
            for name, blob in raw.items() if name != b"#"}


def _core_traces(memory: Any, sender: str, now: float, rules: tuple) -> dict[str, list]:
    """The same from memory://, as the script keeps them: the live clusters, most recent
    first (the script drops the expired ones at each decision, the core when it reads)."""
    from policy.checks import duplicates
    from policy.storage.redis.keys import unit_bytes

    state = memory.state_of(sender)
    out: dict[str, list] = {}
    if state is None:
        return out
    for rule in rules:
        if rule.kind == "duplicates" and rule.name in state.traces:
            live = duplicates.live_clusters(state.traces[rule.name], now, rule.params)
            if live:
                out[rule.name] = [(c.last, c.signature, tuple(unit_bytes(u) for u in c.units),
                                   c.contact) for c in live]
    return out


def _step(rng: random.Random, exact: bool) -> float:
    """A clock step. ``exact`` steps are whole seconds that land on bucket edges and
    on the very instant a cooldown or a trace expires (the ``>`` versus ``>=`` cases)."""
    roll = rng.random()
    if roll < 0.3:
        return 0.0
    if exact:
        if roll < 0.97:
            return float(rng.choice([1, 5, 20, 20, 40, 45, 60, 90, 120, 300, 600]))
        return -float(rng.choice([20, 45, 60]))
    if roll < 0.75:
        return rng.choice([0.25, 1.5, 7.0, 13.333])
    if roll < 0.92:
        return rng.uniform(20, 200)
    if roll < 0.97:
        return rng.uniform(300, 900)
    return -rng.uniform(1, 120)  # a replay's clock may step back


def _signature(rng: random.Random, bases: list[bytes]) -> bytes | None:
    """Copies, near copies and exact halfway mixes of a few texts: similarities on and
    around the thresholds, and equal best scores (the tie-breaks)."""
    roll = rng.random()
    if roll < 0.1:
        return None
    a, b = rng.sample(bases, 2)
    sig = bytearray(a)
    if roll < 0.5:  # halfway between two texts: as similar to one as to the other
        differing = [i for i in range(32) if a[i] != b[i]]
        rng.shuffle(differing)
        for i in differing[: len(differing) // 2]:
            sig[i] = b[i]
    for _ in range(rng.choice([0, 0, 0, 1, 3, 9])):
        sig[rng.randrange(32)] = rng.choice([1, 2, 3])
    return bytes(sig)


def _input(rng: random.Random, rules: tuple, refused: bool, bases: list[bytes]
           ) -> TransitionInput:
    if rng.random() < 0.15:  # a recipient's report (the reports kind's report hook)
        reporter = ((f"u{rng.randrange(6)}", rng.random() < 0.15),)
        feats = Features(app=None, self_message=False, signature=None, text_chars=0,
                         units=reporter, report=rng.choice(["spam", "block"]))
        return TransitionInput(rules=rules, features=feats, refused_before=False)
    # Evidence: none, followed by the sender, wrote to the sender (policy.checks.base).
    units = tuple((f"u{rng.randrange(5)}", rng.choice([0, 0, 0, 0, 1, 2]))
                  for _ in range(rng.choice([0, 1, 1, 1, 2, 3])))
    feats = Features(
        app=rng.choice([None, "a1", "a2", ""]),
        self_message=rng.random() < 0.08,
        signature=_signature(rng, bases),
        text_chars=rng.choice([-1, 3, 8, 20, 40]),  # -1: not read (refused before)
        units=units,
        cost=rng.choice([0, 1, 1, 1, 1, 1, 1, 2, 3, 8]),
        contact=rng.random() < 0.3,
        people=None if rng.random() < 0.7 else tuple(  # a conversation's members
            (f"u{rng.randrange(6)}", rng.choice([0, 0, 0, 0, 1, 2]))
            for _ in range(rng.choice([1, 2, 4]))),
        contacts=tuple(f"k{rng.randrange(4)}" for _ in range(rng.choice([0, 0, 1, 1, 2]))),
    )
    return TransitionInput(rules=rules, features=feats, refused_before=refused)


@pytest.mark.parametrize("seed", range(10))
def test_transitions_match_the_core(redis_backend: Any, seed: int) -> None:
    rng = random.Random(seed)
    ruleset = parse_rules(RULES, file="<parity>")
    stateful = tuple(r for r in ruleset.active if r.stateful)
    memory = UnsweptMemory()
    storage = redis_backend.new_storage()
    bases = [bytes(rng.choice([1, 2, 3]) for _ in range(32)) for _ in range(4)]
    exact = seed % 2 == 0
    now = T0 if exact else T0 + rng.random()
    for step in range(250):
        now += _step(rng, exact)
        sender = rng.choice(["s1", "s2"])
        inp = _input(rng, stateful, rng.random() < 0.1, bases)
        expected = memory.transition(sender, inp, now)
        got = storage.transition(sender, inp, now)
        assert got == expected, f"seed {seed}, step {step}"
        # A report touches only the reports' slices: the traces wait for the next send.
        assert inp.features.report is not None or _stored_traces(storage, sender) == \
            _core_traces(memory, sender, now, stateful), f"seed {seed}, step {step}"
        roll = rng.random()
        if roll < 0.03:
            memory.revoke_app(sender, "a1", 30.0, now)
            storage.revoke_app(sender, "a1", 30.0, now)
        elif roll < 0.05:
            memory.restore_app(sender, "a1")
            storage.restore_app(sender, "a1")
        elif roll < 0.06:
            memory.forget(sender)
            storage.forget(sender)


def _kind_alone(kind: str) -> tuple:
    """The stateful rules of RULES of one kind (a cooldown with the rules that trigger it)."""
    rules = tuple(r for r in parse_rules(RULES, file="<parity>").active if r.stateful)
    triggers = {t for r in rules if r.kind == kind for t in getattr(r.params, "triggered_by", ())}
    # a reports rule reads whom the sender reached from its strangers rule
    triggers |= {r.params.strangers for r in rules if r.kind == kind == "reports"}
    return tuple(r for r in rules if r.kind == kind or r.name in triggers)


@pytest.mark.parametrize("kind", sorted(k for k, m in KINDS.items() if m.STATEFUL))
def test_each_kind_alone_matches_the_core(redis_backend: Any, kind: str) -> None:
    """Per kind: its Lua section against its Python module, nothing else in the script."""
    rules = _kind_alone(kind)
    if not any(r.kind == kind for r in rules):
        pytest.skip(f"RULES has no {kind} rule (a kind registered by another test)")
    for seed in range(3):
        rng = random.Random(500 + seed)
        memory, storage = UnsweptMemory(), redis_backend.new_storage()
        bases = [bytes(rng.choice([1, 2, 3]) for _ in range(32)) for _ in range(4)]
        now = T0
        for step in range(150):
            now += _step(rng, seed % 2 == 0)
            inp = _input(rng, rules, rng.random() < 0.1, bases)
            expected = memory.transition("s", inp, now)
            assert storage.transition("s", inp, now) == expected, f"{kind}, seed {seed}, step {step}"


def _engines(backend: Any, clock: VirtualClock, graph: MemoryGraph) -> tuple[Engine, Engine]:
    ruleset = parse_rules(RULES, file="<parity>")
    reference = Engine(ruleset, storage=UnsweptMemory(), graph=graph, clock=clock)
    tested = Engine(ruleset, storage=backend.new_storage(), graph=graph, clock=clock)
    return reference, tested


def _request(rng: random.Random) -> SendRequest:
    sender = rng.choice(SENDERS)
    text = rng.choice(TEXTS).format(n=rng.choice([1, 2, 3, 17, 42]))
    roll = rng.random()
    if roll < 0.07:
        recipients: tuple[str, ...] = (sender,)  # a self-message
    elif roll < 0.2:
        recipients = tuple(rng.sample(PEOPLE, rng.choice([2, 3])))
    else:
        recipients = (rng.choice(PEOPLE),)
    conversation = rng.choice(["conv-1", "c:{2}"]) if rng.random() < 0.1 else None
    if rng.random() < 0.05:
        text = "x" * 150  # refused by the text rule before the stateful ones
    return SendRequest(sender, recipients, text, app=rng.choice(APPS),
                       conversation=conversation)


@pytest.mark.parametrize("seed", range(4))
def test_engine_decisions_match_memory(redis_backend: Any, seed: int) -> None:
    rng = random.Random(1000 + seed)
    exact = seed % 2 == 0
    clock = VirtualClock(T0 if exact else T0 + rng.random())
    graph = MemoryGraph()
    for person in PEOPLE:
        for sender in SENDERS:
            if rng.random() < 0.9:
                graph.follow(person, sender)  # may message them
            if rng.random() < 0.25:
                graph.follow(sender, person)  # evidence: duplicates don't count them
    reference, tested = _engines(redis_backend, clock, graph)

    async def run() -> None:
        for step in range(220):
            clock.advance(_step(rng, exact))
            request = _request(rng)
            expected = reference.check(request)
            got = await tested.acheck(request) if rng.random() < 0.3 else tested.check(request)
            assert got == expected, f"seed {seed}, step {step}: {request}"
            roll = rng.random()
            app = rng.choice(["app-one", "app:{two}"])
            user = rng.choice(SENDERS)
            if roll < 0.03:
                for engine in (reference, tested):
                    engine.revoke_app(user=user, app=app)
            elif roll < 0.05:
                for engine in (reference, tested):
                    engine.restore_app(user=user, app=app)
            elif roll < 0.06:
                for engine in (reference, tested):
                    engine.forget_user(user)
            elif roll < 0.1:
                assert tested.app_report(app) == reference.app_report(app)
            elif roll < 0.14:  # someone writes to a sender: no stranger to it any more
                graph.record_message(rng.choice(PEOPLE), user)
            elif roll < 0.25:  # a recipient reports a sender: the same outcome both ways
                reporter, sender = rng.choice(PEOPLE), rng.choice(SENDERS)
                kind = rng.choice(["spam", "block"])
                expected_report = reference.report(reporter=reporter, sender=sender, kind=kind)
                got_report = (await tested.areport(reporter=reporter, sender=sender, kind=kind)
                              if rng.random() < 0.3 else
                              tested.report(reporter=reporter, sender=sender, kind=kind))
                assert got_report == expected_report, f"seed {seed}, step {step}"
        await tested.storage.aclose()  # type: ignore[attr-defined]

    asyncio.run(run())
    tested.close()


EDGE_RULES = """
[[rules]]
name = "cool"
check = "cooldown"
duration = "30s"
triggered_by = ["dups"]
restart_on_attempt = false

[[rules]]
name = "dups"
check = "duplicates"
similarity = 0.5
recipients = 2
window = "1m"
max_texts = 4
min_chars = 0
"""


def test_tie_breaks_and_exact_instants_match_the_core(redis_backend: Any) -> None:
    """Scripted edges the random walk meets only by luck, each with its expected outcome."""
    ruleset = parse_rules(EDGE_RULES, file="<edges>")
    rules = tuple(r for r in ruleset.active if r.stateful)
    memory, storage = UnsweptMemory(), redis_backend.new_storage()
    a, b = bytes([1] * 32), bytes([2] * 32)
    half = bytes([1] * 16 + [2] * 16)  # exactly 0.5 from both: on the threshold, a tie

    def send(sender: str, now: float, sig: bytes, unit: str) -> tuple[str, ...]:
        inp = TransitionInput(rules, Features(None, False, sig, 40, ((unit, False),)), False)
        expected = memory.transition(sender, inp, now)
        assert storage.transition(sender, inp, now) == expected
        return tuple(f.code for f in expected.fired)

    # Same instant: the later-created cluster (b) comes first and wins the tie (the
    # record of a copy that does not fire goes to it: the states compared above).
    # "half" is exactly as near to both: both are its neighbours, so u1 (in a) and u2
    # (in b) are counted; to u1 again it reaches nobody new and does not fire, to u3 it
    # reaches a third and fires.
    assert send("s1", T0, a, "u1") == ()
    assert send("s1", T0, b, "u2") == ()
    assert send("s1", T0, half, "u1") == ()
    assert send("s1", T0, half, "u3") == ("duplicate_content",)
    # Same instant, an older cluster used again: it stays behind the newer-created one.
    assert send("s4", T0, a, "u1") == ()
    assert send("s4", T0, b, "u2") == ()
    assert send("s4", T0, a, "u1") == ()
    assert send("s4", T0, half, "u2") == ()
    assert send("s4", T0, half, "u5") == ("duplicate_content",)
    # Different instants: the most recently used cluster wins the tie.
    assert send("s2", T0, b, "u2") == ()
    assert send("s2", T0 + 1, a, "u1") == ()
    assert send("s2", T0 + 2, half, "u2") == ()  # nobody new
    assert send("s2", T0 + 2, half, "u6") == ("duplicate_content",)  # u1 + u2 + u6
    # The cooldown set at T0 + 2 ends at T0 + 32 exactly: gone at that instant, and
    # pruned, so a clock stepping back does not bring it back.
    assert send("s2", T0 + 31, bytes([3] * 32), "u3") == ("cooldown_active",)
    assert send("s2", T0 + 32, bytes([4] * 32), "u4") == ()
    assert send("s2", T0 + 31, bytes([5] * 32), "u5") == ()
    # A trace last used at T0 + 2 stops matching at T0 + 62 exactly.
    assert send("s3", T0 + 2, a, "u1") == ()
    assert send("s3", T0 + 62, a, "u2") == ()  # a fresh cluster, not the expired one
    assert send("s3", T0 + 61, a, "u3") == ("duplicate_content",)  # the fresh one: u2 + u3


def test_the_rules_embedded_in_the_script_read_back_exactly(redis_backend: Any) -> None:
    """The driver writes the rule set into the script as Lua source: every name (escaped)
    and every number (exact, non-finite ones too) must reach the script unchanged."""
    from policy.checks import cooldown
    from policy.rules import Mode, Rule
    from policy.storage.redis.script import _encode_rules

    names = ['a"b', "back\\slash", "new\nline]]", "nul\x00x", "ünï名", "\udc80", "--[[x", "9"]
    numbers = [0.1, 1 / 3, 5e-324, 1.7976931348623157e308, -0.0, 123456789.123456789,
               1e22, 2.0 ** 53 + 2, float("inf"), float("-inf")]
    listed = [Rule(name, "cooldown", Mode.ENFORCE, cooldown.Params(x, ("d",), i % 2 == 0))
              for i, (name, x) in enumerate(zip(names * 2, numbers, strict=False))]
    listed.append(Rule("nan", "cooldown", Mode.SHADOW, cooldown.Params(float("nan"), ("d",), False)))
    rules = tuple(listed)
    storage = redis_backend.new_storage()
    client = storage._sync()
    script = _encode_rules(rules) + b"""
local out = {}
for _, r in ipairs(RULES) do
  local d = r.duration
  out[#out + 1] = r.name
  out[#out + 1] = d ~= d and 'nan' or string.format('%.17g', d)
  out[#out + 1] = tostring(r.enforce) .. ' ' .. tostring(r.restart)
end
return out
"""
    got = client.eval(script, 0)
    expected: list[bytes] = []
    for r in rules:
        d = r.params.duration
        expected += [r.name.encode("utf-8", "surrogatepass"),
                     b"nan" if d != d else b"%.17g" % d,
                     f"{str(r.mode is Mode.ENFORCE).lower()} "
                     f"{str(r.params.restart_on_attempt).lower()}".encode()]
    assert got == expected


OLD_LAYOUT_RULES = """
[[rules]]
name = "cool"
check = "cooldown"
duration = "90s"
triggered_by = ["dups"]

[[rules]]
name = "dups"
check = "duplicates"
similarity = 0.5
recipients = 3
window = "1h"
max_texts = 4
min_chars = 0
"""

# The trace field the script wrote before the fixed-width layout, after four sends at
# T0 + 0.1 (a, u1), T0 + 10.25 (b, u2), T0 + 20.3 (c, u3 u4) and T0 + 30.7 (a, u5):
# "<siglen>,<last>,<seq>,<n>;" signature units, per cluster, most recent first.
_A, _B, _C = bytes([1] * 32), bytes([2] * 32), bytes(range(32))
_UNIT = [f"00000000000000a{i}" for i in range(10)]
OLD_TRACE = (
    b"32,1800000030.7,0,2;" + _A + bytes.fromhex(_UNIT[1]) + bytes.fromhex(_UNIT[5])
    + b"32,1800000020.3,2,2;" + _C + bytes.fromhex(_UNIT[3]) + bytes.fromhex(_UNIT[4])
    + b"32,1800000010.25,1,1;" + _B + bytes.fromhex(_UNIT[2])
)


def test_keys_of_an_older_layout_are_ignored_until_they_expire(redis_backend: Any) -> None:
    """The layout's version is in every sender key (``policy.storage.redis.keys.LAYOUT``): what an older
    version stored (here a variable-width trace and a quota field without its header,
    under the unversioned names) is never read, so never misread; its TTL removes it."""
    rules = tuple(r for r in parse_rules(OLD_LAYOUT_RULES + QUOTA_RULE).active if r.stateful)
    memory, storage = UnsweptMemory(), redis_backend.new_storage()
    client = storage._sync()
    keys = storage.keys.sender("s")
    old_base = keys.trace.replace(f":{LAYOUT}:", ":")[: -len(":t")]
    assert old_base != keys.trace[: -len(":t")]
    client.hset(f"{old_base}:t", mapping={"dups": OLD_TRACE, "#": b"3"})
    client.hset(f"{old_base}:q", mapping={"quota": b"3;6000:3"})
    for key in (f"{old_base}:t", f"{old_base}:q"):
        client.pexpire(key, 3_600_000)

    def inp(sig: bytes, *units: int) -> TransitionInput:
        return TransitionInput(
            rules, Features(None, False, sig, 40, tuple((_UNIT[u], False) for u in units)), False)

    # As if nothing were stored: the same results as a fresh memory://.
    codes, remaining = [], []
    for at, sig, units in ((0.1, _A, (1,)), (10.25, _A, (2,)), (20.3, _A, (3,)),
                           (30.7, _B, (5,))):
        expected = memory.transition("s", inp(sig, *units), T0 + at)
        assert storage.transition("s", inp(sig, *units), T0 + at) == expected, at
        codes.append([f.code for f in expected.fired])
        remaining.append(dict(expected.standings)["quota"].remaining)
    # the old trace had u1 and u5 on a; read, the first send would have fired
    assert codes == [[], [], ["duplicate_content"], ["cooldown_active"]]
    assert remaining[0] == 4  # the old quota field counted 3
    assert client.hget(f"{old_base}:t", "dups") == OLD_TRACE  # untouched
    assert 0 < client.pttl(f"{old_base}:t") <= 3_600_000  # and it expires by itself


QUOTA_RULE = """
[[rules]]
name = "quota"
check = "quota"
limit = "5/hour"
"""


def test_trace_records_widen_when_a_value_needs_it(redis_backend: Any) -> None:
    """Sequence numbers past 99 and 999 take the slow path that re-encodes the trace with
    wider records; tiny and negative times (8 bytes like any other: time_field) too."""
    dups_only = OLD_LAYOUT_RULES[OLD_LAYOUT_RULES.index('[[rules]]\nname = "dups"'):]
    rules = tuple(r for r in parse_rules(dups_only).active if r.stateful)
    memory, storage = UnsweptMemory(), redis_backend.new_storage()
    rng = random.Random(7)
    times = [1.5e-7, 2.5e-7, -3.0000000000000004e-5, 1 / 3] + [T0 + i / 7 for i in range(1400)]
    recent: list[bytes] = []
    for step, now in enumerate(times):
        if recent and rng.random() < 0.2:  # again, or nearly: a match
            sig = bytes(b if rng.random() < 0.8 else 0 for b in rng.choice(recent[-5:]))
        else:
            sig = rng.randbytes(32)
            recent.append(sig)
        units = tuple((_UNIT[rng.randrange(10)], rng.random() < 0.2) for _ in range(2))
        inp = TransitionInput(rules, Features(None, False, sig, 40, units), False)
        expected = memory.transition("s", inp, now)
        assert storage.transition("s", inp, now) == expected, step
    blob = storage._sync().hget(storage.keys.sender("s").trace, "dups")
    assert blob[2] - 48 == 4  # seq reached four digits


def test_the_driver_refuses_a_signature_of_another_length(redis_backend: Any) -> None:
    rules = tuple(r for r in parse_rules(OLD_LAYOUT_RULES).active if r.stateful)
    storage = redis_backend.new_storage()
    for size in (0, 31, 33):
        inp = TransitionInput(rules, Features(None, False, bytes(size), 40, ()), False)
        with pytest.raises(ValueError, match="32 bytes"):
            storage.transition("s", inp, T0)


def _quota_set(name: str, limit: str, precision: int, carries: str = "",
               shadow: str = "") -> tuple:
    text = (f'[[rules]]\nname = "{name}"\ncheck = "quota"\nlimit = "{limit}"\n'
            f"precision = {precision}\n" + (f'carries = "{carries}"\n' if carries else ""))
    if shadow:
        text += (f'\n[[rules]]\nname = "{shadow}"\ncheck = "quota"\nmode = "shadow"\n'
                 'limit = "4/minute"\nprecision = 3\n')
    return tuple(r for r in parse_rules(text, file="<reload>").active if r.stateful)


# Rule sets a reload moves between: the bucket length (window / precision) changing
# both ways, on and off bucket edges (7 and 11 do not divide the others), and renames
# that carry the counts over (and back).
RELOADS = [
    _quota_set("q", "7/5 minutes", 5, shadow="qs"),
    _quota_set("q", "7/5 minutes", 60),
    _quota_set("q", "7/5 minutes", 7, shadow="qs"),
    _quota_set("q", "9/10 minutes", 11),
    _quota_set("r", "7/5 minutes", 2, carries="q"),
    _quota_set("q", "7/5 minutes", 13, carries="r", shadow="qs"),
    _quota_set("r", "7/3 minutes", 1, carries="q"),
]


def _stored_quota(storage: Any, sender: str) -> dict[str, tuple[float, dict[int, int]]]:
    raw = storage._sync().hgetall(storage.keys.sender(sender).quota)
    out = {}
    for name, blob in raw.items():
        size, buckets = decode_quota(blob)  # the reader Engine.standing uses
        assert sum(buckets.values()) == int(blob.split(b";")[0])  # the stored total
        out[name.decode()] = (size, buckets)
    return out


@pytest.mark.parametrize("seed", range(6))
def test_reloads_that_change_bucket_length_or_name_match_the_core(redis_backend: Any,
                                                                  seed: int) -> None:
    """Quota state counted in one bucket length and read by rules of another (a reload),
    or carried over from a former name: the same results, and the same stored buckets,
    memory:// and Lua."""
    from policy.checks import quota

    rng = random.Random(500 + seed)
    memory, storage = UnsweptMemory(), redis_backend.new_storage()
    exact = seed % 2 == 0
    now = T0 if exact else T0 + rng.random()
    rules = RELOADS[0]
    for step in range(300):
        if rng.random() < 0.08:
            rules = rng.choice(RELOADS)
        now += _step(rng, exact)
        sender = rng.choice(["s1", "s2"])
        cost = rng.choice([0, 1, 1, 1, 1, 2, 3])
        inp = TransitionInput(rules, Features(None, False, None, 3, (), cost=cost), False)
        expected = memory.transition(sender, inp, now)
        assert storage.transition(sender, inp, now) == expected, f"seed {seed}, step {step}"
        state = memory.state_of(sender)
        by_name = {r.name: r for r in rules}
        stored = _stored_quota(storage, sender)
        for name, rule in by_name.items():
            mine = state.quota.get(name) if state is not None else None
            live = quota.live_buckets(quota.convert(mine, rule.params), now, rule.params) \
                if mine else {}
            theirs = stored.get(name)
            got = (quota.live_buckets(theirs[1], now, rule.params) if theirs else {})
            assert got == live, f"seed {seed}, step {step}, rule {name}"
            if theirs:
                assert theirs[0] == rule.params.bucket_seconds
        if rng.random() < 0.02:
            memory.forget(sender)
            storage.forget(sender)


EVICTION_RULES = """
version = "eviction"

[[rules]]
name = "dups"
check = "duplicates"
similarity = 0.9
recipients = 5
window = "1h"
max_texts = 3
min_chars = 0
"""


@pytest.mark.parametrize("fillers", [0, 2, 6])
def test_a_full_trace_drops_a_text_with_no_recipient_of_its_own(redis_backend: Any,
                                                                fillers: int) -> None:
    """Past max_texts the trace drops the least recent text with no recipient of its own
    (none, or each also reached by an older text), else the least recent, never the one
    just recorded: texts to a friend (no recipient counted) cannot push a campaign's
    text out. Dropping the oldest did: the 5th stranger of the campaign was a first copy
    again."""
    rules = tuple(r for r in parse_rules(EVICTION_RULES, file="<eviction>").active if r.stateful)
    memory, storage = UnsweptMemory(), redis_backend.new_storage()
    campaign = bytes([1] * 32)
    now = T0

    def send(sig: bytes, unit: str, evidence: int) -> tuple[str, ...]:
        nonlocal now
        now += 10.0
        inp = TransitionInput(rules, Features(None, False, sig, 40, ((unit, evidence),)), False)
        expected = memory.transition("s", inp, now)
        assert storage.transition("s", inp, now) == expected
        assert _stored_traces(storage, "s") == _core_traces(memory, "s", now, rules)
        return tuple(f.code for f in expected.fired)

    for i in range(4):  # the campaign's text to 4 strangers, a filler to a stranger between
        assert send(campaign, f"s{i}", 0) == ()
        if i == 1:
            assert send(bytes([9] * 32), "x1", 0) == ()
    for i in range(fillers):  # texts to a friend the sender follows: nobody counted
        assert send(bytes([20 + i] * 32), "friend", 1) == ()
    assert send(campaign, "s9", 0) == ("duplicate_content",)


def test_a_reload_that_shrinks_the_trace_drops_the_same_text(redis_backend: Any) -> None:
    """max_texts lowered by a reload while a copy matches a traced text: the matched one
    moves to the front, and what it holds does not count as held by an older record
    (D and C both reached u5: D keeps its own u5, A goes, the least recent of the ties)."""
    wide = tuple(r for r in parse_rules(EVICTION_RULES.replace("max_texts = 3", "max_texts = 4"),
                                        file="<wide>").active if r.stateful)
    narrow = tuple(r for r in parse_rules(EVICTION_RULES, file="<narrow>").active if r.stateful)
    memory, storage = UnsweptMemory(), redis_backend.new_storage()
    now = T0
    sends = ((wide, 1, "u7"), (wide, 2, "u8"), (wide, 3, "u5"), (wide, 4, "u5"),
             (narrow, 3, "u6"))
    for rules, byte, unit in sends:
        now += 10.0
        inp = TransitionInput(rules, Features(None, False, bytes([byte] * 32), 40,
                                              ((unit, 0),)), False)
        assert storage.transition("s", inp, now) == memory.transition("s", inp, now)
        assert _stored_traces(storage, "s") == _core_traces(memory, "s", now, rules)
    kept = [sig[0] for _, sig, _, _ in _stored_traces(storage, "s")["dups"]]
    assert kept == [3, 4, 2]


PAUSE_RULES = """
version = "pause"

[[rules]]
name = "pause"
check = "cooldown"
duration = "1h"
triggered_by = ["copies"]
restart_on_attempt = false
strangers_only = true
count_followed = COUNT

[[rules]]
name = "copies"
check = "duplicates"
count_followed = true
similarity = 0.9
recipients = 2
window = "1h"
max_texts = 4
min_chars = 0
"""


@pytest.mark.parametrize("count", ["true", "false"])
def test_a_strangers_only_wait_holds_whom_it_says(redis_backend: Any, count: str) -> None:
    """After the wait starts: a stranger is held; someone the sender follows who never
    wrote is held with count_followed only; someone who wrote to the sender never is."""
    rules = tuple(r for r in parse_rules(PAUSE_RULES.replace("COUNT", count),
                                         file="<pause>").active if r.stateful)
    memory, storage = UnsweptMemory(), redis_backend.new_storage()
    now = T0

    def send(byte: int, unit: str, evidence: int) -> tuple[str, ...]:
        nonlocal now
        now += 10.0
        inp = TransitionInput(rules, Features(None, False, bytes([byte] * 32), 40,
                                              ((unit, evidence),)), False)
        expected = memory.transition("s", inp, now)
        assert storage.transition("s", inp, now) == expected
        return tuple(f.code for f in expected.fired)

    assert send(1, "f1", 1) == ()
    assert send(1, "f2", 1) == ("duplicate_content",)  # the wait starts
    assert send(2, "f3", 1) == (("cooldown_active",) if count == "true" else ())
    assert send(3, "s1", 0) == ("cooldown_active",)
    assert send(4, "w1", 2) == ()
