"""Tests of policy/backtest/: simulate, replay, report, detection quality, adversary."""
