"""Round 16: loan pitches. Three red teams wrote loan scams (round 13's loan in 3 parts,
round 14's quick_loan, round 15's loan_nocontact), and each got through more often than
its other families: "bad credit ok", "you qualify for up to $5,000", "we can lend up to
five thousand", "same day approval" read as nothing. What the reader now reads, and the
ordinary money talk that stays talk (a helper's false-positive review: 321 ordinary
messages about borrowing, rent, credit and approvals); each positive case failed before."""

from __future__ import annotations

import pytest

from policy.promotion import reads_as_promotion


@pytest.mark.parametrize("text", [
    "Pre-approved: you qualify for up to $5,000 today, bad credit ok",
    "We can lend up to five thousand, any your score, text me your name",
    "Same day approval, all credit welcome",
    "Your loan application was approved for release",
    "Need cash fast? Instant approval, poor credit considered, funds in 24 hours",
    "Hello, your advance application is ready for disbursement, reply to confirm",
    "You qualify for up to 5k in emergency funds, no fees, apply now",
    "I'm a licensed money lender, quick approval, small charge first, want it?",
])
def test_loan_pitches(text: str) -> None:
    assert reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    "You're eligible for up to 3 free checked bags with that card",  # no sum after "up to"
    "Small fee first time you register, after that it's free",
    "I can lend you up to 50 bucks till friday",
    "Our loan application was approved!! money should hit Tuesday",  # ours, not yours
    "I got pre-approved for a car loan, so excited",
    "Instant deposit on venmo costs a 1.75% fee",  # an app's feature, not a lender's
    "fast approval from the co-op board, we move in june!",
    "my aunt's family money lender never charges her interest",
    "bad credit is ok as long as you have a cosigner, the dealer said",
])
def test_money_talk_stays_talk(text: str) -> None:
    assert not reads_as_promotion(text)
