"""Round 35: ordinary users only, as people use direct messages in 2026, written blind."""
