"""Calls to act without a number or a link: the way back of a campaign where the reader can answer.

A direct message can be answered, so a campaign needs no phone number or link: "reply
WIN", "txt HORO to ...", "text back 'yes'", a short service number ("call 123"), a postal
box, or an account of this platform to follow ("follow @winbot"). 26 of the SMS Spam
Collection's 747 spam texts carried nothing else the reader saw (69 carried no contact at
all). ``policy.ways_back.read_contacts`` reads them as contacts ("k:win", "n:123",
"h:winbot"), so the contact rules bound such campaigns whatever their words: before,
rotating templates with only a reply keyword reached the strangers rules' 20 a day.
"""

from __future__ import annotations

import random

import pytest

from policy import SendRequest
from policy.decision import Verdict
from policy.fingerprint import TextFeatures
from policy.ways_back import read_contacts
from tests.checks.test_redteam_spam import SENDER, _limit, _run, _salad, _setup


@pytest.mark.parametrize(("text", "contact"), [
    ("FreeMsg>FAV XMAS TONES!Reply REAL", "k:real"),
    ('simply reply back with "ADP"', "k:adp"),
    ("txt HORO followed by ur star sign", "k:horo"),
    ("Text YES for a callback", "k:yes"),
    ("replying with ENTER", "k:enter"),
    ("please reply with your AGE", "k:age"),
    ("respond: WIN", "k:win"),
    ("r3ply WIN now", "k:win"),  # digits for the verb's letters
    ("text back 'claim' today", "k:claim"),  # quoted, any case
    ("Reply yes to claim ur prize", "k:yes"),  # the keywords of campaigns, in any case
    ("send stop to end", "k:stop"),
    ("Reply Y to confirm", "k:y"),
    ("to listen call 123", "n:123"),  # a short service number
    ("dialling 402 from your mobile", "n:402"),
    ("write to PO Box 113, Bray", "n:113"),
    ("follow @winbot22 for prizes", "h:winbot22"),  # an account of this platform
    ("dm me at @winbot", "h:winbot"),
    ("check out @win_bot now", "h:win_bot"),
    ("message me at @winbot", "h:winbot"),
    ("reply with the word win", "k:win"),  # a campaign's word named as such
    ("send CASH to claim", "k:cash"),  # a keyword sent to a number ("send GO to 86688")
    ("Reply THEMOB HELP", "k:themob"),  # not "the" + "MOB"
    ("reply 👉 WIN", "k:win"),  # an emoji, an arrow, brackets, marks between
    ("reply [WIN] now", "k:win"),
    ("reply *WIN*", "k:win"),
    ("Reply HORO телефон", "k:horo"),  # Cyrillic elsewhere folds no capitals away
    ("reply H\u039fR\u039f", "k:horo"),  # Greek capital omicrons
    ("reply H\u041eR\u041e", "k:horo"),  # Cyrillic capital o
])
def test_the_reader_sees_calls_to_act(text: str, contact: str) -> None:
    assert read_contacts(text) == (True, (contact,))


@pytest.mark.parametrize("text", [
    "TEXT ME BACK", "Did u text ME?", "reply ASAP pls", "text me when u r home",
    "ok i'll text y", "reply U ok", "I'll send it later", "send MUM my love",
    "call me at 5", "ring me in 10",
    "answer the phone!", "message OK?", "Reply when you can",
    # emergency and information numbers, times
    "call 911", "call 112 now!!", "dial 999", "call 101", "calling 411", "call at 730",
    # yes and no in talk, and what happened
    "reply yes or no", "did u reply yes?", "she replied YES!!!", "I'll send yes",
    # the object of sending, chat's acronyms, greetings
    "send PDF", "send me your CV", "message HR", "send PICS", "send LOVE", "send the PDF to me",
    "text MERRY XMAS", "reply IDK", "text GN", "reply WTF", "answer Q3", "send BACKUP",
    "SMS \u0422\u0415\u041b\u0415\u0424\u041e\u041d",  # "ТЕЛЕФОН": no "TE"
])
def test_ordinary_replies_are_no_call_to_act(text: str) -> None:
    assert read_contacts(text) == (False, ())


@pytest.mark.parametrize(("text", "key"), [
    ("ask @dave about it", "h:dave"), ("say hi to @dave", "h:dave"),
    ("follow @natgeo they post great stuff", "h:natgeo"),
    ("add @sarah22 to the group", "h:sarah22"), ("check out @dave's post", "h:dave"),
])
def test_an_account_named_in_talk_is_a_key_not_a_contact(text: str, key: str) -> None:
    """Not a way back (the strangers rules with ``with_contact`` do not count it); with a
    word of the trade, the same account named to a 5th stranger is a campaign for it (the
    contacts rule); in talk like these, no key at all (``fingerprint``)."""
    assert read_contacts(text) == (False, (key,))
    assert TextFeatures(0).of(text, 32).contacts == ()  # talk: no key reaches the rules


@pytest.mark.parametrize("call", ["reply WIN to claim", "txt HORO now", "follow @winbot22",
                                  "call 123 today"])
def test_rotating_texts_with_only_a_call_to_act_are_bounded_by_links_to_strangers(
        call: str) -> None:
    """Texts that never repeat, whose only way back is a keyword, a short number or an
    account: before, 20 strangers a day (the strangers rules); bound 4."""
    reached, _, _ = _run(lambda rng: f"Great news {_salad(rng)} {call}")
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


def test_the_same_keyword_to_a_fifth_stranger_starts_the_contacts_cooldown() -> None:
    """The keyword is the campaign's contact: its 5th stranger within 6 hours is a cooldown
    (``contacts``), whatever the words around it."""
    engine, clock, cold, _ = _setup(10)
    rng = random.Random(3)
    verdicts = []
    for i in range(5):
        text = f"{_salad(rng)} reply {'WIN' if i % 2 else 'win'} to claim"
        verdicts.append(engine.check(SendRequest(SENDER, (cold[i],), text)))
        clock.advance(60)
    assert [d.allowed for d in verdicts[:4]] == [True] * 4
    # The duplicates rule may see the shared words first (the signature weighs words):
    # the contacts rule's reason is there either way.
    assert verdicts[4].verdict is Verdict.COOLDOWN
    assert ("contacts", "duplicate_contact") in [(r.rule, r.code) for r in verdicts[4].reasons]


def test_keywords_never_push_a_number_out() -> None:
    """Junk keywords, rotated per copy, must not take the places of the text's number (at
    most MAX_CONTACTS are kept): the contacts rule would never see the number."""
    text = "Win! reply AB, reply CD or reply EF. Call zero nine zero six one two three four five six"
    assert read_contacts(text)[1][0] == "n:0906123456"


@pytest.mark.parametrize(("text", "contact"), [
    ("call 0800-WIN-CASH now", "n:08009462274"),  # a vanity number: dialled on the keypad
    ("ring 1-800-FLOWERS", "n:18003569377"),
    ("1800-WIN-BIG today", "n:1800946244"),
])
def test_the_reader_dials_vanity_numbers(text: str, contact: str) -> None:
    assert read_contacts(text) == (True, (contact,))


@pytest.mark.parametrize("text", ["ok 100-PERCENT sure", "0.5-MILE run", "COVID-19 test",
                                  "room 101-A", "2 NEW MSGS"])
def test_ordinary_words_after_numbers_are_no_vanity_number(text: str) -> None:
    assert not any(c.startswith("n:") for c in read_contacts(text)[1])


def test_a_vanity_number_and_its_digits_are_one_contact() -> None:
    """"0800-WIN-CASH" and "0800 946 2274" are one number to the contacts rule: written
    both ways to 5 strangers, a cooldown at the 5th."""
    engine, clock, cold, _ = _setup(10)
    rng = random.Random(5)
    decisions = []
    for i in range(5):
        number = "0800-WIN-CASH" if i % 2 else "0800 946 2274"
        decisions.append(engine.check(SendRequest(SENDER, (cold[i],), f"{_salad(rng)} call {number}")))
        clock.advance(60)
    assert (decisions[4].verdict, decisions[4].code) == (Verdict.COOLDOWN, "duplicate_contact")


def test_the_issues_rotation_of_33_templates_on_reserved_domains_is_contained() -> None:
    """The adaptive-spam issue's reproducer: 33 templates in rotation, each with its own
    link on a domain reserved for examples ("site7.example", RFC 2606). ".example" was
    read as no top-level domain: 12 strangers before the first refusal and 20 a day.
    Now the links are contacts: refused at the 5th stranger (``links_to_strangers``)."""
    words = _salad(random.Random(0)).split() * 2
    templates = [" ".join(random.Random(k).sample(words, 12)) + f" claim at site{k}.example"
                 for k in range(33)]
    reached, _, _ = _run(lambda rng: templates[rng.randrange(33)])
    assert len(reached) <= _limit("links_to_strangers"), len(reached)


@pytest.mark.parametrize("link", ["site5.example", "prize.test/claim", "win.invalid",
                                  "xyzabc.onion/claim"])
def test_domains_reserved_for_examples_are_links(link: str) -> None:
    assert read_contacts(f"claim at {link}")[0] is True


def test_a_word_after_a_full_stop_is_no_onion_link() -> None:
    assert read_contacts("Ya had just now.onion roast.") == (False, ())
