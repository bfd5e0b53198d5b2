"""One home per rule kind: a kind is its module and its Lua section, nothing else.

A toy stateful kind (``tests/checks/toy_refusals.py``) is added without touching the core,
the engine or the drivers, and runs the same on memory:// and Redis; the core and
the engine name no kind.
"""

from __future__ import annotations

import ast
import random
from collections.abc import Iterator
from typing import Any

import pytest

from policy import Engine, MemoryGraph, SendRequest
from policy.checks import KINDS, register
from policy.clock import VirtualClock
from policy.rules import load_rules
from tests.checks import toy_refusals
from tests.conftest import ROOT, T0, rules_file

TOY_RULES = rules_file("toy-refusals")


@pytest.fixture(autouse=True)
def toy_kind() -> Iterator[None]:
    register(toy_refusals)
    yield
    KINDS.pop(toy_refusals.KIND, None)


def _run(storage: Any, seed: int) -> list[tuple[Any, ...]]:
    graph = MemoryGraph()
    for i in range(6):
        if i % 2 == 0:
            graph.follow(f"p{i}", "s")
    clock = VirtualClock(T0)
    engine = Engine(load_rules(TOY_RULES), storage=storage, graph=graph, clock=clock)
    rng = random.Random(seed)
    out = []
    for _ in range(160):
        clock.advance(rng.choice([0.0, 1.0, 30.0, 61.0, 200.0, 599.0, 600.0, 900.0]))
        d = engine.check(SendRequest("s", (f"p{rng.randrange(6)}",), "hello there"))
        out.append((d.verdict, tuple((r.rule, r.code, r.retry_after) for r in d.reasons),
                    d.quota))
    return out


def test_a_toy_kind_runs_the_same_on_memory_and_redis(redis_backend: Any) -> None:
    for seed in range(3):
        expected = _run("memory://", seed)
        got = _run(redis_backend.new_storage(), seed)
        assert got == expected, seed
        codes = {code for _, reasons, _ in expected for _, code, _ in reasons}
        assert {"too_many_refusals", "not_follower", "quota_exceeded"} <= codes


def test_the_toy_kind_refuses_after_three_refusals() -> None:
    graph = MemoryGraph()
    clock = VirtualClock(T0)
    engine = Engine(load_rules(TOY_RULES), graph=graph, clock=clock)
    for _ in range(3):
        assert engine.check(SendRequest("s", ("stranger",), "hi")).code == "not_follower"
    graph.follow("friend", "s")
    refused = engine.check(SendRequest("s", ("friend",), "hi"))
    assert refused.code == "too_many_refusals"
    assert refused.retry_after == pytest.approx(600.0)
    clock.advance(599.0)  # each refusal restarts the window
    assert engine.check(SendRequest("s", ("friend",), "hi")).code == "too_many_refusals"
    clock.advance(599.0)
    assert not engine.check(SendRequest("s", ("friend",), "hi")).allowed
    clock.advance(601.0)
    assert engine.check(SendRequest("s", ("friend",), "hi")).allowed


def test_an_unknown_kind_is_refused_by_register() -> None:
    import types

    with pytest.raises(TypeError, match="lacks"):
        register(types.ModuleType("nothing"))


KIND_NAMES = ("apps", "cooldown", "duplicates", "quota", "group", "follows", "text_length",
              "reports")


@pytest.mark.parametrize("path", ["policy/core.py", "policy/engine.py"])
def test_the_core_and_the_engine_name_no_kind(path: str) -> None:
    tree = ast.parse((ROOT / path).read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert not node.module.startswith("policy.checks.") or node.module.endswith(".base"), (
                f"{path} imports {node.module}")
            assert node.module != "policy.checks" or all(
                a.name in ("KINDS", "register") for a in node.names), path
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            assert node.value not in KIND_NAMES, f"{path} names the kind {node.value!r}"
        if isinstance(node, ast.Compare):
            for side in (node.left, *node.comparators):
                assert not (isinstance(side, ast.Attribute) and side.attr == "kind"), (
                    f"{path} branches on a rule's kind (line {node.lineno})")


def test_a_kind_without_lua_once_keeps_its_rule_set_on_evalsha() -> None:
    """The toy kind's Lua reads KEYS[5] and keeps its table when defined: a function
    library would share them between calls. Without ``LUA_ONCE`` the rule set is never a
    library, and its decisions are EVALSHA (the test above: the same on Redis)."""
    from policy.storage.redis.script import loads_once, transition_script

    toy = tuple(r for r in load_rules(TOY_RULES).active if r.stateful)
    default = tuple(r for r in load_rules(ROOT / "rules" / "default.toml").active if r.stateful)
    assert not loads_once(toy) and transition_script(toy).function is None
    assert loads_once(default) and transition_script(default).function is not None
    assert transition_script(default).library.startswith("#!lua name=dmpolicy_")
