"""Red team, round 13: 17 campaign families of 2024-2026 written by a helper who had read
the rules and the reader but not the project's adversary (60 spammers a family, seeds 1
to 3). What the reader missed, and what it must still read as talk; each positive case
failed before its fix."""

from __future__ import annotations

import pytest

from policy.promotion import has_scam_words, reads_as_promotion
from policy.ways_back import read_contacts


@pytest.mark.parametrize(("text", "key"), [
    # cheap top-level domains of scam pages: after a hyphened name, with a path, alone
    ("pay the redelivery fee at parcel-care-pay.homes today", "d:parcel-care-pay.homes"),
    ("see insta-maxi.motorcycles/case849 before it is gone", "d:insta-maxi.motorcycles"),
    ("log in at ount-secsec.rest to keep your account", "d:ount-secsec.rest"),
    ("The team opened the portal: ifyh3lp.boats", "d:ifyh3lp.boats"),
    ("track it at deltrack.tech/a1", "d:deltrack.tech"),
    # a word top-level domain under a subdomain
    ("Link the Phantom at app.zenify.center before midnight", "d:zenify.center"),
    # the sender's other account, named
    ("u seem cute haha. my private account = ruby_secret39", "h:ruby_secret39"),
    ("my other acc is nova.fit22", "h:nova.fit22"),
    ("my backup page is jade_vip8 👀", "h:jade_vip8"),
])
def test_ways_back_the_reader_missed(text: str, key: str) -> None:
    contact, keys = read_contacts(text)
    assert contact and key in keys, keys


@pytest.mark.parametrize("text", [
    "fr33 for the first 50 subs 🔥 my link 's in my bio hun",
    "free 4 the first 50 subs, my link's on the bio",
])
def test_pointers_to_the_profile_written_loosely(text: str) -> None:
    assert read_contacts(text)[0]


@pytest.mark.parametrize("text", [
    "Complimentary pieces + 30% off link. Keen?",
    "Hi dear, Im a successful businessman looking for a young lady to support weekly. Keen?",
    "R u looking for some financial support? Im an mature gentleman with money to share",
    "I want to make a lady smile by paying her bills. Let me spoil u",
    "We offering a easy remote role: rate products, paid per task. Keen?",
    "r u open to some flexible work right now? We pay well and it only takes 1h daily",
    "want to c the uncensored set? its all at the OF",
    "Join my free stock alerts channel today",
    "The VIP channel just hit +212% last month, few spots left",
])
def test_pitches_the_reader_missed(text: str) -> None:
    assert reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    "@mark.capital helped my family build our savings. Look them out",
    "Big thanks to @anna_wealth for helping me get back my money from that platform",
    "I hired @unlock_ops_, got it all returned",
])
def test_a_testimony_keeps_the_account_it_names(text: str) -> None:
    # the contacts rule counts the same @account to a 5th stranger only in a text with a
    # word of the trade: a testimony is one
    assert has_scam_words(text) and read_contacts(text)[1]


@pytest.mark.parametrize("text", [
    "the young lady at the desk was nice", "I can't pay your bills lol",
    "my main account is private", "my new account is empty lol", "e.g. the.center of town",
    "the well-being. Space is what I need", "long-term. Live with it",
    "sambar.life is good", "@dave helped me move house, great guy",
    "i got 20% off 4 a salon", "the boats are in the harbour. homes too",
    "we pay well for good coffee here", "thanks for the link in the bio lab email",
    # a reviewer's ordinary messages read by the first version of round 13's patterns
    "the lake was packed.boats everywhere lol", "can you add an index on listings.homes?",
    "the crash is in player.stats.health going negative", "state.cart.delivery is undefined",
    "my main account is U.S. based", "my main acc: lvl.80 paladin",
    "my other account is chase.2 in the app", "link's on the bio? i can't find it on mobile",
    "the uncensored version of the movie is on netflix now",
    "my call drops every time i enter the tunnel, network is trash",
    "my uncle keeps giving me stock tips, lost money on all of them",
    "finally got into the youtube partner program!! first income next month",
    "the young lady at the bakery gave me a free cookie lol",
    "i have bad credit so the loan rates are awful", "the food truck takes cash, no checks",
    "i'm behind on rent this month, can i borrow some money till friday?",
    "my jungle main has a 60% win rate, free elo", "the pay is good but the hours suck, daily",
    "check out @lena.codes portfolio", "@mike_b withdrew from the tournament",
    "@sam_r helped me get a job at his company", "@delta finally got my luggage back",
    "stocks are +20% today lol", "few spots left at the pottery class!",
])
def test_talk_stays_talk(text: str) -> None:
    contact, _ = read_contacts(text)
    assert not contact and not reads_as_promotion(text)
    if "@" in text:
        assert not has_scam_words(text)
