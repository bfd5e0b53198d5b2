"""Properties over random inputs (hypothesis): the quota never admits one message too many
in any window, and bad input never changes state."""

from __future__ import annotations

import bisect
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy import Engine, InvalidRequest, MemoryGraph, SendRequest, parse_rules
from policy.clock import VirtualClock
from policy.storage import MemoryStorage
from tests.conftest import DEFAULT_RULES, T0

QUOTA_RULES = """
[[rules]]
name = "q"
check = "quota"
limit = "{limit}/{period}"
precision = {precision}
"""

WINDOWS = {"day": 86400, "hour": 3600, "minute": 60}


def _engine(limit: int, period: str, precision: int, clock: VirtualClock) -> Engine:
    rules = parse_rules(QUOTA_RULES.format(limit=limit, period=period, precision=precision))
    return Engine(rules, storage=MemoryStorage(), clock=clock)


def _max_in_any_window(times: list[float], window: float) -> int:
    """The most admitted sends in any half-open window (t - window, t]."""
    best = 0
    for i, t in enumerate(times):
        start = bisect.bisect_right(times, t - window)
        best = max(best, i + 1 - start)
    return best


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    limit=st.integers(1, 12),
    period=st.sampled_from(list(WINDOWS)),
    precision=st.sampled_from([1, 4, 24, 96]),
    gaps=st.lists(st.floats(0, 1.0, allow_nan=False), min_size=1, max_size=150),
    scale=st.sampled_from([0.01, 0.1, 1.0]),
    offset=st.floats(0, 1000, allow_nan=False),
)
def test_random_send_sequences_never_exceed_the_quota_in_any_window(
    limit: int, period: str, precision: int, gaps: list[float], scale: float, offset: float
) -> None:
    window = WINDOWS[period]
    clock = VirtualClock(T0 + offset)
    engine = _engine(limit, period, precision, clock)
    admitted: list[float] = []
    for gap in gaps:
        clock.advance(gap * scale * window / 4)
        decision = engine.check(SendRequest("s", ("r",), "x"))
        if decision.allowed:
            admitted.append(clock.now)
        else:
            # A refusal names a time, and capacity is really back then.
            assert decision.retry_after is not None and decision.retry_after > 0
    assert _max_in_any_window(admitted, window) <= limit


@settings(max_examples=30, deadline=None)
@given(
    limit=st.integers(1, 6),
    precision=st.sampled_from([1, 6, 96]),
    burst=st.integers(1, 20),
    offset=st.floats(0, 86400, allow_nan=False),
)
def test_retry_after_is_exact(limit: int, precision: int, burst: int, offset: float) -> None:
    clock = VirtualClock(T0 + offset)
    engine = _engine(limit, "day", precision, clock)
    for _ in range(burst):
        clock.advance(1)
        decision = engine.check(SendRequest("s", ("r",), "x"))
    if decision.allowed:
        decision = engine.check(SendRequest("s", ("r",), "x"))
    while decision.allowed:
        decision = engine.check(SendRequest("s", ("r",), "x"))
    wait = decision.retry_after
    assert wait is not None
    clock.advance(wait - 0.001)
    assert not engine.check(SendRequest("s", ("r",), "x")).allowed
    # That refused attempt did not move the date (quota refusals consume nothing).
    clock.advance(0.001)
    assert engine.check(SendRequest("s", ("r",), "x")).allowed


def test_1000_per_day_at_random_times_never_exceeds_1000_in_24_hours() -> None:
    import random

    rng = random.Random(7)
    clock = VirtualClock(T0 + 123.4)
    engine = _engine(1000, "day", 96, clock)
    admitted: list[float] = []
    for _ in range(6000):  # about 3 days of heavy, bursty traffic
        clock.advance(rng.expovariate(1 / 45) if rng.random() < 0.9 else rng.uniform(0, 3600))
        if engine.check(SendRequest("s", ("r",), "x")).allowed:
            admitted.append(clock.now)
    assert len(admitted) > 2000  # the test exercised the limit many times over
    assert _max_in_any_window(admitted, 86400) <= 1000


# -- bad input --------------------------------------------------------------

ids = st.one_of(st.none(), st.integers(), st.binary(max_size=3), st.just(""), st.just("   "),
                st.text(min_size=257, max_size=300), st.lists(st.text(max_size=2), max_size=2))
valid_id = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1,
                   max_size=20).filter(lambda s: s.strip())


@st.composite
def bad_requests(draw: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "sender": draw(valid_id),
        "recipients": (draw(valid_id),),
        "text": draw(st.text(max_size=50)),
        "app": None,
        "channel": "api",
        "conversation": None,
    }
    broken = draw(st.sampled_from(sorted(fields)))
    if broken == "sender":
        fields["sender"] = draw(ids)
    elif broken == "recipients":
        fields["recipients"] = draw(st.one_of(
            st.just(()), st.just([]), st.text(max_size=5), st.none(), st.integers(),
            st.tuples(ids), st.tuples(valid_id, ids),
            valid_id.map(lambda r: (r, r)),
        ))
    elif broken == "text":
        fields["text"] = draw(st.one_of(st.none(), st.integers(), st.binary(max_size=5),
                                        st.lists(st.text(max_size=3), max_size=2)))
    elif broken == "channel":
        fields["channel"] = draw(st.one_of(st.none(), st.integers(),
                                           st.text(max_size=5).filter(lambda c: c not in ("api", "sms"))))
    else:
        fields[broken] = draw(st.one_of(st.integers(), st.just(""), st.binary(max_size=3),
                                        st.text(min_size=257, max_size=260)))
    return fields


@settings(max_examples=300, deadline=None)
@given(fields=bad_requests())
def test_bad_input_raises_invalid_request_and_changes_nothing(fields: dict[str, Any]) -> None:
    graph = MemoryGraph()
    storage = MemoryStorage()
    engine = Engine.from_file(DEFAULT_RULES, storage=storage, graph=graph,
                              clock=VirtualClock(T0))
    with pytest.raises(InvalidRequest) as raised:
        engine.check(SendRequest(**fields))  # type: ignore[arg-type]
    assert str(raised.value)  # a readable message
    assert len(storage) == 0  # no sender state was written


def test_engine_refuses_what_is_not_a_request() -> None:
    storage = MemoryStorage()
    engine = Engine.from_file(DEFAULT_RULES, storage=storage)
    for bad in (None, {"sender": "a"}, "hello", 42):
        with pytest.raises(InvalidRequest):
            engine.check(bad)  # type: ignore[arg-type]
    assert len(storage) == 0


@pytest.mark.parametrize(
    "fields",
    [
        {"sender": "a\ud800", "recipients": ("b",), "text": "hi"},
        {"sender": "a", "recipients": ("b\udfff",), "text": "hi"},
        {"sender": "a", "recipients": ("b",), "text": "half a pair \ud83d"},
        {"sender": "a", "recipients": ("b",), "text": "hi", "app": "\udc80"},
    ],
)
def test_lone_surrogates_are_invalid_input(fields: dict[str, Any]) -> None:
    with pytest.raises(InvalidRequest, match="lone surrogate"):
        SendRequest(**fields)
