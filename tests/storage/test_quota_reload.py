"""A reload that changes a quota's bucket length, window or name carries every sender's
standing over exactly or conservatively (issue 13, item 1), on memory://, fakeredis and
redis-server: never more admitted in any window than the old rule (then the new one)
allows, never a wait longer than the rule's window and a bucket or two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policy import SendRequest
from policy.clock import VirtualClock
from tests.conftest import T0

DAY = 86400.0


def quota_rules(name: str = "daily", limit: str = "1000/day", precision: int = 96,
                carries: str | None = None) -> str:
    extra = f'carries = "{carries}"\n' if carries else ""
    return (f'[storage]\non_error = "fail_closed"\n\n[[rules]]\nname = "{name}"\n'
            f'check = "quota"\nlimit = "{limit}"\nprecision = {precision}\n{extra}')


def _send(engine, n: int = 1) -> int:
    allowed = 0
    for _ in range(n):
        if engine.check(SendRequest("alice", ("bob",), "hi")).allowed:
            allowed += 1
    return allowed


def _worst_window(sends: list[float], window: float) -> int:
    """The most sends in any half-open window of ``window`` seconds."""
    sends = sorted(sends)
    best, lo = 0, 0
    for hi, t in enumerate(sends):
        while sends[lo] <= t - window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


CHANGES = {
    "finer_96_to_1440": quota_rules(precision=1440),
    "coarser_96_to_48": quota_rules(precision=48),
    "coarser_96_to_7": quota_rules(precision=7),
    "window_1d_to_2d_same_precision": quota_rules(limit="1000/2 days", precision=96),
    "renamed_with_carries": quota_rules(name="per_day", precision=96, carries="daily"),
    "renamed_and_finer": quota_rules(name="per_day", precision=1440, carries="daily"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_reload_carries_the_quota_over_never_more_never_stranded(
    engine_factory, clock: VirtualClock, tmp_path: Path, change: str
) -> None:
    engine = engine_factory(quota_rules())
    sends: list[float] = []
    clock.now = T0 + 7.5  # inside the first 15-minute bucket
    for _ in range(10):  # 1,000 over about 5 hours: 10 buckets of 100
        for _ in range(100):
            assert engine.check(SendRequest("alice", ("bob",), "hi")).allowed
            sends.append(clock.now)
        clock.advance(1800.0)
    assert not engine.check(SendRequest("alice", ("bob",), "hi")).allowed
    first_bucket_drops = T0 + 900 + DAY  # the oldest bucket, as the old rule counts it

    path = tmp_path / "new.toml"
    path.write_text(CHANGES[change])
    engine.reload(path)
    refused = engine.check(SendRequest("alice", ("bob",), "hi"))
    assert not refused.allowed, "the reload forgot what the sender used"
    # Never stranded: capacity returns after the old drop-out, within one new bucket
    assert refused.retry_after is not None
    assert clock.now + refused.retry_after >= first_bucket_drops - 1e-6
    # (a longer window: its own; the longest new bucket here is a day / 7)
    new_window = 2 * DAY if "2d" in change else DAY
    assert clock.now + refused.retry_after <= T0 + 900 + new_window + DAY / 7

    # Then greedy for 2 days: every 10 minutes, as many as it lets through.
    end = clock.now + 2 * DAY
    while clock.now < end:
        while engine.check(SendRequest("alice", ("bob",), "hi")).allowed:
            sends.append(clock.now)
        clock.advance(600.0)
    assert _worst_window(sends, DAY) <= 1000
    assert len(sends) > 1000, "the sender never got capacity back"


def test_the_retry_after_of_a_carried_quota_is_when_it_really_frees(
    engine_factory, clock: VirtualClock, tmp_path: Path
) -> None:
    """96 -> 48 buckets: the wait is the old drop-out rounded up to a new bucket, not
    the ~57 years of the old indices read as 30-minute buckets."""
    engine = engine_factory(quota_rules(limit="10/day"))
    clock.now = T0 + 100
    assert _send(engine, 10) == 10
    path = tmp_path / "new.toml"
    path.write_text(quota_rules(limit="10/day", precision=48))
    engine.reload(path)
    clock.advance(60)
    refused = engine.check(SendRequest("alice", ("bob",), "hi"))
    assert not refused.allowed
    # the old bucket [T0, T0 + 900) ends in the new bucket [T0, T0 + 1800)
    assert clock.now + refused.retry_after == T0 + 1800 + DAY
    clock.now = T0 + 1800 + DAY - 1
    assert _send(engine) == 0
    clock.now = T0 + 1800 + DAY
    assert _send(engine, 11) == 10


def test_a_renamed_quota_without_carries_starts_afresh_and_the_old_field_stays(
    engine_factory, clock: VirtualClock, tmp_path: Path
) -> None:
    """Documented: a new name without ``carries`` is a new rule (as adding one is)."""
    engine = engine_factory(quota_rules(limit="3/day"))
    assert _send(engine, 4) == 3
    path = tmp_path / "new.toml"
    path.write_text(quota_rules(name="other", limit="3/day"))
    engine.reload(path)
    assert _send(engine, 4) == 3


def test_carries_is_validated() -> None:
    from policy.errors import RulesError
    from policy.rules import parse_rules

    with pytest.raises(RulesError, match="carries"):
        parse_rules(quota_rules(carries="daily"))  # itself
    two = quota_rules() + quota_rules(name="b", carries="daily").split("\n\n", 1)[1]
    with pytest.raises(RulesError, match="carries"):
        parse_rules(two)  # a rule of the same file
    three = (quota_rules(name="a", carries="old")
             + quota_rules(name="b", carries="old").split("\n\n", 1)[1])
    with pytest.raises(RulesError, match="carries"):
        parse_rules(three)  # carried twice
    with pytest.raises(RulesError, match="carries"):
        parse_rules(quota_rules(carries="Not A Name"))
