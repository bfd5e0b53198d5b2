"""Round 16: loan pitches; and, from round 13's families, adult bait's app names in leet
and "priv" accounts, sugar daddies' CEOs, signal groups' clubs. Three red teams wrote loan scams (round 13's loan in 3 parts,
round 14's quick_loan, round 15's loan_nocontact), and each got through more often than
its other families: "bad credit ok", "you qualify for up to $5,000", "we can lend up to
five thousand", "same day approval" read as nothing. What the reader now reads, and the
ordinary money talk that stays talk (a helper's false-positive review: 321 ordinary
messages about borrowing, rent, credit and approvals); each positive case failed before."""

from __future__ import annotations

import pytest

from policy.promotion import reads_as_promotion
from policy.ways_back import read_contacts


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


@pytest.mark.parametrize(("text", "key"), [
    # round 13's adult bait: an app's name in leet, the sender's "priv" account
    ("bored in bed tonight, wanna see more at sn@p: lily.official", "h:lily.official"),
    ("haha u viewed my reel, message me on 7ele lilybab322", "h:lilybab322"),
    ("lonely rn, find me at my priv: lilybabe22", "h:lilybabe22"),
    ("mine priv account is lilybabe22 dont tell anyone", "h:lilybabe22"),
])
def test_an_apps_name_in_leet_and_a_priv_account(text: str, key: str) -> None:
    contact, keys = read_contacts(text)
    assert contact and key in keys, keys


@pytest.mark.parametrize("text", [
    "i need 1g of yeast for the bread",  # 1 letter: no app
    "k1k is my cat's name lol",
    "email me at bob@snap.com",  # an address: read as one, not as an app
    "my priv acc is private now, sorry",  # no account's name after it
])
def test_leet_and_priv_talk_is_not_an_apps_handle(text: str) -> None:
    keys = read_contacts(text)[1]
    assert not any(k.startswith("h:") for k in keys), keys


@pytest.mark.parametrize("text", [
    "Hi sweetie, Im a successful CEO looking for someone I can support every week. Keen?",
    "Hello everyone in our elite investors room 🚀. Today's signal drops by 9pm, stay tuned",
    "Welcome to the VIP traders club, next trade goes out at 8pm, +61% last week",
])
def test_sugar_and_signal_group_pitches(text: str) -> None:
    assert reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    "my dad was a successful ceo but he never had time for us",
    "the trade goes out at noon, then we can grab lunch",
    "our book club is basically an elite investors club now lol, all we talk about is stocks",
])
def test_ceos_and_clubs_in_talk(text: str) -> None:
    assert not reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    # round 14's account notices
    "Your account was selected for the gold badge, send ur login email to continue",
    "ur page was selected for the gold badge, reply with ur login email to continue",
    # a one-time code asked for, in leet: read as the digits stand for
    "hey, someone is attempting to sign in on your account from rus5ia, 1s this you? "
    "reply with the code y0u got",
])
def test_account_notices(text: str) -> None:
    assert reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    "send me your login info for netflix pls, mine expired",
    "someone tried to log in to your account from russia, change your password!!",
    "to avoid suspension he apologized to the whole class",
    "she finally got the blue check lol, so famous now",
])
def test_account_talk(text: str) -> None:
    assert not reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    # round 17's (written blind) fake support, debt relief and side hustle
    "Hi, this is Amy with Trust & Safety security. Our system detected a login from Oslo "
    "on a new device, answer this chat asap so I can lock it",
    "With the new federal relief program many folks cut it by 40%! Want to see your options? "
    "Only answer w/ how much you owe",
    "Under the 2026 hardship guidelines many families reduce it up to 50%! Want to see if "
    "you qualify?",
    "adds like 900 bucks extra each week, i'm showing the exact setup to 10 people this week, "
    "my faceless videos on autopilot",
])
def test_support_debt_and_hustle_pitches(text: str) -> None:
    assert reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    "give me the spare key so I can lock it when I leave",
    "i was on autopilot all day, sorry i forgot to text back",
    "the gym wants $20 extra each month for towels, ridiculous",
    "she's on the trust and safety team at work, very stressful job",
    "reply with your balance when you check the app, i think we're even",
])
def test_support_debt_and_hustle_talk(text: str) -> None:
    assert not reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    # a second helper's review of 319 ordinary messages about accounts, work and money,
    # and one pitch word added to those a phrase fell a point short on
    "our trust and safety team at work is hiring btw if ur interested",
    "the debt relief program at my job is actually legit, they help w student loans",
    "to avoid a ban dont use mods in ranked, its not worth the risk",
    "i'm teaching 6 people how to crochet saturday, it's free if you want to join",
    "send your login email so i can add you to the team workspace asap",
    "answer with how much u owe me and ill subtract the gas money",
    "the vip traders chat my uncle is in is so cringe, daily signals lol",
    "extra each month from the raise is nice, cash for the vacation",
    "loan forgiveness program for teachers is legit, check if u can apply",
])
def test_work_and_money_talk_stays_talk(text: str) -> None:
    assert not reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    # round 18's (written blind) inheritance lawyers, WhatsApp recruiters, brand deals
    "A late client who shares your surname left USD 5,200,000 unclaimed. Can we discuss? "
    "- Notary Oyelaran",
    "An estate of 1.9 million pounds has no next of kin and I traced it to you. Please respond",
    "A dormant account (1.9 million pounds) lists a relative with your name. Kindly confirm",
    "we have flexible online work, 4h a day, paid daily. let's continue on the app with the "
    "green bubble",
    "Koa Coffee is looking for ambassadors. Paid collab, no follower minimum. Answer here if keen",
    "your vibe fits our new launch and Koa Coffee wants to collab. We cover shipping. Interested?",
])
def test_inheritance_recruiters_and_brand_deals(text: str) -> None:
    assert reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    # a third helper's review (253 ordinary messages on estates, draws, collaborations,
    # shifts, pets, apps by colour): read by a first version of round 18's phrases
    "the international draw for the world cup tickets opened today",
    "lucky me, won the email draw for the parking space!!",
    "a £100 deposit reserves yours, rest on collection. vet checked",
    "the dormant fund at the credit union, mum asked about it",
    "weird, the notary shares your surname",
    "interested in a paid collab? my friend runs a jewellery shop, small budget",
    "text me on the green app and i'll send the puppy pics",
    "the job is 4 hrs a day, paid daily in cash",
])
def test_estates_draws_collabs_and_pets_in_talk(text: str) -> None:
    assert not reads_as_promotion(text)
