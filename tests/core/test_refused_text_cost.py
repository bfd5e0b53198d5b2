"""Issue 13 item 4: a refused text costs no fingerprint, and any text's work is bounded.

Speed is never asserted as a time here (``benchmarks/refused_text.py`` prints it): the
tests count the calls to the expensive steps (normalisation, signature, contact search)
and the characters they are given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from policy import Engine, MemoryGraph, SendRequest, fingerprint
from policy.rules import load_rules, parse_rules
from tests.conftest import DEFAULT_RULES, T0, VirtualClock

LONG = ("Win a FREE prize, call 0800 123 456 now! ünïcödé " * 3000)[:100_000]
CAMPAIGN = "Congratulations, you have won a prize: claim it at example.com/win today"


class Calls:
    """Wraps the expensive text steps of ``policy.fingerprint`` and records their inputs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.lengths: dict[str, list[int]] = {"normalize": [], "signature": [], "contact": []}
        for name, step in (("normalize", "normalize_counted"), ("signature", "signature_of_normalized"),
                           ("contact", "read_contacts")):
            monkeypatch.setattr(fingerprint, step, self._wrap(name, getattr(fingerprint, step)))

    def _wrap(self, name: str, real: Callable[[str], Any]) -> Callable[[str], Any]:
        def counted(text: str) -> Any:
            self.lengths[name].append(len(text))
            return real(text)

        return counted

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.lengths.values())

    def longest(self) -> int:
        return max((n for v in self.lengths.values() for n in v), default=0)


def _engine(rules: Any, graph: MemoryGraph, **kwargs: Any) -> Engine:
    ruleset = parse_rules(rules, file="<test>") if isinstance(rules, str) else load_rules(rules)
    return Engine(ruleset, graph=graph, clock=VirtualClock(T0), **kwargs)


@pytest.fixture
def followed() -> MemoryGraph:
    graph = MemoryGraph()
    for reader in ("bob", "carol", "dave"):
        graph.follow(reader, "alice")
    return graph


@pytest.mark.parametrize("cache", [2048, 0], ids=["text-cache", "no-text-cache"])
def test_a_text_refused_by_a_stateless_rule_is_never_normalised_nor_fingerprinted(
    monkeypatch: pytest.MonkeyPatch, followed: MemoryGraph, cache: int
) -> None:
    calls = Calls(monkeypatch)
    engine = _engine(DEFAULT_RULES, followed, text_cache_size=cache)
    for _ in range(3):
        decision = engine.check(SendRequest("alice", ("bob",), LONG))
        assert decision.code == "text_too_long"
    # A campaign text to a non-follower: refused by followers_only, the text not read.
    assert engine.check(SendRequest("alice", ("zed",), CAMPAIGN)).code == "not_follower"
    assert calls.total == 0, calls.lengths
    # The same campaign text to a follower is fingerprinted as before.
    assert engine.check(SendRequest("alice", ("bob",), CAMPAIGN)).allowed
    assert calls.lengths["normalize"] and calls.lengths["signature"]


UNBOUNDED_LENGTH = """
[[rules]]
name = "text"
check = "text_length"
mode = "{mode}"
max_chars = 140

[[rules]]
name = "duplicates"
check = "duplicates"
recipients = 3
min_chars = 32
contact_min_chars = 12

[[rules]]
name = "daily_quota"
check = "quota"
limit = "1000/day"
"""


@pytest.mark.parametrize("mode", ["shadow", "off"])
@pytest.mark.parametrize("cache", [2048, 0], ids=["text-cache", "no-text-cache"])
def test_text_work_is_bounded_for_any_length_when_no_rule_refuses_it(
    monkeypatch: pytest.MonkeyPatch, followed: MemoryGraph, mode: str, cache: int
) -> None:
    calls = Calls(monkeypatch)
    engine = _engine(UNBOUNDED_LENGTH.format(mode=mode), followed, text_cache_size=cache)
    for length in (200, fingerprint.MAX_CHARS + 1, 10_000, 100_000):  # 100,000: the most a request holds
        text = LONG[:length]
        assert engine.check(SendRequest("alice", ("bob",), text)).allowed
    assert calls.lengths["normalize"] and calls.lengths["contact"]
    assert calls.longest() <= fingerprint.MAX_CHARS


def test_long_texts_are_still_compared_by_their_beginning(followed: MemoryGraph) -> None:
    # Bounded work must not open a hole: a campaign padded past MAX_CHARS is still caught.
    engine = _engine(UNBOUNDED_LENGTH.format(mode="off"), followed)
    padded = CAMPAIGN + " " + "x" * 50_000
    verdicts = [engine.check(SendRequest("alice", (r,), padded + str(i))).code
                for i, r in enumerate(("bob", "carol", "dave"))]
    assert verdicts[-1] == "duplicate_content"
