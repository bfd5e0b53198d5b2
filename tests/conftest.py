"""Shared fixtures: a virtual clock, a graph, and engines on every storage driver.

``engine_factory`` is parametrised over the storage backends in
``tests/backends.py``: every test that uses it runs once per driver, so
memory:// and Redis are held to the same oracle.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from policy import Engine, MemoryGraph
from policy.clock import VirtualClock
from policy.rules import RuleSet, load_rules
from tests.backends import BACKENDS, REDIS_LUA, Backend

TESTS = Path(__file__).resolve().parent  # tests/: the helpers here, the tests in subpackages
ROOT = TESTS.parent
DATA = TESTS / "data"
RULES = TESTS / "rules"  # rules files the tests share: rules_file(name), load_test_rules(name)
DEFAULT_RULES = ROOT / "rules" / "default.toml"
CORPUS = ROOT.parent / "shared" / "data" / "sms_spam_collection.tsv"
# Engines on Redis need a key secret (policy/ids.py): the tests share this one, and the
# processes they start inherit it (tests/core/test_key_secret.py unsets it to test that).
os.environ.setdefault("DM_POLICY_KEY_SECRET", "dm-policy-tests-only-key-secret")
T0 = 1_800_000_000.0  # 2027-01-15T08:00:00Z: a fixed start for virtual clocks


def rules_file(name: str) -> Path:
    """``tests/rules/<name>.toml``: a whole rules file a test uses as such."""
    path = RULES / f"{name}.toml"
    if not path.is_file():
        raise FileNotFoundError(f"no rules file {name!r} in {RULES}")
    return path


def load_test_rules(name: str) -> RuleSet:
    """``tests/rules/<name>.toml``, loaded and validated like any rules file."""
    return load_rules(rules_file(name))


def dense_graph(rng: random.Random, people: list[str], share: float = 0.7) -> MemoryGraph:
    """Each of ``people`` follows each other one with probability ``share``."""
    graph = MemoryGraph()
    for a in people:
        for b in people:
            if a != b and rng.random() < share:
                graph.follow(a, b)
    return graph


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(T0)


@pytest.fixture
def graph() -> MemoryGraph:
    return MemoryGraph()


@pytest.fixture(params=[b.name for b in BACKENDS])
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    chosen = next(b for b in BACKENDS if b.name == request.param)
    with chosen.open(request) as opened:
        yield opened


@pytest.fixture(params=["fakeredis", "redis", "redis-lua"])
def redis_backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    """The Redis backends only (the parity tests compare them with memory://), and the real
    server without the state cache (every decision the Lua's)."""
    chosen = next(b for b in (*BACKENDS, REDIS_LUA) if b.name == request.param)
    with chosen.open(request) as opened:
        yield opened


EngineFactory = Callable[..., Engine]


@pytest.fixture
def engine_factory(backend: Backend, clock: VirtualClock, graph: MemoryGraph) -> EngineFactory:
    """``engine_factory(rules=path_or_toml_text, **engine_kwargs)`` on the current backend."""

    def make(rules: str | Path = DEFAULT_RULES, **kwargs: Any) -> Engine:
        from policy.rules import load_rules, parse_rules

        ruleset = (
            parse_rules(rules, file="<test>")
            if isinstance(rules, str) and "[[rules]]" in rules
            else load_rules(rules)
        )
        kwargs.setdefault("graph", graph)
        kwargs.setdefault("clock", clock)
        return Engine(ruleset, storage=backend.new_storage(), **kwargs)

    return make


@pytest.fixture
def corpus_path() -> Path:
    if not CORPUS.exists():
        pytest.skip(f"the SMS Spam Collection is absent ({CORPUS}); it lives in ../shared/data")
    return CORPUS
