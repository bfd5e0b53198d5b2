"""Parity of the signals (docs/signals.md) between memory:// and Redis: rules that sit a
send out (their ``when`` does not hold) and challenges lifted by a pass, in the Python
core and in transition.lua, result for result (fakeredis and a real redis-server)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from policy import Engine, MemoryGraph, SendRequest, parse_rules
from policy.clock import VirtualClock
from policy.rules import load_rules
from tests.conftest import ROOT, T0
from tests.storage.test_storage_parity import UnsweptMemory, _input, _step

RULES = """
[[rules]]
name = "apps"
check = "apps"
revocation_ttl = "10m"
challenge = ["self_message"]
challenge_ttl = "3m"

[[rules]]
name = "cool"
check = "cooldown"
duration = "90s"
triggered_by = ["dups", "dups_new"]

[[rules]]
name = "cool_new"
check = "cooldown"
duration = "200s"
triggered_by = ["dups_new"]
when = { account_age_under = "7d" }

[[rules]]
name = "dups"
check = "duplicates"
similarity = 0.625
recipients = 3
window = "5m"
max_texts = 4
min_chars = 12

[[rules]]
name = "dups_new"
check = "duplicates"
similarity = 0.5
recipients = 2
window = "8m"
max_texts = 3
min_chars = 5
when = { account_age_under = "7d" }

[[rules]]
name = "contacts"
check = "contacts"
recipients = 2
window = "4m"
when = { verified = false }
challenge = ["duplicate_contact"]

[[rules]]
name = "strangers"
check = "strangers"
limit = 3
window = "3m"
challenge = ["too_many_strangers"]

[[rules]]
name = "strangers_new"
check = "strangers"
mode = "shadow"
limit = 2
window = "6m"
when = { account_age_under = "7d" }

[[rules]]
name = "quota_new"
check = "quota"
limit = "4/10 minutes"
precision = 10
when = { account_age_under = "7d" }

[[rules]]
name = "quota"
check = "quota"
limit = "9/10 minutes"
precision = 5
"""


@pytest.mark.parametrize("seed", range(8))
def test_sat_out_rules_and_challenge_passes_match_the_core(redis_backend: Any, seed: int) -> None:
    rng = random.Random(7000 + seed)
    ruleset = parse_rules(RULES, file="<signals-parity>")
    stateful = tuple(r for r in ruleset.active if r.stateful)
    conditional = [r.name for r in stateful if r.when is not None]
    memory = UnsweptMemory()
    storage = redis_backend.new_storage()
    bases = [bytes(rng.choice([1, 2, 3]) for _ in range(32)) for _ in range(4)]
    exact = seed % 2 == 0
    now = T0 if exact else T0 + rng.random()
    for step in range(300):
        now += _step(rng, exact)
        sender = rng.choice(["s1", "s2"])
        inp = _input(rng, stateful, rng.random() < 0.1, bases)
        # One sender is mostly "new" (the tier runs), the other mostly not.
        share = 0.8 if sender == "s1" else 0.2
        inactive = frozenset(n for n in conditional if rng.random() > share)
        inp = type(inp)(inp.rules, inp.features, inp.refused_before, inactive)
        expected = memory.transition(sender, inp, now)
        got = storage.transition(sender, inp, now)
        assert got == expected, f"seed {seed}, step {step}, sat out {sorted(inactive)}"
        roll = rng.random()
        if roll < 0.05:
            ttl = rng.choice([30.0, 180.0])
            assert storage.pass_challenge(sender, ttl, now) == memory.pass_challenge(
                sender, ttl, now)
        elif roll < 0.06:
            memory.forget(sender)
            storage.forget(sender)


def test_a_pass_has_a_ttl_and_forget_drops_it(redis_backend: Any) -> None:
    storage = redis_backend.new_storage()
    until = storage.pass_challenge("s", 120.0, T0)
    assert until == T0 + 120
    key = storage.sender_keys("s")[4]  # the slices hash
    client = storage._sync()
    assert 0 < client.pttl(key) <= 120_000
    storage.forget("s")
    assert not client.exists(key)


SENDERS = ("new1", "new2", "old1", "old2", "anon")
CONTEXTS = {
    "new1": {"account_age": 3600, "verified_email": False},
    "new2": {"account_age": "2d", "verified_phone": False},
    "old1": {"account_age": "2y", "verified_email": True},
    "old2": {"account_age": "30d", "verified_phone": False},
    "anon": None,
}
TEXTS = ("Win a free cruise, call 0800 {n} now to claim your prize today",
         "hi", "see you at {n}", "Cheap meds at pharma-{n} dot com, order today and save")


@pytest.mark.parametrize("seed", range(3))
def test_engine_on_strict_toml_matches_memory(redis_backend: Any, seed: int) -> None:
    rng = random.Random(9000 + seed)
    clock = VirtualClock(T0)
    graph = MemoryGraph()
    people = [f"p{i}" for i in range(12)]
    for person in people:
        for sender in SENDERS:
            if rng.random() < 0.9:
                graph.follow(person, sender)
    ruleset = load_rules(ROOT / "rules" / "strict.toml")
    reference = Engine(ruleset, storage=UnsweptMemory(), graph=graph, clock=clock)
    tested = Engine(ruleset, storage=redis_backend.new_storage(), graph=graph, clock=clock)
    for step in range(250):
        clock.advance(rng.choice([0.5, 3, 20, 200, 900]))
        sender = rng.choice(SENDERS)
        roll = rng.random()
        recipients = (sender,) if roll < 0.08 else tuple(rng.sample(people, rng.choice([1, 1, 2])))
        text = rng.choice(TEXTS).format(n=rng.choice([1, 2, 3, 42]))
        request = SendRequest(sender, recipients, text, app=rng.choice([None, None, "app1"]),
                              context=CONTEXTS[sender])
        assert tested.check(request) == reference.check(request), f"seed {seed}, step {step}"
        if rng.random() < 0.04:
            assert tested.challenge_passed(sender) == reference.challenge_passed(sender)
