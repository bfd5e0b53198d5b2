"""Round 25: blind campaigns and ordinary users against the default rules."""
