"""Detection quality of the default duplicates rule on real texts (the SMS Spam Collection).

A simulation with the corpus's spam as campaigns that evade (digits, look-alike
letters, zero-width characters, spacing, case) and its ham as ordinary users
(two-way conversations, short phrases to several friends, invitations) is
replayed under the default rules and under exact-hash baselines. The README's
detection table comes from ``dm-policy quality`` (a bigger run of the same).
One test, so that the experiment runs once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policy.backtest.quality import TARGET_CAUGHT, TARGET_COOLED, format_table, run_quality
from tests.conftest import DEFAULT_RULES

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_default_rule_meets_the_targets_and_beats_exact_hashes(corpus_path: Path) -> None:
    # 1,500 accounts over 12 hours: 150 spam campaigns, 1,350 ordinary users.
    result = run_quality(corpus_path, rules=DEFAULT_RULES, seed=11, senders=1500, hours=12)
    table = format_table(result)
    by = {row["detector"]: row for row in result["rows"]}
    default, exact, naive = by["default"], by["exact-hash"], by["exact-hash, naive"]
    assert default["spam_senders"] >= 100 and default["ordinary_senders"] >= 1000

    # The targets.
    assert default["caught_by_5th_recipient_share"] >= TARGET_CAUGHT, table
    assert default["ordinary_cooled_down_share"] <= TARGET_COOLED, table

    # Exact hashes miss the evading campaigns...
    assert exact["caught_by_5th_recipient_share"] < 0.5 * default["caught_by_5th_recipient_share"]
    # ...and, counting every recipient and every text, flag many ordinary users.
    assert naive["ordinary_cooled_down_share"] > 5 * max(default["ordinary_cooled_down_share"],
                                                         0.001), table
    assert table.count("\n") == 1 + len(result["rows"]) and "| default |" in table
