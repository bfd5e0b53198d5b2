"""Red team, round 7: direct-message spam of today, not of the SMS corpus's years.

Two helpers who never saw the reader wrote 550 scams of the 2020s (crypto mentors,
wallet drains, task jobs, romance openers, sugar daddies, fake support, phishing
notices, fake brand deals, followers for sale...) and 400 ordinary messages in the same
words. The reader read 380 of the scams (69%); now 426 (77%), and none more of the
ordinary messages; a third helper's 400 ordinary messages written to use this round's
words are read 47 times (40 before, most for a price or a number). Each leak's test failed on the code before its fix (e9c343c); the
tests beside them pin what the fix must keep.
"""

from __future__ import annotations

import pytest

from policy import Engine, MemoryGraph, SendRequest
from policy.clock import VirtualClock
from policy.fingerprint import TextFeatures
from policy.promotion import has_scam_words, reads_as_promotion
from policy.ways_back import read_contacts
from tests.conftest import DEFAULT_RULES

T0 = 1_790_000_000.0
SPAM_RULES = {"duplicates", "mass_copies", "contacts", "links_to_strangers",
              "links_to_followed", "spam_cooldown", "spam_strangers_pause"}


def first_refusal(texts: list[str], *, sends: int | None = None, step: float = 900.0
                  ) -> int | None:
    """Strangers (each a follower the sender does not follow, who never wrote) reached,
    one text each in turn (``sends`` of them, the texts cycled), before the first
    refusal, which must be a spam rule's (None: never refused)."""
    graph, clock = MemoryGraph(), VirtualClock(T0)
    engine = Engine.from_file(DEFAULT_RULES, storage="memory://", graph=graph, clock=clock)
    for i in range(len(texts) if sends is None else sends):
        graph.follow(f"t{i}", "sender")
        decision = engine.check(SendRequest("sender", (f"t{i}",), texts[i % len(texts)]))
        if not decision.allowed:
            assert decision.reasons[0].rule in SPAM_RULES, decision.reasons[0].rule
            return i
        clock.advance(step)
    return None


# -- ways back ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "key"), [
    # a brand's look-alike: a name cut by a hyphen, a generic top-level domain
    ("Your account will be deleted in 24 hours. Verify: ig-verify.help", "d:ig-verify.help"),
    ("Revoke approvals now using our tool: revoke-cash.support", "d:revoke-cash.support"),
    ("fill the form: coinbase-support-desk.help.", "d:coinbase-support-desk.help"),
    ("Free consultation: debtfree-now.center", "d:debtfree-now.center"),
    # an account of the network itself, named with "@", no app said, to write to
    ("I made it with my mentor. Message her @TraderJessicaFx and tell her I sent you",
     "h:traderjessicafx"),
    ("Pls DM our official page @nova.sunglasses for a collab", "h:nova.sunglasses"),
    ("contact my recovery guy @hack_recovery_mike ❤️ he's legit", "h:hack_recovery_mike"),
    # a handle on an app named as someone else's
    ("My friend is selling her tickets cheap, her ig is @swiftie.resale.jess",
     "h:swiftie.resale.jess"),
    # a wallet to pay into: the address is the key, its digits are no phone number
    ("Donate USDT (TRC20): TXy8oKdHL2Lm1xQ7bPFJJk6S9sNaPKUrW5",
     "w:TXy8oKdHL2Lm1xQ7bPFJJk6S9sNaPKUrW5"),
    ("Every dollar counts 💙 BTC: bc1q9h6m2k0ljz5r7e8w3x5j6n0d4a2s7t8y9u0p3",
     "w:bc1q9h6m2k0ljz5r7e8w3x5j6n0d4a2s7t8y9u0p3"),
    ("send eth to 0x52908400098527886E0F7030069857D2E4169EE7 for 2x back",
     "w:0x52908400098527886E0F7030069857D2E4169EE7"),
])
def test_todays_ways_back_are_read(text: str, key: str) -> None:
    assert read_contacts(text) == (True, (key,))


@pytest.mark.parametrize(("text", "key"), [
    ("all thanks to @TraderJessicaFx 🙌 my 3rd withdrawal today", "h:traderjessicafx"),
    ("thanks to @maria for the cake!", "h:maria"),  # the FP reviewer's
    ("Follow my new account @jamie.draws, the old one got hacked", "h:jamie.draws"),
])
def test_any_other_account_named_is_a_key_not_a_way_back(text: str, key: str) -> None:
    """Not counted by ``links_to_strangers`` (thanks and new accounts are talk too); in a
    text with a word of the trade, the same account named to a 5th stranger in 6 hours is
    refused (the contacts rule: ``fingerprint`` drops the keys of talk)."""
    assert read_contacts(text) == (False, (key,))


@pytest.mark.parametrize(("text", "key"), [
    # the red team's second helper (round 7): ways back the reader missed
    ("the pics I can't put here are on tr.ee/lexixo 😘", "d:tr.ee"),  # link-in-bio pages
    ("everything I don't show on here: lnk.bio/lexixo", "d:lnk.bio"),
    ("rate apps, get paid: taskhive.wiki", "d:taskhive.wiki"),  # domains talk has not
    ("Message me on WhatsApp: ❶❸❶❷❺❺❺❼❽❾❶", "n:13125557891"),  # dingbat digits
    ("加我微信聊吧：壹叁捌 零零壹贰 叁肆伍陆", "n:13800123456"),  # the numerals of cheques, in groups
    ("Add me on ΤΕLΕGRΑΜ: annatrades", "h:annatrades"),  # Greek capitals
    ("add me on teIegram: annatrades", "h:annatrades"),  # a capital I for the l
    ("add me 👻 lexi.xo22", "h:lexi.xo22"),  # the app's emoji
    ("sc: lexi.xo22 💕", "h:lexi.xo22"),  # its nickname
    ("entra en regalosya punto club", "d:regalosya.club"),  # the dot said, other languages
    ("Xem tại vieclamviet chấm com", "d:vieclamviet.com"),
    ("Daftar di kerjaonline titik com", "d:kerjaonline.com"),
    ("send your media kit to annateam @ gmail", "e:annateam@gmail.com"),  # an address said
    ("Contact annabrandteam at zoho", "e:annabrandteam@zoho.com"),
    ("any sol sent to 7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU comes back doubled",
     "w:7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU"),  # any wallet's address
    ("ltc1qg82tss9cnzuk4zwrm2sjwlvmvplzq6j0fxpj2v", "w:ltc1qg82tss9cnzuk4zwrm2sjwlvmvplzq6j0fxpj2v"),
    ("send 5 bucks to cashapp $blessedqueen", "h:blessedqueen"),  # "$" was swallowed
    ("call me on seventy nine, eleven, twenty three, forty five, sixty", "n:7911234560"),
    ("WhatsApp: plus forty four seven seven zero zero nine double zero one two three",
     "n:47700900123"),  # "plus" is no handle (one ten alone is no number of tens)
])
def test_the_second_helpers_ways_back_are_read(text: str, key: str) -> None:
    assert read_contacts(text) == (True, (key,))


@pytest.mark.parametrize(("text", "key"), [
    # the third helper (round 7b), against the reader of the two before
    ("min 0.1 sol to 7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU.",  # a full stop after it
     "w:7xKXtg2CW87d97TXJSDpbD5jBkheTqA83TZRuJosgAsU"),
    ("send any amount of eth to annafx.eth and it comes back 2x", "d:annafx.eth"),  # ENS
    ("File an appeal at igverify.support within 24 hours", "d:igverify.support"),
    ("20 min of rating products each night → taskhive.life", "d:taskhive.life"),
    ("drop 5 to $blessedqueen and I'll send 50 back tonight", "h:blessedqueen"),
    ("bored tonight 😘 find me @lexixo", "h:lexixo"),
    ("follow my backup account 😜 @ava.backup.priv", "h:ava.backup.priv"),
    ("Sign up at taskhive.life 🙂 paid same day", "d:taskhive.life"),  # "at": a link
    ("you seem fun 😏 my real page is @lexixo", "h:lexixo"),
    ("email annabrand@gmail with your rates", "e:annabrand@gmail.com"),
    ("write to annabrand (at) gmail", "e:annabrand@gmail.com"),
    ("Contact annabrand at msn", "e:annabrand@msn.com"),
    ("WhatsApp saya nol delapan satu dua tiga empat lima enam tujuh", "n:081234567"),
    ("微信 幺三八 零零幺二 三四五六", "n:13800123456"),
    ("my telegram handle is annatrades, easier there", "h:annatrades"),  # named as such
])
def test_the_third_helpers_ways_back_are_read(text: str, key: str) -> None:
    assert read_contacts(text) == (True, (key,))


@pytest.mark.parametrize(("text", "key"), [
    ("Blessing 20 people today 🙏 $blessedqueen is the best", "h:blessedqueen"),
    ("trader.jess on this app posts her calls", "h:trader.jess"),
    ("taskhive.life pays you for app reviews 🙂", "d:taskhive.life"),  # a word after the dot
])
def test_accounts_named_without_at_are_keys(text: str, key: str) -> None:
    assert read_contacts(text) == (False, (key,))


@pytest.mark.parametrize("text", [
    "bought $TSLA and $SHIB lol",  # tickers
    "he works at zoho now",  # a host named in talk
    "✈️ to paris tomorrow!", "👻 boo happy halloween",
    "match point win", "Check PlanetTalkInstant now",  # "TalkInstant" is no "Talklnstant"
    "I am twenty one and she is eleven", "about sixty five people came, then forty more",
    # the third helper's false positives of the reader before
    "Thaaaaaaaaaaaaaaaaaaaaaaaaaank you for the follow!",
    "a recruiter @ zoho called me", "the team @ proton is hiring",
    "ritrovo davanti punto info", "Tele: samsung 55 pouces", "Threads: polyester",
    "SC: Kansas City",
    "my ig handle is literally my name", "my ig handle is private.",
    # the last A/B reviewer's: Vietnamese "the committee grades online"
    "ban tổ chức chấm online từ tối nay",
])
def test_the_second_helpers_forms_in_talk_stay_talk(text: str) -> None:
    assert read_contacts(text) == (False, ())


def test_digits_alone_are_a_number_not_a_wallet() -> None:
    assert read_contacts("order 10000000000000000000 units") == (
        True, ("n:10000000000000000000",))


def test_the_link_in_our_bio_is_a_way_back() -> None:
    assert read_contacts("follow, like and click the link in our bio to enter. only 3 left!!")[0]
    assert read_contacts("link in bio to claim")[0]


@pytest.mark.parametrize("text", [
    "it's a well-known.fact that he's late",  # a hyphen, a missing space, a word
    "meet at mid-day.see you there",
    "see u @ 5pm",
    "i'm @home now",
    "lunch @school was awful",
    "email me x@ymail.com",  # an address, read once as one
    "ask @dave about it",  # a friend named to a friend
    "follow @natgeo they post great stuff",
    "our bio notes are due friday",
])
def test_talk_stays_talk(text: str) -> None:
    contact, contacts = read_contacts(text)
    assert not contact or contacts == ("e:x@ymail.com", "d:ymail.com"), contacts
    assert not any(c.startswith("w:") for c in contacts), contacts
    assert not any(c.startswith("d:") and "-" in c for c in contacts), contacts


# -- pitches of today --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Good morning, I am a certified crypto trader helping people earn passive income. "
    "Would you like to know more?",
    "DM me your wallet address and I'll send you some free tokens from our launch 🚀",
    "Airdrop live now! Connect your wallet to claim 2,000 PEPE tokens",
    "Earn 500 USDT daily from home, no experience needed. Interested?",
    "hello, we need data optimizers for our e-commerce platform, 1 hour a day. intrested?",
    "Can I be your sugar daddy? I just want someone to talk to and spoil",
    "hey cutie 😘 i'm new here and kinda shy... my spicy pics are waiting 🔥",
    "Exodus Wallet Team here 👋 To fix your stuck transaction share your recovery phrase",
    "Your parcel is being held at the depot due to unpaid duties. Pay the clearance fee",
    "Hey! Your reach is low 😬 I can get you real active followers, guaranteed",
    "You've been selected as a brand ambassador for our new collection. DM us!",
    "Struggling with debt? 😔 We offer loans with no credit check. Interested?",
])
def test_todays_pitches_read_as_promotions(text: str) -> None:
    assert reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    # romance openers: a lure and two more of its words
    "Hi there, I saw your profile and you look kind and beautiful. I would love to know "
    "you better 🌹",
    "Good morning sunshine ☀️ you have a lovely smile, can we be friends? I'm a widower",
    # the third helper's, off the first list
    "Hi there, hope you don't mind me writing. You seem like a kind soul, I'm a surgeon "
    "with the UN, I'd love to know more about you",
    "Good morning sunshine, I found you through a mutual friend, I'm new here and looking "
    "for someone genuine to talk to",
    "Hi, I saw your comment and it was so sweet. Are you single? I'm looking for a long "
    "term relationship",
])
def test_romance_openers_read_as_promotions(text: str) -> None:
    assert reads_as_promotion(text)


@pytest.mark.parametrize("text", [
    # the same words among friends (the helpers' ordinary messages)
    "bro bitcoin just hit 70k and i sold at 30 😭😭",
    "did u ever sell that eth you bought in 2021 or are u still holding lol",
    "i started a little side hustle reselling sneakers lol",
    "omg i got invited to a brand collab!! like a real one",
    "won the discord giveaway lol, got a steam card",
    "I saw your post! you look beautiful, so happy for you",
    "are you single or taken these days? asking for my cousin lol",
    "We're hiring a part-time barista! If you know anyone, send them our way",
    "Dear friends, sorry for the late information. For more details log on to face book",
    "Friendship poem: Dear O Dear U R Not Near But I Can Hear. U R Always my Dear",
    "hey do you invest? my dad keeps telling me to buy crypto",
    # the FP reviewer's 400 ordinary messages in these words: some that a first version read
    "can you airdrop me the photos from the trip",
    "We inherited some money from Aunt Jo, thinking of putting it in an index fund",
    "Mom, can you pick up my parcel? They left a redelivery slip",
    "school is hiring part-time lunch aides if you're interested",
    "The lender needs proof of income and 2 months of bank statements",
    "never share your seed phrase with anyone, crypto scams are everywhere",
    "Thank you for the beautiful flowers, dear. God bless you and your family",
    "Are you single? My cousin thinks you're cute and handsome lol",
    "We hit 1k followers!! Doing a giveaway this weekend, free cookie box for the winner",
    "HR needs your next of kin details for the onboarding form",
    "if you don't mind, can you send me the slides? thanks dear",
    "I'd love to know more about your trip! you have a kind heart",
])
def test_todays_words_in_talk_stay_talk(text: str) -> None:
    assert not reads_as_promotion(text)


# -- campaigns ---------------------------------------------------------------------------

def test_a_crypto_mentor_campaign_that_rotates_its_words_is_refused_by_the_5th_stranger() -> None:
    """The helpers' campaign: one mentor's handle, the words changed every copy."""
    texts = [
        "I made $4,500 last week trading with my mentor @TraderJessicaFx, message her",
        "all thanks to @TraderJessicaFx 🙌 my 3rd withdrawal today. tell her I sent you",
        "Want to grow your crypto? @TraderJessicaFx helped me, she's legit 💯",
        "honestly i just follow @TraderJessicaFx and her signals, never wrong on BTC",
        "Good morning☀️ @TraderJessicaFx got me 12% profit already today, ask her",
        "you into stocks or crypto? DM @TraderJessicaFx, she changed my life",
    ]
    assert first_refusal(texts, sends=60, step=600) == 4


def test_romance_openers_in_rotation_reach_4_strangers() -> None:
    """Different openers, no way back, nothing repeated: read as pitches, the strangers
    who get one are 4 a day (20 before, the strangers rules' bound)."""
    texts = [
        "Hi there, I saw your profile and you look beautiful. I would love to know you better",
        "Good morning sunshine ☀️ you have a lovely smile, can we be friends? I'm a widower",
        "Hi, I saw your comment, so sweet. Are you single? Looking for a serious relationship",
        "Hello dear, you caught my attention. I'm a retired engineer, can we be friends?",
        "Hello, God bless you. I'm a woman of faith looking for an honest man. Are you single?",
    ]
    assert first_refusal(texts, sends=60, step=600) == 4



def test_an_account_named_in_talk_to_many_people_who_never_wrote_is_allowed() -> None:
    """The A/B reviewer's ordinary senders: a class account, a new account after a hack,
    a rescue's account, named to 8 people who never wrote, each in other words."""
    for account in ("@bio_period3", "@jamie.draws", "@pawsrescue_tx", "$helpmaya2"):
        texts = [f"Hi {name}! {line} {account}" for name, line in zip(
            ("Liam", "Ava", "Noah", "Mia", "Leo", "Zoe", "Eli", "Ivy"),
            ("the slides are on", "see you Thursday, everything is on", "photos are on",
             "if you need the notes, look at", "we moved, it's now", "all the info at",
             "you can find it on", "it's all on"), strict=True)]
        assert first_refusal(texts) is None, account


def test_an_account_named_with_the_trades_words_is_refused_at_the_5th_stranger() -> None:
    """The same account, each copy worded anew, with one word of the trade lists each
    ("legit", "usdt", "ambassador", "recovered"): a campaign for it (contacts)."""
    texts = [
        "Got my hacked Instagram back thanks to @cyber_recovery_jack, he's legit",
        "@cyber_recovery_jack recovered my stolen USDT 🙌",
        "Hey, saw your post. @cyber_recovery_jack recovered my disabled page",
        "I was scammed too but @cyber_recovery_jack helped me get my funds back",
        "Hacked? Locked out? 🔓 @cyber_recovery_jack is the guy, legit",
        "Don't give up, @cyber_recovery_jack restored mine, legit",
    ]
    assert first_refusal(texts) == 4


def test_talk_that_names_an_account_with_words_of_talk_is_allowed() -> None:
    """The read-through's case: "free", "video", "reply" are pitch words of talk; with an
    account named they do not make it a campaign's (``promotion.has_scam_words``)."""
    texts = [f"Hi {name}! {line} @bio_period3" for name, line in zip(
        ("Liam", "Ava", "Noah", "Mia", "Leo", "Zoe", "Eli", "Ivy"),
        ("the video of Thursday's class is on", "reply if you can't find the notes on",
         "free extra reading this week, see", "the lab video went up on",
         "reply with your group name, and check", "free pizza after the exam! details on",
         "tomorrow's quiz video is on", "the answers are posted on"), strict=True)]
    assert first_refusal(texts) is None
    assert has_scam_words("legit mentor, @annafx posts daily charts")
    assert not has_scam_words("the free video of class is on @bio_period3, reply")


def test_a_text_of_whitespace_after_a_control_character_is_decided() -> None:
    """The read-through's crash: the wallet reader took the longest word of no words."""
    graph = MemoryGraph()
    graph.follow("bob", "alice")
    engine = Engine.from_file(DEFAULT_RULES, storage="memory://", graph=graph,
                              clock=VirtualClock(T0))
    assert engine.check(SendRequest("alice", ("bob",), "\x00" + " " * 30)).verdict is not None
    assert read_contacts("\x00" + " " * 30) == (False, ())


@pytest.mark.parametrize("text", [
    "the daily mobility series on @ines_dailyflow helps a lot",  # "daily" is a yoga series'
    "let @southpaw_rescue know if you're interested",  # "interested" a rescue's
    "the team's recruiting for the spring league, tryouts info on @frostbite_gg",  # no pay
])
def test_the_last_reviewers_accounts_in_talk_are_no_keys(text: str) -> None:
    assert read_contacts(text)[0] is False
    assert TextFeatures(0).of(text, 32).contacts == ()  # no key reaches the contacts rule
    assert has_scam_words("we're hiring, $20 per hour, DM @hr_team")  # with pay: a job's
