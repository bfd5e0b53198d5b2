"""Synonyms a spinner swaps read as one word (policy/synonyms.py), and only in the
comparison form: the counted lengths stay the text's own, ordinary texts stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest

import policy.normalize as normalize_module
from policy.fingerprint import signature_of_normalized, similarity
from policy.normalize import normalize, normalize_counted
from policy.synonyms import _CLASSES, fold_synonyms

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "sms_spam_collection.tsv"


@pytest.mark.parametrize("forms", _CLASSES, ids=[forms[0] for forms in _CLASSES])
def test_every_form_of_a_class_reads_as_its_first_word(forms: tuple[str, ...]) -> None:
    head = normalize(f"well {forms[0]}")  # (last: a greeting's or a code's next word is "0")
    for form in forms:
        assert normalize(f"well {form}") == head, form
        assert normalize(f"WELL {form.upper()}!") == head, form


def test_a_spun_pitch_compares_as_one_text() -> None:
    plain = "Congratulations! You have won a free prize. Call now to claim your reward"
    spun = [
        "Great news! You have been awarded a complimentary gift. Ring immediately to redeem your bonus",
        "Well done! You have bagged a prize on the house. Give us a ring right away to collect your award",
        "Congrats! You have scooped a no-cost jackpot. Dial asap to grab your winnings",
    ]
    base = signature_of_normalized(normalize(plain))
    for text in spun:
        assert similarity(base, signature_of_normalized(normalize(text))) >= 0.75, text


def test_plurals_and_the_longest_phrase() -> None:
    assert normalize("3 rewards") == normalize("3 prizes")
    assert normalize("get in touch with us") == normalize("contact us")
    assert normalize("free of charge") == normalize("free")
    assert normalize("give a bell to me") == normalize("call me")
    assert fold_synonyms("give a hand") == "give a hand"  # no phrase: as it is
    assert fold_synonyms("at no cost at no cost") == "free free"


def test_fillers_are_left_out_of_a_text_of_6_words_or_more() -> None:
    assert normalize("honestly you won a free prize, trust me, call now btw") == normalize(
        "you won a free prize, call now")
    assert normalize("lol") == "ioi" and normalize("for real?") == "for reai"  # short: kept
    assert normalize("lol btw omg wow lmao tbh") == "ioi btw omg wow imao tbh"  # fillers alone: kept


def test_a_greeting_s_name_and_a_code_are_one_word() -> None:
    assert normalize("Hi Anna, your prize is ready. Ref QXB7K2") == normalize(
        "Dear Ben! your prize is ready. Ref ZZ91PL")
    assert normalize("ref your order") == "ref your order"  # no code after it
    # a review's: no name without a stop after it, no code without a digit in it
    assert normalize("Hey call me when you land") != normalize("Hey ignore me when you land")
    assert normalize("The code works now") != normalize("The code fails now")
    assert normalize("so I lost his bag") != normalize("so I lost hey bag")  # "his": no plural
    assert normalize_counted("Ref QXB7K2")[1] == 9  # the code still counts


def test_other_words_are_left_alone() -> None:
    for text in ("see you at the station", "take the bus home", "a good piace to eat"):
        assert fold_synonyms(text) == text


def test_the_counted_length_is_the_texts_own() -> None:
    # "on the house" is 10 letters, read as "free" (4): rules count what was written
    assert normalize_counted("pizza on the house")[1] == 15
    assert normalize_counted("ok thank you")[1] == 10


def _pairs(texts: list[str]) -> int:
    sigs = []
    for text in texts:
        normalized, chars = normalize_counted(text)
        sigs.append((signature_of_normalized(normalized), chars >= 32))
    count = 0
    for i, (a, long_a) in enumerate(sigs):
        for b, long_b in sigs[i + 1:]:
            if similarity(a, b) >= (0.5 if long_a and long_b else 0.8):
                count += 1
    return count


def test_ordinary_texts_stay_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    if not CORPUS.is_file():
        pytest.skip(f"the SMS Spam Collection is not at {CORPUS} (read in place, never copied)")
    ham = set()
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        label, _, text = line.partition("\t")
        if label == "ham":
            ham.add(text)
    texts = sorted(ham)[:1500]  # 1.1 million pairs
    folded = _pairs(texts)
    monkeypatch.setattr(normalize_module, "fold_synonyms", lambda text: text)
    plain = _pairs(texts)
    assert folded <= plain + 2, (folded, plain)


def test_a_copy_signed_its_own_way_compares_as_the_others() -> None:
    # the adversary's personalised copies: a sign-off after the last sentence, a name and a colon
    from policy.normalize import normalize
    body = "Block Breaker now comes in deluxe format with new features and great graphics. Ref Q7X2K9."
    forms = {normalize(f"{head} {body} {tail}") for head, tail in (
        ("Leo:", "Cheers, Lucy"), ("BEN:", "- The Winners Desk"), ("Mia:", "Kind regards, Claims Office"),
        ("Tom:", ""))}
    assert len(forms) == 1, forms
    # a heading is the campaign's own word, and a short text keeps its sign-off
    assert normalize("WINNER: you have been picked for a prize, call now").startswith("winner")
    assert normalize("see you at 8. thanks!") == "see you at 0 thanks"
