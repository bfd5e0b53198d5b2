"""Text normalisation for duplicate detection, and the folding the readers share.

Spam campaigns vary their texts so that an exact comparison misses them: other
phone numbers and prize amounts, Cyrillic or Greek letters that look Latin,
zero-width characters, odd spacing and case. ``normalize`` folds all of those
away so that two variants of one campaign come out (nearly) the same.

What a text asks its reader to act on (a number, link, address or handle: its
ways back) is read in ``policy/ways_back.py``; a promotion's words in
``policy/promotion.py``. Both fold the text with the tables kept here.
"""


from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz.utils import default_process

from policy.confusables import CONFUSABLES
from policy.synonyms import GREETINGS, fold_synonyms

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
        # Canadian syllabics and Cherokee letters of the "fancy text" generators
        # ("ᑕᒪᗩIᗰ ᑭᖇIᘔE", "Ꮯlaim your Ꮲrize"); Cherokee as case folding leaves it
        # (capitals) and in its small letters
        "ᗩ": "a", "ᗷ": "b", "ᑕ": "c", "ᗪ": "d", "ᕮ": "e", "ᖴ": "f", "ᘜ": "g",
        "ᕼ": "h", "ᒍ": "j", "ᒪ": "l", "ᗰ": "m", "ᑎ": "n", "ᑭ": "p", "ᑫ": "q",
        "ᖇ": "r", "ᔕ": "s", "ᑌ": "u", "ᐯ": "v", "ᗯ": "w", "᙭": "x", "ᖻ": "y",
        "ᘔ": "z",
        **{cherokee: latin for capital, latin in (
            ("Ꭺ", "a"), ("Ᏼ", "b"), ("Ꮯ", "c"), ("Ꭰ", "d"), ("Ꭼ", "e"), ("Ꮐ", "g"),
            ("Ꮋ", "h"), ("Ꭻ", "j"), ("Ꮶ", "k"), ("Ꮮ", "l"), ("Ꮇ", "m"), ("Ꮲ", "p"),
            ("Ꭱ", "r"), ("Ꮪ", "s"), ("Ꭲ", "t"), ("Ꮩ", "v"), ("Ꮃ", "w"), ("Ꮓ", "z"),
            ("Ꮍ", "y"), ("Ꮤ", "w"), ("Ꮥ", "s"), ("Ꮢ", "r"))
           for cherokee in (capital, capital.lower())},
        # Latin lookalikes and symbols used as letters
        "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŀ": "l",
        "$": "s", "€": "e", "£": "l", "@": "a",
    }
)

# Numbers, with what splits them ("0800 123 456", "1,000", "2 0 0"), become one "0".
_DIGITS = re.compile(r"\d+(?:[\s.,:/-]+\d+)*")
# ... but a digit or two inside a word stand for letters ("th1s", "fr33dom", "h3llo"): a
# short copy spelt so per recipient is the same text (promotion.py reads them so too).
_INNER_LEET = re.compile(r"(?<=[a-z])[01345789!|]{1,2}(?=[a-z])")  # "w!nner", "unl|mited"
# ... and at a word's edges: two at most before 2 letters or more or after them, or one
# on each side of a letter ("7he", "3asy", "fr33", "clu8", "7h3"), not where the letters
# say what a number counts ("8pm", "3rd", "4th", "10am", "5days", "50gb": kept a number,
# so copies that change it stay one text). Read per word that has a digit (_digit_word).
_DIGIT_WORD = re.compile(r"(?<![a-z0-9])(?:[a-z]+\d[a-z0-9]*|\d+[a-z][a-z0-9]*|[24](?![a-z0-9]))")
_EDGE = re.compile(r"([01345789]{1,2})[a-z]{2,}[01345789]{0,2}|[a-z]{2,}[01345789]{1,2}"
                   r"|[01345789][a-z][01345789]")
# A word spaced out, letters or digits ("f i l t h y", "m 3 e t 1 n g"): one word, 5
# characters at least (not "u r a star")
_SPACED_WORD = re.compile(r"(?<![a-z0-9])(?:[a-z0-9] {1,2}){4,}[a-z0-9](?![a-z0-9])")
# The words digits at an edge may spell: short words of talk and of campaigns, where a
# digit for a letter moves most of a word's pieces ("l" as "i", as the comparison has it)
_EDGE_WORDS = frozenset(w.replace("l", "i") for w in """
a i at to it is so be go me we he as on in of or an am up us do my by if no ok oh hi yo
the and for you are was not but out get got let lot now new win won see bet set best
text call cash club prize claim gift sale deal offer today tonight this that with from
have has had been were your our will can just only more here there what when who how all
any one two give take make send reply stop chat date girl girls love sexy hot live easy
fast big great good top latest mobile phone camera video music tone tones ring ringtone
entry draw winner bonus voucher award holiday week day night year time money credit loan
account bank card pay paid cost price min per message number line code click link site
web page info urgent final notice last chance guaranteed selected contact customer
service team collect delivery order member apply join sign stay keep meet talk tell know
like want need please thanks thank hello hey dear friend mate babe baby kiss miss soon
later back home work job yes yeah them they their then than also into over about after
before again still very much many some come came find free fee tickets ticket sent visit
download unsubscribe subscriber network weekly mins minutes txt msg sms pics pic photo
photos naughty single singles local dating horny xxx adult porn vip gold party friends
town bring along mates waiting interested looking little working flexible hours gone eve
years xmas during way people hear should would could where which while other every never
always maybe sorry well even first next same long own right left life world man men
woman women child kids family house room place city car road street school class game
games play player show watch look saw seen gave given ask asked told say said called try
tried use used open close closed start started end help sure true real fun happy
birthday christmas weekend month tomorrow yesterday morning evening late early away
around because between both each few most such under until without within above below
down off once too cheap special limited exclusive instant direct private secret hidden
lucky chosen reward rewards cashback discount save half double extra points shop store
online orders buy sell sold stock brand quality value""".split())
_COUNTED = frozenset((
    "st", "nd", "rd", "th", "am", "pm", "hr", "hrs", "h", "min", "mins", "sec", "secs", "ms",
    "day", "days", "wk", "wks", "week", "weeks", "mth", "mths", "month", "months", "yr", "yrs",
    "year", "years", "yo", "km", "kg", "gb", "mb", "tb", "kb", "mm", "cm", "ml", "lb", "lbs",
    "oz", "ft", "mph", "ppm", "px", "pcs", "pk", "hz", "ghz", "mp", "kw", "mg", "xl", "ish"))
# Look-alikes that NFKC would turn into another letter: the lunate sigma looks
# like "c" but folds to "σ", which looks like "o". Mapped before NFKC.
_BEFORE_NFKC = str.maketrans({"ϲ": "c", "Ϲ": "C", "ϳ": "j",
                              # a dot that NFKC makes a space and a mark: "winprize˙com"
                              "\u02d9": "."})
# Small capitals and enclosed letters NFKC leaves alone ("ᴄᴏᴍ", "🅲🅾🅼", "🅒").
_LETTERS = {**{ord(small): latin for small, latin in zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ",
                                                         "abcdefghijklmnopqrstuvwyz",
                                                         strict=True)},
            **{0x1F150 + i: chr(97 + i) for i in range(26)},
            **{0x1F170 + i: chr(97 + i) for i in range(26)},
            **{0x1F1E6 + i: chr(97 + i) for i in range(26)}}


# Letters repeated three times or more ("freeee") collapse to two.
_REPEATS = re.compile(r"(.)\1{2,}")


def _inner_leet(match: re.Match[str]) -> str:
    return match.group().translate(_LEET)


# Text speak, written out: a spinner swaps "you" and "u", "tonight" and "2nite", "please"
# and "plz" from copy to copy; each is the same word to the comparison.
_SMS_WORDS = {
    "u": "you", "ya": "you", "yu": "you", "ur": "your", "yr": "your",
    "pls": "please", "plz": "please", "plse": "please", "msg": "message", "msgs": "messages",
    "txt": "text", "txts": "texts", "txting": "texting", "thx": "thanks", "thnx": "thanks",
    "thanx": "thanks", "tnx": "thanks", "ppl": "people", "coz": "because", "cuz": "because",
    "cos": "because", "bcoz": "because", "bc": "because", "luv": "love", "nite": "night",
    "tonite": "tonight", "tmrw": "tomorrow", "tmr": "tomorrow", "tomoro": "tomorrow",
    "abt": "about", "wat": "what", "wot": "what", "frm": "from", "hav": "have", "jus": "just",
    "juz": "just", "wk": "week", "wks": "weeks", "mob": "mobile", "fone": "phone",
    "nxt": "next", "pic": "picture", "pics": "pictures", "pix": "pictures", "bday": "birthday",
    "wiv": "with", "da": "the", "dat": "that", "dis": "this", "dem": "them", "kk": "ok",
    "okay": "ok",
}  # one letter, "u" only: "c", "n", "r", "k" are as often a word cut in two ("C all")
_SMS_KEYS = frozenset(_SMS_WORDS)
_ANY_DIGIT = re.compile(r"\d")
_SMS_DIGIT_WORDS = {"2day": "today", "2nite": "tonight", "2night": "tonight",
                    "2moro": "tomorrow", "2morow": "tomorrow", "2morrow": "tomorrow",
                    "2morro": "tomorrow", "2mrw": "tomorrow", "4ever": "forever",
                    "4eva": "forever", "b4": "before", "l8r": "later", "l8": "late",
                    "gr8": "great", "w8": "wait", "m8": "mate", "2u": "to you", "4u": "for you",
                    "some1": "someone", "any1": "anyone", "every1": "everyone", "no1": "noone",
                    "2": "to", "4": "for"}
# A lone "2" or "4" is "to" or "for" only before these ("come 2 me", "ready 4 u", "2 get
# it", "4 free"); before any other word it is a number ("2 eggs", "4 days", "level 4 is")
_JOINED_WORDS = frozenset((
    "me", "you", "u", "ya", "us", "him", "her", "them", "the", "a", "an", "my", "your", "ur",
    "yr", "this", "that", "it", "get", "go", "see", "be", "do", "make", "have", "free", "now",
    "all", "ever", "eva", "sale", "more", "sure", "real", "meet", "talk", "chat", "join", "win",
    "claim", "receive", "play", "call", "text", "txt", "reply", "collect", "find", "know",
    "come", "tonight", "today", "nite", "day", "mine", "yours", "everyone", "sum", "some"))
_AMOUNT_SIGNS = frozenset("£$€.,:/-")


def _sms_words(words: list[str]) -> list[str]:
    """Text speak written out; "u" alone only in a run of 2 letters alone at most ("c u
    soon"), not in a word spaced out ("w i n n e r") nor as the end of "yo u"."""
    if "u" not in words:  # the common case: no letter alone to weigh
        return [_SMS_WORDS.get(word, word) for word in words]
    out = list(words)
    run = 0
    for i, word in enumerate([*words, ""]):
        if len(word) == 1:
            run += 1
            continue
        if 0 < run <= 2:
            out[i - run:i] = [_SMS_WORDS.get(w, w) if j == 0 or words[j - 1] != "yo" else w
                              for j, w in enumerate(words[i - run:i], start=i - run)]
        run = 0
        if i < len(words):
            out[i] = _SMS_WORDS.get(word, word)
    return out


_NEXT_WORD = re.compile(r" ([a-z]+)(?![a-z0-9])")
# A copy personalised for its recipient: a greeting with the recipient's name, a reference
# code of its own ("Hi Anna, ...", "Dear Ben! ...", "... Ref QXB7K2"). A name between a
# greeting and a stop at the text's start, and a code of letters and digits after "ref",
# "code", "voucher" or "coupon", are one word, "0", in every copy (a number is "0"
# already); "Hey call me when you land", "the code works now" are left as they are.
_GREETING_WORDS = frozenset(GREETINGS)
# A greeting, one word and a stop at the text's start: "Hi Anna,", "Dear Ben!", "Hey Tom -"
_GREETING_NAME = re.compile(r"\W*(?:" + "|".join(GREETINGS) + r")\s+[a-z]+\s*[,!:.;\-]")


# A code: letters and a digit at least, after its name ("Ref QXB7K2", "code: A1B2"), read
# as "0" before digits are read as letters ("ZZ91PL" would be "zzgipi")
_CODE = re.compile(r"\b(ref|reference|code|voucher|coupon)(\W{1,3})"
                   r"((?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{4,16})(?![a-z0-9])")


def _code(match: re.Match[str], grown: list[int]) -> str:
    grown.append(1 - len(match.group(3)))  # the code's letters and digits still count
    return match.group(1) + match.group(2) + "0"


# What follows a greeting and is no name ("hi is this Sam?", "hey how are you", "hi all")
_NAME_COLON = re.compile(r"\W*+[a-z]{2,15}+\s*+:(?!\d)")
# ... but a campaign's heading is its words ("WINNER:", "URGENT:", "FreeMsg:")
_HEADERS = frozenset("""winner winners urgent free freemsg private congrats
reminder note update important attention alert notice warning sms msg txt text ps re fyi
congratulations last
breaking news offer sale new final call wow hot live xxx ringtone ringtones sexy dating
chat auction promo bonus gift prize reward cash money win won""".split())
_AFTER_GREETINGS = _GREETING_WORDS | frozenset((
    "is", "are", "was", "how", "what", "why", "when", "where", "who", "there", "you", "u", "ya",
    "all", "guys", "everyone", "again", "and", "to", "from", "my", "i", "im", "it", "its", "this",
    "that", "the", "a", "an", "we", "so", "back", "then", "too", "ok", "sorry", "thanks", "just",
    "did", "do", "can", "could", "would", "will", "wanna", "got", "long", "good", "happy", "hope",
    "please", "pls", "yes", "no", "not", "have", "had", "guess", "whats", "wat"))

_SPACED_HINT = re.compile(r" [a-z0-9]  ?[a-z0-9]  ?[a-z0-9] ")


def _unspaced(match: re.Match[str]) -> str:
    word = match.group()
    if word.replace(" ", "").isdigit():
        return word  # digits spaced out: a number, read as one by _DIGITS
    return word.replace(" ", "")


def _digit_word(match: re.Match[str], grown: list[int]) -> str:
    """A word with a digit: text speak ("2nite", "b4"; a lone "2" or "4" before a word it
    joins: "come 2 me", not "2 eggs", "4 days", "£4"), or digits standing for letters at
    its edges when they spell a word ("7he", "fr33"); else as it is (a number, a code:
    folded to "0" later). What reading it so adds to the letters and digits counted goes
    in ``grown``."""
    read = _read_digit_word(match)
    if read != match.group():
        plain = _DIGITS.sub("0", _INNER_LEET.sub(_inner_leet, match.group()))
        grown.append(len(read) - read.count(" ") - len(plain))
    return read


def _read_digit_word(match: re.Match[str]) -> str:
    word, at = match.group(), match.start()
    text = match.string
    end = match.end()
    if word in _SMS_DIGIT_WORDS:
        if at and text[at - 1] in _AMOUNT_SIGNS:
            return word
        if end < len(text) and ((text[end] in _AMOUNT_SIGNS and text[end] not in ",.:")
                                or text[end] == "%"):
            return word
        if word in ("2", "4"):
            before = text[max(0, at - 2):at]
            after = _NEXT_WORD.match(text, end)
            if not (len(before) == 2 and before[1] == " " and "a" <= before[0] <= "z"
                    and after is not None and after.group(1) in _JOINED_WORDS):
                return word
        return _SMS_DIGIT_WORDS[word]
    word = _INNER_LEET.sub(_inner_leet, word)  # "dur1n9": its inside first
    if len(word) > 1 and word in _SMS_DIGIT_WORDS:  # "2n1te"
        return _SMS_DIGIT_WORDS[word]
    edge = _EDGE.fullmatch(word)
    if edge is None:
        return word
    if edge.group(1) is not None and word.strip("0123456789") in _COUNTED:
        return word  # "8pm", "3rd": a number with what it counts
    spelt = word.translate(_LEET)
    # Only into a word it spells ("7he", "fr33", "clu8"): digits glued at random to a
    # word's edge ("prize47", "3free") stay a number, "0", in every copy
    key = spelt.replace("l", "i")
    if (key in _EDGE_WORDS or (word[-1:] == "s" and key[:-1] in _EDGE_WORDS)
            or (key[-3:] == "ing" and word[-1:] == "9")):  # "dur1n9", "g3tt1n9"
        return spelt
    return word


# A sign-off: after the last sentence's stop, a word of parting (or a dash) and at most 4
# words more, the text's end
_SIGN_OFF = re.compile(r"[.!?\n]\s*+(?:-+\s*+|(?:kind\s+|best\s+|warm\s+|many\s+)?(?:regards|cheers|thx"
                       r"|thanks|thank\s+you|ta|love|xoxo|yours|sincerely|best|from|sent\s+by)\b"
                       r"[\s,!.:-]*+)(?:[^\s.!?]++\s*+){0,4}[.!?\s]*+$")


def normalize(text: str) -> str:
    """Return the comparison form of ``text`` (``normalize_counted``'s first half)."""
    return normalize_counted(text)[0]


def normalize_counted(text: str) -> tuple[str, int]:
    """The comparison form of ``text``, and its letters and digits before text speak is
    written out: what the rules' lengths count (``min_chars``, ``texts_under``), so that
    "u up?" is as short as it looks.

    NFKC (full-width and styled letters become plain ones), case folding,
    invisible characters removed, look-alike letters mapped to Latin,
    accents stripped, text speak written out ("2nite", "b4", "4 u"; "u", "ur",
    "pls", "txt" after the punctuation), a digit or two (or "!", "|") inside a
    word or at its edge read as the letters they stand for ("th1s", "w!n",
    "7he", "fr33"; not "8pm", "3rd": a number and what it counts), every other
    run of digits replaced by ``0`` (other phone numbers, codes and amounts
    compare equal), punctuation turned into spaces and whitespace collapsed.
    """
    grown: list[int] = []  # letters text speak and digits read as letters added
    if text.isascii():
        # The common case, and a fast one: nothing to fold but case and the
        # ASCII symbols used as letters (the result is the same as below).
        folded = text.lower().translate(_LOOKALIKES)
    else:
        folded = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text.translate(_BEFORE_NFKC)))
        folded = unconfuse(folded).casefold().translate(_LOOKALIKES)
        if not folded.isascii():
            # Strip accents: decompose and drop combining marks ("é" -> "e").
            folded = "".join(
                ch for ch in unicodedata.normalize("NFKD", folded)
                if not unicodedata.combining(ch)
            )
    if ("ref" in folded or "code" in folded or "vouch" in folded or "coupon" in folded) and (
            _ANY_DIGIT.search(folded)):
        folded = _CODE.sub(lambda m: _code(m, grown), folded)  # "Ref QXB7K2": "ref 0"
    if _SPACED_HINT.search(folded):
        folded = _SPACED_WORD.sub(_unspaced, folded)
    if _ANY_DIGIT.search(folded):
        # text speak ("2nite", "b4", "4 u"), digits inside words and at their edges
        folded = _DIGIT_WORD.sub(lambda m: _digit_word(m, grown), folded)
    folded = _INNER_LEET.sub(_inner_leet, folded)  # and "!", "|" inside words ("w!n")
    folded = _DIGITS.sub("0", folded)
    folded = _REPEATS.sub(r"\1\1", folded)
    # rapidfuzz's default_process: non-alphanumerics to spaces, lower, trim.
    words = default_process(folded).split()
    chars = sum(map(len, words)) - sum(grown)
    if len(words) >= 10 and (signed := _SIGN_OFF.search(folded)) is not None:
        # A sign-off after the last sentence ("... Ref 0. Cheers, Lucy", "- The Winners Desk"):
        # a campaign signs each copy its own way; compared without it (counted with it)
        kept = default_process(folded[:signed.start()]).split()
        if len(kept) >= 8:
            words = kept
    if not _SMS_KEYS.isdisjoint(words):  # "u", "ur", "pls", "txt": the words they stand for
        words = _sms_words(words)
    if (len(words) > 1 and words[0] in _GREETING_WORDS and words[1] not in _AFTER_GREETINGS
            and _GREETING_NAME.match(folded)):
        words[1] = "0"  # the text's first words, a name and a stop: "Hi Anna,": "hi 0"
    elif len(words) >= 6 and words[0] not in _HEADERS and _NAME_COLON.match(folded):
        words[0] = "0"  # a name and a colon first: "Leo: ...", "BEN: ..."
    # "l", "1", "I", "|" and "!" look alike: one letter to the comparison ("1ucy", "hote1",
    # "PayPaI" are "lucy", "hotel", "paypal"), as confusables' skeletons have it
    # and a spinner's synonyms ("complimentary", "on the house") as their class's word ("free")
    return fold_synonyms(" ".join(words).replace("l", "i")), chars
# Five or more single letters or digits apart ("w i n p r i z e"), dots between allowed.
_SPACED = re.compile(r"(?<![a-z0-9])(?:[a-z0-9] ?[.]? ){4,}[a-z0-9](?![a-z0-9])")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@functools.cache
def _unseen() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(format characters and variation selectors, combining and enclosing marks) as two
    character classes, built once from the Unicode database on the first text that needs
    them (a regex substitution, not a Python test per character)."""
    unseen: list[int] = []
    marks: list[int] = []
    for code in (*range(0x80, 0x20000), *range(0xE0000, 0xE0200)):
        ch = chr(code)
        category = unicodedata.category(ch)
        if category == "Cf" or 0xE0100 <= code <= 0xE01EF or code == 0x180F:
            unseen.append(code)
        elif unicodedata.combining(ch) or category == "Me":
            marks.append(code)
    return re.compile(_char_class(unseen)), re.compile(_char_class(marks))


def _char_class(codes: list[int]) -> str:
    """A regex character class of ``codes`` (sorted), runs written as ranges."""
    parts: list[str] = []
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code == prev + 1:
            prev = code
            continue
        parts.append(re.escape(chr(start)) if start == prev
                     else f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
        start = prev = code
    return "[" + "".join(parts) + "]"
# digits and symbols as the letters they stand for (promotion.py reads trade words with it)
_LEET = str.maketrans("01345789@$!|", "oieastbgasil")


# The look-alike letters of _LOOKALIKES, without the symbols read as letters ("$", "@",
# "£", "€" stay: they mark prices and addresses).
_LOOKALIKES_KEEP_SYMBOLS = {k: v for k, v in _LOOKALIKES.items() if chr(k) not in "$€£@"}
# Capital look-alikes as capitals, for the reader of keywords only ("reply HОRО" with
# Cyrillic or Greek "О" is "reply HORO"): the other readers see the text as before.
_CAPITAL_LOOKALIKES = str.maketrans("АВЕЁКМНОРСТУХЅІЇЈҺԚԜҮӀΑΒΕΗΙΚΜΝΟΡΤΥΧΖ",
                                    "ABEEKMHOPCTYXSIIJHQWYIABEHIKMNOPTYXZ")
# A look-alike mixed into a Latin word: the capitals of the table above and Unicode's
# confusables of ASCII letters (policy/confusables.py), each as the letter it looks like
# (from a word's start only: tried at every character of a long word of another script,
# "\u3316" * 320 after NFKC, it was quadratic, 25 ms)
_MIXED_WORD = re.compile(r"(?<!\w)\w*[A-Za-z]\w*")
_UNCONFUSED = {**_CAPITAL_LOOKALIKES, **{ord(c): latin for c, latin in CONFUSABLES.items()}}


def unconfuse(text: str) -> str:
    """``text`` with the look-alikes of its words that have an ASCII letter read as the
    letters they look like ("SUΖΥ", "Fɑncγ", "օn" are "SUZY", "Fancy", "on"), before case
    folding (a Greek capital eta is an "H", its small letter an "n"). A word of another
    script keeps its letters: its capitals and small letters then fold alike ("ΝΑΙ" and
    "ναι" are one word, and "сегодня" is no Latin handle)."""
    if text.isascii():
        return text
    return _MIXED_WORD.sub(lambda m: m.group().translate(_UNCONFUSED), text)
