"""Round 22: an independent, blind replica of the adaptive-adversary evaluation.

Written from the README, docs/*.md, rules/default.toml and tests/redteam13/sim.py only
(not the project's adversary, reader, fingerprint or checks). ``python -m
tests.redteam22.run`` runs it; the SMS Spam Collection is read at run time from
``../shared/data/sms_spam_collection.tsv``.
"""
