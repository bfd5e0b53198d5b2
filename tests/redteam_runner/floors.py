"""What the blind rounds' tests assert of a measured run (``run.measure``): each tactic's
contained share at least its floor, no spam sender past 50 strangers a day, ordinary users
refused at most a ceiling. One body for every round that measures with the shared runner."""
from __future__ import annotations

from typing import Any

DAY_BOUND = 50  # the bound: strangers a spam sender reaches in a day


def assert_contained_at_least(measured: tuple[dict[str, list[Any]], list[Any]], tactic: str,
                              floor: float) -> None:
    results = measured[0][tactic]
    share = sum(r.contained for r in results) / len(results)
    assert share >= floor - 1e-9, (tactic, share)


def assert_strangers_a_day_bounded(measured: tuple[dict[str, list[Any]], list[Any]],
                                   bound: int = DAY_BOUND) -> None:
    for tactic, results in measured[0].items():
        assert max(r.reached for r in results) <= bound, tactic


def assert_ham_refused_at_most(measured: tuple[dict[str, list[Any]], list[Any]], users: int,
                               ceiling: int) -> None:
    hams = measured[1]
    assert len(hams) == users
    refused = [h for h in hams if h.refused]
    assert len(refused) <= ceiling, [(h.user, h.kind, h.refused[0]) for h in refused[:5]]


def assert_reached_contained(reached: list[int], count: int, tactic: str, floor: float) -> None:
    """For rounds with their own simulators (30, 31): ``reached`` holds the strangers each of
    a tactic's ``count`` spam senders reached; the share at 4 or fewer is at least the floor,
    and no sender passed the day's bound."""
    assert len(reached) == count, tactic
    share = sum(n <= 4 for n in reached) / len(reached)
    assert share >= floor - 1e-9, (tactic, share)
    assert max(reached) <= DAY_BOUND, tactic
