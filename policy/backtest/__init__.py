"""Backtests: simulate traffic, replay it through the engine on a virtual clock, report.

- ``events``: the JSON Lines event format (validation, a streaming reader, a writer).
- ``simulate``: a deterministic generator of realistic traffic (optionally real texts).
- ``replay``: runs events through one or two rule sets and gathers the summary.
- ``summary``: that summary, typed (``ReplaySummary``), read by every renderer.
- ``report``: the self-contained HTML report (matplotlib, imported lazily).
- ``quality``: the detection-quality experiment of the duplicates rule.
"""
