"""Runs one spam sender for a simulated day against an engine, obeying every refusal: round 24's
harness (tests.redteam24.harness), which fits round 25's campaigns as they are."""
from __future__ import annotations

from tests.redteam24.harness import DAY, NON_SPAM, SenderResult, run_sender

__all__ = ["DAY", "NON_SPAM", "SenderResult", "run_sender"]
