"""``record_of``: a strangers rule that reads another's record instead of keeping its own
(the default rules' ``strangers``, 12 in 6 hours, reads ``strangers_daily``'s, 20 in a
day). Its decisions are those of a rule with a record of its own; it writes none, and a
record of its own left by an earlier release is dropped."""

from __future__ import annotations

import random

import pytest

from policy import Engine, MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.errors import RulesError
from policy.rules import load_rules, parse_rules
from tests.conftest import DEFAULT_RULES

LINE = 'record_of = "strangers_daily"\n'


def _decisions(rules_text: str, seed: int) -> list[tuple]:
    rng = random.Random(seed)
    graph, clock = MemoryGraph(), VirtualClock(1_800_000_000.0)
    engine = Engine(parse_rules(rules_text, file="<test>"), graph=graph, clock=clock)
    senders = ["s0", "s1", "s2"]
    people = [f"p{i}" for i in range(40)]
    for s in senders:
        for p in people:
            graph.follow(p, s)
        for p in rng.sample(people, 6):
            graph.follow(s, p)  # friends
    out = []
    words = ["lunch", "match", "train", "photos", "garden", "concert", "exam", "bike"]
    for _ in range(1500):
        clock.advance(rng.choice([5.0, 60.0, 600.0, 1800.0, 3600.0]))
        s = rng.choice(senders)
        to = tuple(rng.sample(people, rng.choice([1, 1, 1, 1, 2, 3, 5])))
        text = (rng.choice(["hi", "ok", "see you"]) if rng.random() < 0.2 else
                " ".join(rng.sample(words, 5)) + f" {rng.randrange(1000)}")
        if rng.random() < 0.05:
            graph.record_message(rng.choice(people), s)  # someone answers
        d = engine.check(SendRequest(s, to, text))
        out.append((d.verdict, d.code, d.retry_after, tuple(r.rule for r in d.reasons)))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_decisions_are_those_of_a_record_of_its_own(seed: int) -> None:
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    assert LINE in text
    with_own = _decisions(text.replace(LINE, ""), seed)
    derived = _decisions(text, seed)
    assert derived == with_own
    refused = [d for d in derived if d[3] and d[3][0] == "strangers"]
    assert refused  # the rule did refuse, on its own count


def _slices(engine: Engine, user: str) -> dict:
    plan = engine._plan_for(engine._rules)
    state, _ = engine._storage.snapshot(engine._keys.user(user), plan.stateful, None)
    assert state is not None
    return state.slices


def test_it_keeps_no_record_and_drops_an_old_one(
        backend, graph: MemoryGraph, clock: VirtualClock) -> None:
    for i in range(3):
        graph.follow(f"f{i}", "me")
    storage, secret = backend.new_storage(), "k" * 32

    def engine_factory(rules: str | None = None) -> Engine:
        ruleset = load_rules(DEFAULT_RULES) if rules is None else parse_rules(rules)
        return Engine(ruleset, storage=storage, graph=graph, clock=clock, key_secret=secret)
    # An earlier release kept strangers' own record: the same rules without record_of
    text = DEFAULT_RULES.read_text(encoding="utf-8")
    before = engine_factory(text.replace(LINE, ""))
    assert before.check(SendRequest("me", ("f0",), "are we still on for lunch tomorrow")).allowed
    assert {"strangers", "strangers_daily"} <= set(_slices(before, "me"))
    clock.advance(60)
    engine = engine_factory()  # the same storage
    assert engine.check(SendRequest("me", ("f1",), "and the cinema on friday night?")).allowed
    slices = _slices(engine, "me")
    # Left as it was while someone in it is inside its window (a process without
    # record_of during a deploy still counts on it), not written to, not read
    assert len(slices["strangers"]) == 1 and len(slices["strangers_daily"]) == 2
    standing = {r.rule: r for r in engine.standing("me").rules}
    assert standing["strangers"].detail["strangers_reached"] == 2
    clock.advance(6 * 3600)  # f0 leaves the 6 hours: dropped at the next send
    assert engine.check(SendRequest("me", ("f2",), "the photos from the trip are up")).allowed
    slices = _slices(engine, "me")
    assert "strangers" not in slices and len(slices["strangers_daily"]) == 3


def test_record_of_is_validated() -> None:
    base = ('[[rules]]\nname = "day"\ncheck = "strangers"\nlimit = 20\nwindow = "24h"\n\n'
            '[[rules]]\nname = "s"\ncheck = "strangers"\nlimit = 12\nwindow = "6h"\n')
    assert parse_rules(base + 'record_of = "day"\n').get("s").params.record_of == "day"
    for extra, words in [('record_of = "nope"\n', "names no other"),
                         ('record_of = "s"\n', "names no other"),
                         ('record_of = "day"\nwith_contact = true\n', "keeps its own"),
                         ('record_of = "day"\ncount_followed = true\n', "same people"),
                         ('record_of = "day"\nmode = "shadow"\n', "enforced")]:
        with pytest.raises(RulesError) as err:
            parse_rules(base + extra)
        assert "record_of" in str(err.value) and words in str(err.value), extra
    for extra, words in [('record_of = "day"\nwhen = { verified = false }\n', "`when`"),
                         ('record_of = "day"\nchallenge = ["too_many_strangers"]\n',
                          "`challenge`")]:
        with pytest.raises(RulesError) as err:
            parse_rules(base + extra)
        assert "record_of" in str(err.value) and words in str(err.value), extra
    longer = base.replace('limit = 12\nwindow = "6h"', 'limit = 30\nwindow = "6h"')
    with pytest.raises(RulesError):
        parse_rules(longer + 'record_of = "day"\n')
    assert load_rules(DEFAULT_RULES).get("strangers").params.record_of == "strangers_daily"
