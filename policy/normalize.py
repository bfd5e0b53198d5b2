"""Text normalisation for duplicate detection.

Spam campaigns vary their texts so that an exact comparison misses them: other
phone numbers and prize amounts, Cyrillic or Greek letters that look Latin,
zero-width characters, odd spacing and case. ``normalize`` folds all of those
away so that two variants of one campaign come out (nearly) the same.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.utils import default_process

# Characters that render as nothing (or almost nothing) and are used to split
# words invisibly: zero-width space/joiners, word joiner, BOM, soft hyphen,
# Mongolian vowel separator, invisible operators, variation selectors.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)

# Letters of other scripts that look like Latin ones (after NFKC and case
# folding). Not the whole Unicode confusables table: the ones seen in
# practice in spam, small enough to read.
_LOOKALIKES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h",
        "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s",
        "і": "i", "ї": "i", "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w",
        "ɡ": "g", "ӏ": "l", "ү": "y", "ѡ": "w",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v",
        "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c",
        "ς": "s", "σ": "o", "μ": "u",
        # Latin lookalikes and symbols used as letters
        "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŀ": "l",
        "$": "s", "€": "e", "£": "l", "@": "a",
    }
)

# Numbers, with what splits them ("0800 123 456", "1,000", "2 0 0"), become one "0".
_DIGITS = re.compile(r"\d+(?:[\s.,:/-]+\d+)*")
# Look-alikes that NFKC would turn into another letter: the lunate sigma looks
# like "c" but folds to "σ", which looks like "o". Mapped before NFKC.
_BEFORE_NFKC = str.maketrans({"ϲ": "c", "Ϲ": "C", "ϳ": "j"})
# Letters repeated three times or more ("freeee") collapse to two.
_REPEATS = re.compile(r"(.)\1{2,}")


def normalize(text: str) -> str:
    """Return the comparison form of ``text``.

    NFKC (full-width and styled letters become plain ones), case folding,
    invisible characters removed, look-alike letters mapped to Latin,
    accents stripped, every run of digits replaced by ``0`` (other phone
    numbers, codes and amounts compare equal), punctuation turned into
    spaces and whitespace collapsed.
    """
    if text.isascii():
        # The common case, and a fast one: nothing to fold but case and the
        # ASCII symbols used as letters (the result is the same as below).
        folded = text.lower().translate(_LOOKALIKES)
    else:
        folded = unicodedata.normalize("NFKC", text.translate(_BEFORE_NFKC)).casefold()
        folded = _INVISIBLE.sub("", folded)
        folded = folded.translate(_LOOKALIKES)
        if not folded.isascii():
            # Strip accents: decompose and drop combining marks ("é" -> "e").
            folded = "".join(
                ch for ch in unicodedata.normalize("NFKD", folded)
                if not unicodedata.combining(ch)
            )
    folded = _DIGITS.sub("0", folded)
    folded = _REPEATS.sub(r"\1\1", folded)
    # rapidfuzz's default_process: non-alphanumerics to spaces, lower, trim.
    return " ".join(default_process(folded).split())


# What a campaign wants its readers to act on: a phone number or short code (4 digits
# or more, however split, or spelled out), a link or domain (also "site DOT com",
# "site(.)com"), an e-mail address, an amount of money. Each pattern runs only when
# a cheap test of the text says it may match (most texts have no digit, no dot).
_TLD = (r"(?:com|net|org|co|uk|biz|info|io|ly|me|xyz|ru|cn|de|fr|us|tv|app|link|site|online"
        r"|shop|club|top|win|vip|bet|live|click|store|pro|cc|ws|mobi)")
_NUMBER = re.compile(r"\d(?:[\s.\-/]{0,2}\d){3,}|[£$€]\s*\d|\d\s*(?:p|ppm|gbp|usd|eur)\b")
# A domain is two letters or digits, a dot (or "dot", "(.)", "[.]"), a top-level domain;
# found from its separators (few in a text) rather than tried at every character.
_SEPARATOR = re.compile(r"\.|\(\.\)|\[\.\]|\(dot\)|\[dot\]|dot")
_TLD_AT = re.compile(r"\s*" + _TLD + r"(?![a-z])")
_DIGIT = re.compile(r"\d")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_WEB = re.compile(r"https?:|www\s*(?:[.,]|dot\b|\(\.\)|\[\.\])")
_EMAIL = re.compile(r"[\w.+-]@[\w-]+\.\w")
_WORDS = re.compile(r"[a-z]+")
_NUMBER_WORDS = frozenset({"zero", "oh", "o", "one", "two", "three", "four", "five", "six",
                           "seven", "eight", "nine", "nought", "double"})
# Emoji and keycap decorations on digits ("0️⃣"): dropped before looking.
_DECORATION = re.compile("[\ufe0f\u20e3]")


def has_contact(text: str) -> bool:
    """Whether ``text`` carries a contact: a phone number, a link, an address, a price.

    Read on the text with width and styled letters folded (NFKC: "０８００", "𝟬𝟴"),
    invisible characters and keycap decorations dropped, and look-alike letters
    mapped as ``normalize`` maps them, before digits are folded away.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text.translate(_BEFORE_NFKC))
        text = _DECORATION.sub("", _INVISIBLE.sub("", text))
        text = text.translate(_LOOKALIKES_KEEP_SYMBOLS)
    if _DIGIT.search(text) and _NUMBER.search(text):
        return True
    lower = text.lower()
    if _has_link(lower):
        return True
    run = 0  # four number words in a row: a number spelled out ("zero eight oh oh ...")
    for word in _WORDS.findall(lower):
        run = run + 1 if word in _NUMBER_WORDS else 0
        if run >= 4:
            return True
    return False


def _has_link(lower: str) -> bool:
    if ("http" in lower or "www" in lower) and _WEB.search(lower):
        return True
    if "@" in lower and _EMAIL.search(lower):
        return True
    for match in _SEPARATOR.finditer(lower):
        start, end = match.span()
        spaced_before = start > 0 and lower[start - 1].isspace()
        if match.group() == "." and not spaced_before and lower[end:end + 1].isspace():
            continue  # the end of a sentence ("later. me too"), not "site . com"
        while start > 0 and lower[start - 1].isspace():
            start -= 1
        if (start >= 2 and lower[start - 1] in _NAME_CHARS and lower[start - 2] in _NAME_CHARS
                and _TLD_AT.match(lower, end)):
            return True
    return False


# The look-alike letters of _LOOKALIKES, without the symbols read as letters ("$", "@",
# "£", "€" stay: they mark prices and addresses).
_LOOKALIKES_KEEP_SYMBOLS = {k: v for k, v in _LOOKALIKES.items() if chr(k) not in "$€£@"}
