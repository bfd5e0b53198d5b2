"""policy/promotion.py: which texts read as a promotion, and what the rules do with them."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy import Engine, MemoryGraph, SendRequest
from policy.backtest.adversary import spin
from policy.backtest.simulate import evade
from policy.clock import VirtualClock
from policy.fingerprint import TextFeatures
from policy.promotion import reads_as_promotion
from policy.rules import load_rules

CAMPAIGNS = (
    "URGENT! You have won a prize. Claim it before Friday",
    "Congratulations ur awarded a holiday for 2, reply YES",
    "Free entry into our weekly competition, just text WIN",
    "Your mobile is due an upgrade: latest camera phone free",
    "As a valued customer you are entitled to a bonus",
    "Hot singles in your area want to chat tonight",
    "Get laid tonight, discreet local dating, join now",
    "Your account is suspended: verify your details today",
    "You have 1 unclaimed voucher, redeem it this week",
    "Ringtone club: 2 new tones a week, unsubscribe any time",
    "You are entitled to £500 compensation, act fast",
    "Complimentary cruise for 2: you have been selected",
    "You've won a prize!",
    # Obfuscated: digits and symbols in words, dots, small capitals, spaced-out words
    "Cl41m your pr1ze now",
    "c.l.a.i.m your p.r.i.z.e",
    "cl@im your vouch3r",
    "\u1d04\u029f\u1d00\u026a\u1d0d your prize",
    "You have been sELecT Ed for a com plimentary gift",
    "Cla\x00im your pri\u200bze",
)
TALK = (
    "Are you free now? Call me when you can",
    "I cant pick the phone right now. Pls send a message",
    "Did you win the match yesterday? Text me the score",
    "My mobile has no network here, sms me if urgent",
    "Great news, we picked up the keys today!",
    "Happy birthday! Hope you get lots of presents",
    "Congrats on the new job, well done you",
    "I'll call later, only 20 mins to go",
    "How was the trip? Send me the pics when you are back",
    "Lunch at the club tomorrow? My treat",
    "The customer wants the report by today",
    "Sorry, I forgot to reply, was at the gym",
    # Found by a reviewer: each read as a promotion in the first version of the lists,
    # and a group of 5 people who never wrote was refused on its first message.
    "Pub quiz tonight at 8, who's in?",
    "Are you watching the matches tonight?",
    "Congratulations to the team, well done!",
    "You won! drinks on me",
    "Got you a gift card for your birthday",
    "He is ineligible, call me",
    "Customer service will call you back",
    "I'll call later, 20 mins to go, the line rental is due",
    # A second reviewer's: a phrase and its own word counted twice, a gig announced.
    "Just found out I've been selected for the regional team. So happy!",
    "My account has been suspended again, any idea why?",
    "Playing the Crown on Saturday at 9, free entry, come down and say hi!",
    "My new ringtone is so annoying",
)


@pytest.mark.parametrize("text", CAMPAIGNS)
def test_campaign_wording_reads_as_a_promotion(text: str) -> None:
    assert reads_as_promotion(text)


@pytest.mark.parametrize("text", TALK)
def test_talk_with_a_pitch_word_or_two_does_not(text: str) -> None:
    assert not reads_as_promotion(text)


def test_one_trade_word_alone_is_not_enough() -> None:
    assert not reads_as_promotion("She finally got her prize")
    assert reads_as_promotion("Claim your prize")  # two trade words


def test_evasions_and_spintax_keep_it_a_promotion() -> None:
    rng = random.Random(4)
    base = "Congratulations! You have won a prize, claim it now, valued customer"
    variants = [evade(spin(base, rng), rng) for _ in range(400)]
    missed = [v for v in variants if not reads_as_promotion(v)]
    # A short word cut by the spacing evasion ("CL AIM") with every other trade word
    # spun away is missed: rare.
    assert len(missed) <= 8, missed
    assert reads_as_promotion("F R E E  E N T R Y to win a prize")  # letters spaced out
    assert reads_as_promotion("Cοngratulatiοns, claim yοur prize")  # Greek omicrons


def test_a_promotion_counts_as_a_contact_for_the_rules() -> None:
    facts = TextFeatures(0).of("Congratulations, claim your holiday before Friday", 1)
    assert facts.contact and facts.contacts == ()  # no number read: the words count
    assert not TextFeatures(0).of("Are you coming to dinner on Friday?", 1).contact


def test_promotions_to_strangers_stop_at_links_to_strangers() -> None:
    """Rotated prize texts with no number to strangers: the 5th stranger is refused."""
    clock, graph = VirtualClock(1_800_000_000.0), MemoryGraph()
    engine = Engine(load_rules("default"), graph=graph, clock=clock)
    limit = load_rules("default").get("links_to_strangers").params.limit
    rng = random.Random(2)
    trade = ["claim", "voucher", "redeem", "awarded", "winnings", "coupon", "ringtone"]
    # Texts unlike each other (duplicates does not see them): only their trade words count.
    plain = ("apple river stone cloud garden window candle market pepper violin harbor "
             "kitchen yellow bicycle morning letter blanket thunder orange pillow meadow "
             "lantern saddle mirror velvet canyon").split()
    delivered = 0
    for i in range(limit + 3):
        graph.follow(f"t{i}", "pitcher")
        text = " ".join(rng.sample(trade, 2) + rng.sample(plain, 8))
        clock.advance(600)
        decision = engine.check(SendRequest("pitcher", (f"t{i}",), text))
        if not decision.allowed:
            assert decision.reasons[0].rule == "links_to_strangers", decision.code
            break
        delivered += 1
    assert delivered == limit


def test_a_group_message_of_talk_to_four_people_who_never_wrote_is_allowed() -> None:
    """A new group of followers the sender does not follow: each counts for the strangers
    rules. Talk reaches 4 of them at once (the strangers rule's at_once; 5 are refused
    whatever the text), a text read as a promotion is refused at 5 by links_to_strangers
    (5 > 4), the first rule of the two in the file."""
    clock, graph = VirtualClock(1_800_000_000.0), MemoryGraph()
    engine = Engine(load_rules("default"), graph=graph, clock=clock)
    members = tuple(f"m{i}" for i in range(5))
    for member in members:
        graph.follow(member, "coach")
    for text in ("Pub quiz tonight at 8, who's in?", "Congratulations to the team, well done!"):
        clock.advance(600)
        assert engine.check(SendRequest("coach", members[:4], text)).allowed, text
    clock.advance(600)
    talk = engine.check(SendRequest("coach", members, "Training moves to Sunday morning, see you"))
    assert not talk.allowed and talk.reasons[0].rule == "strangers"
    refused = engine.check(SendRequest("coach", members, "Claim your prize tonight"))
    assert not refused.allowed and refused.reasons[0].rule == "links_to_strangers"


def test_a_send_alone_over_the_limit_says_to_send_it_to_fewer_people() -> None:
    """No wait lets a send to more new people than the limit through: the message says so
    instead of "you have sent ... to 4 people" (nothing was sent yet)."""
    clock, graph = VirtualClock(1_800_000_000.0), MemoryGraph()
    engine = Engine(load_rules("default"), graph=graph, clock=clock)
    members = tuple(f"m{i}" for i in range(5))
    for member in members:
        graph.follow(member, "club")
    refused = engine.check(SendRequest("club", members, "Claim your voucher, redeem it now"))
    assert not refused.allowed and refused.retry_after is None
    assert refused.reasons[0].rule == "links_to_strangers"
    message = refused.reasons[0].message
    assert "send it to fewer people" in message and "You have" not in message, message


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
               max_size=400)
       | st.text(alphabet="prizeclaimvoucher 0123456789@$!.-_*'£€%& \u200b\u0301ᴀ", max_size=200))
def test_any_text_reads_as_a_bool_and_never_raises(text: str) -> None:
    assert reads_as_promotion(text) in (True, False)
    assert TextFeatures(0).of(text, 1).contact in (True, False)


def test_odd_input_never_raises() -> None:
    for text in ("", "\ud800", "\udfff" * 320, "\x00" * 10, "\u0301" * 320, "\u202e" * 50,
                 "ﷺ" * 320, "£ " * 160, "🎁" * 100, "İ ß ǅ"):
        assert reads_as_promotion(text) in (True, False)
