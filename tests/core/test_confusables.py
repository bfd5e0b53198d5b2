"""Unicode's other confusables of ASCII letters (policy/confusables.py) fold like the
hand-kept look-alikes: in ``normalize`` (the fingerprint's input) and in the readers
(contacts, promotions), capitals before case folding. Round 22's outside red team sent
copies of one campaign with a letter or two of these per copy: they stayed apart."""

from __future__ import annotations

import unicodedata

import pytest

from policy.confusables import CONFUSABLES
from policy.fingerprint import signature, similarity
from policy.normalize import normalize, read_contacts
from policy.promotion import reads_as_promotion

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
        assert normalize(f"ab{source}cd") == f"ab{latin.lower()}cd", (hex(ord(source)), latin)


def test_greek_capitals_fold_as_the_capitals_they_look_like() -> None:
    # case folding first would make "Η" an eta ("n"), "Μ" a mu ("u"), "Ν" a nu ("v")
    assert normalize("ΗΕLLΟ ΜΟΝΕΥ ΖΟΝΕ") == "hello money zone"
    assert normalize("ηνμ") == "nvu"  # the small letters still look like n, v, u
    # mathematical capitals, which NFKC makes Greek capitals first: "𝚮𝚬𝚳𝚶" (bold)
    assert normalize("\U0001d6ae\U0001d6ac\U0001d6b3\U0001d6b6") == "hemo"


def test_a_campaign_spelt_with_them_matches_its_plain_copy() -> None:
    plain = "Fancy a shag? I do. Interested? Suzy. Txts cost 1.50 per msg. TnCs on website"
    spelt = "Fɑncγ ɑ shɑg? I dօ. Iոtҽrҽstҽd? SUΖΥ. Txts cօst 1.50 pҽr msg. TոCs օn wҽbsitҽ"
    assert normalize(spelt) == normalize(plain)
    assert similarity(signature(spelt), signature(plain)) == 1.0


def test_the_readers_read_through_them() -> None:
    assert read_contacts("visit winprizeѕ.cօm tօdɑy") == read_contacts("visit winprizes.com today")
    assert read_contacts("dm me on ΤΕLΕGRΑΜ @suzy_4u")[0]
    plain = "You have WON a guaranteed 1000 cash prize. Claim now"
    spelt = "You hɑvҽ WΟΝ ɑ guɑrɑntҽҽd 1000 cɑsh prizҽ. Clɑim ոօw"
    assert reads_as_promotion(plain) and reads_as_promotion(spelt)
