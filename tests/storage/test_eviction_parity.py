"""Random walks that keep duplicates traces full (the eviction choice: small max_texts,
recipients shared between texts, matches in the middle, reloads that shrink max_texts,
the clock stepping back, count_followed and shadow rules) and strangers_only cooldowns
(conversations, shadow and enforce, restart_on_attempt both ways): the Lua transition
against the core, result and stored traces."""

from __future__ import annotations

import random
from typing import Any

import pytest

from policy import parse_rules
from policy.core import Features, TransitionInput
from tests.conftest import T0
from tests.storage.test_storage_parity import UnsweptMemory, _core_traces, _stored_traces

TEMPLATE = """
[[rules]]
name = "pause"
check = "cooldown"
duration = "{pause}"
triggered_by = ["d", "f"]
restart_on_attempt = {restart}
strangers_only = true

[[rules]]
name = "pause_shadow"
check = "cooldown"
mode = "shadow"
duration = "70s"
triggered_by = ["d", "f", "d_shadow"]
restart_on_attempt = {restart2}
strangers_only = true

[[rules]]
name = "d"
check = "duplicates"
similarity = 0.75
recipients = {rec}
window = "{window}"
max_texts = {m1}
min_chars = 0

[[rules]]
name = "d_shadow"
check = "duplicates"
mode = "shadow"
similarity = 0.5
recipients = 3
window = "3m"
max_texts = {m3}
min_chars = 0

[[rules]]
name = "f"
check = "duplicates"
count_followed = true
similarity = 0.75
recipients = {rec2}
window = "4m"
max_texts = {m2}
min_chars = 0
"""


def _rules(rng: random.Random) -> tuple:
    text = TEMPLATE.format(
        pause=rng.choice(["40s", "2m"]), restart=rng.choice(["true", "false"]),
        restart2=rng.choice(["true", "false"]), rec=rng.choice([2, 3, 4, 6]),
        rec2=rng.choice([2, 3, 5]), window=rng.choice(["2m", "5m"]),
        m1=rng.choice([1, 2, 3, 4, 5]), m2=rng.choice([1, 2, 3]), m3=rng.choice([1, 2, 4]))
    return tuple(r for r in parse_rules(text, file="<fuzz>").active if r.stateful)


def _sig(rng: random.Random, bases: list[bytes]) -> bytes | None:
    if rng.random() < 0.05:
        return None
    sig = bytearray(rng.choice(bases))
    for _ in range(rng.choice([0, 0, 0, 1, 4, 10])):
        sig[rng.randrange(32)] = rng.randrange(256)
    return bytes(sig)


def _units(rng: random.Random, pool: int, k: int) -> tuple:
    return tuple((f"u{rng.randrange(pool)}", rng.choice([0, 0, 0, 1, 1, 2])) for _ in range(k))


@pytest.mark.parametrize("seed", range(40))
def test_full_traces_and_strangers_only_match_the_core(redis_backend: Any, seed: int) -> None:
    rng = random.Random(7000 + seed)
    memory, storage = UnsweptMemory(), redis_backend.new_storage()
    bases = [bytes(rng.randrange(256) for _ in range(32)) for _ in range(rng.choice([3, 6, 12]))]
    pool = rng.choice([3, 5, 9])
    rules = _rules(rng)
    now = T0 + rng.random()
    for step in range(300):
        roll = rng.random()
        if roll < 0.6:
            now += rng.choice([0.0, 0.5, 1.0, 3.0, 10.0])
        elif roll < 0.9:
            now += rng.uniform(5, 100)
        elif roll < 0.96:
            now += rng.uniform(100, 400)
        else:
            now -= rng.uniform(0, 150)
        if rng.random() < 0.05:
            rules = _rules(rng)  # a reload: max_texts, recipients, restart change
        units = _units(rng, pool, rng.choice([0, 1, 1, 1, 2, 3, 4]))
        people = None if rng.random() < 0.7 else _units(rng, pool + 2, rng.choice([1, 2, 3]))
        feats = Features(app=None, self_message=False, signature=_sig(rng, bases),
                         text_chars=40, units=units, people=people,
                         contact=rng.random() < 0.2)
        inp = TransitionInput(rules, feats, rng.random() < 0.08)
        expected = memory.transition("s", inp, now)
        got = storage.transition("s", inp, now)
        assert got == expected, f"seed {seed}, step {step}"
        assert _stored_traces(storage, "s") == _core_traces(memory, "s", now, rules), \
            f"seed {seed}, step {step}"
        if rng.random() < 0.01:
            memory.forget("s")
            storage.forget("s")
