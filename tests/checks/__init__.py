"""Tests of policy/checks/: the rule kinds and how a new one plugs in."""
