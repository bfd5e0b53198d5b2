"""Round 34: the issue's second campaign simulation on the SMS Spam Collection, blind."""
