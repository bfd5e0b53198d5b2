"""A clock moved by hand, for the engine's ``clock=``: replays set it to each event's time,
tests and benchmarks advance it.

    clock = VirtualClock(1_800_000_000.0)
    engine = Engine.from_file("default", graph=graph, clock=clock)
    clock.advance(3600)          # an hour later, for the engine
    clock.now = event_time       # or set it outright
"""

from __future__ import annotations


class VirtualClock:
    """Epoch seconds that change only when told: ``now`` is the reading, ``clock()`` returns it."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        """Move the clock ``seconds`` forward; returns the new reading."""
        self.now += seconds
        return self.now
