"""Unicode's other confusables of ASCII letters (policy/confusables.py) fold like the
hand-kept look-alikes, in ``normalize`` (the fingerprint's input) and in the readers
(contacts, promotions), inside words that have an ASCII letter, capitals before case
folding (``normalize.unconfuse``). Round 22's outside red team sent copies of one
campaign with a letter or two of these per copy: they stayed apart. A word of another
script keeps its letters, so that its capitals and small letters fold alike (a review
found Greek copies in capitals kept apart from the same in small letters when every
Greek capital was read as a Latin one)."""

from __future__ import annotations

import unicodedata

import pytest

from policy.confusables import CONFUSABLES
from policy.fingerprint import signature, similarity
from policy.normalize import normalize
from policy.promotion import reads_as_promotion
from policy.ways_back import read_contacts

# what the red team found unfolded (probing Engine.check only)
FOUND = {"ɑ": "a", "ҽ": "e", "ɩ": "i", "օ": "o", "γ": "y", "ո": "n", "ս": "u", "ѵ": "v",
         "Η": "h", "Μ": "m", "Ν": "n", "Υ": "y", "Ζ": "z"}


def test_the_table_maps_letters_to_one_ascii_letter() -> None:
    assert len(CONFUSABLES) > 200
    for source, latin in CONFUSABLES.items():
        assert len(source) == 1 and not source.isascii(), source
        # what NFKC changes never reaches the table (normalize folds after NFKC)
        assert unicodedata.normalize("NFKC", source) == source, hex(ord(source))
        assert unicodedata.category(source).startswith("L"), source
        assert len(latin) == 1 and latin.isascii() and latin.isalpha(), (source, latin)


@pytest.mark.parametrize(("letter", "latin"), sorted(FOUND.items()))
def test_the_letters_round_22_found_fold(letter: str, latin: str) -> None:
    assert normalize(f"x{letter}x") == f"x{latin}x"


def test_every_confusable_folds_to_its_letter_in_a_word() -> None:
    for source, latin in CONFUSABLES.items():
        assert normalize(f"ab{source}cd") == normalize(f"ab{latin.lower()}cd"), (
            hex(ord(source)), latin)


def test_greek_capitals_in_a_latin_word_fold_as_the_capitals_they_look_like() -> None:
    # case folding first would make "Η" an eta ("n"), "Μ" a mu ("u"), "Ν" a nu ("v")
    assert normalize("ΗELLΟ MΟΝEY ΖONE SUΖΥ") == normalize("hello money zone suzy")
    assert normalize("ηνμ") == "nvu"  # the small letters still look like n, v, u
    # mathematical capitals, which NFKC makes Greek capitals first: "𝚮ELL𝚶" (bold)
    assert normalize("\U0001d6aeELL\U0001d6b6") == normalize("hello") == "hi"  # "hello" is "hi"


def test_a_campaign_spelt_with_them_matches_its_plain_copy() -> None:
    plain = "Fancy a shag? I do. Interested? Suzy. Txts cost 1.50 per msg. TnCs on website"
    spelt = "Fɑncγ a shɑg? I dօ. Iոtҽrҽstҽd? SUΖΥ. Txts cօst 1.50 pҽr msg. TոCs օn wҽbsitҽ"
    assert normalize(spelt) == normalize(plain)
    assert similarity(signature(spelt), signature(plain)) == 1.0


def test_the_readers_read_through_them() -> None:
    assert read_contacts("visit winprizeѕ.cօm tօdɑy") == read_contacts("visit winprizes.com today")
    assert read_contacts("dm me on ΤΕLΕGRΑΜ @suzy_4u")[0]
    plain = "You have WON a guaranteed 1000 cash prize. Claim now"
    spelt = "You hɑvҽ WΟΝ ɑ guɑrɑntҽҽd 1000 cɑsh prizҽ. Clɑim ոօw"
    assert reads_as_promotion(plain) and reads_as_promotion(spelt)


SENTENCES = (
    "Συγχαρητήρια! Κερδίσατε ένα κινητό τηλέφωνο, απαντήστε ΝΑΙ τώρα για να το παραλάβετε",
    "Поздравляем! Вы выиграли телефон, ответьте ДА сегодня, чтобы получить подарок",
    "Շնորհավորում ենք, դուք շահել եք հեռախոս, պատասխանեք այո այսօր",
    "Θα σε δω αύριο στο μάθημα, μην ξεχάσεις τις σημειώσεις",
    "Мы встретимся завтра у входа в библиотеку в семь",
)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_text_of_another_script_folds_its_case_alike(sentence: str) -> None:
    for form in (sentence.upper(), sentence.title(), sentence.lower()):
        assert normalize(form) == normalize(sentence), form
        assert similarity(signature(form), signature(sentence)) == 1.0


def test_copies_in_capitals_count_with_their_small_letter_copies() -> None:
    """The review's reproducer: one Greek text, and the same in capitals, in turn to new
    people who never wrote: refused at the 5th, as one text is."""
    from policy import Engine, MemoryGraph, SendRequest
    from policy.clock import VirtualClock

    graph = MemoryGraph()
    engine = Engine.from_file("default", storage="memory://", graph=graph,
                              clock=VirtualClock(1_800_000_000.0))
    text = SENTENCES[0]
    codes = []
    for i in range(5):
        graph.follow(f"r{i}", "s")
        decision = engine.check(SendRequest("s", (f"r{i}",), text.upper() if i % 2 else text))
        codes.append(decision.code)
    assert codes == [None, None, None, None, "duplicate_content"], codes


@pytest.mark.parametrize("text", ["тг: сегодня", "ig: гора", "στο ig: γεια", "insta: հասց"])
def test_a_word_of_another_script_after_a_messenger_is_no_handle(text: str) -> None:
    assert read_contacts(text) == (False, ())
