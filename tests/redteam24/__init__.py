"""Round 24: blind campaigns and ordinary users against the default rules."""
