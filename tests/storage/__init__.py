"""Tests of policy/storage/: memory:// and Redis held to one oracle, Redis faults,
concurrency, round trips, and the engine when its storage fails."""
