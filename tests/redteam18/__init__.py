"""Round 18: campaigns written blind by an outside red-team helper (public rules only)."""
