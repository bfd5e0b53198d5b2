"""Words a spinner swaps for one another, read as one word by the comparison; words it
adds, left out.

A spintax campaign writes each copy with other words for the same offer: "free" as
"complimentary", "on the house" or "at no cost", "call" as "ring" or "dial", "prize" as
"reward" or "award". The duplicates rule compares copies by their words and letters, so
each swap costs a copy its likeness to the others. ``fold_synonyms`` writes every word or
phrase of a class below as the class's first word, in ``normalize``'s comparison form
only (nothing is stored, logged or shown): the copies of one pitch compare as one text
again, whichever synonyms each drew.

The classes are the vocabulary of campaigns (prizes, offers, calls to act, urgency,
handsets), written for this module from a thesaurus, not from any spinner's table. Words
too common in talk to fold without bringing ordinary texts together ("get", "take", "go",
"new", "good", "place", "line", "certain", "pass", "want"), and thanks (a creator thanks
each new follower in the words of the moment: "thank you for following", "thanks for the
follow"), are left out: an ordinary pair must stay as far apart as before (docs/spam.md,
"Synonyms read as one word").
"""

from __future__ import annotations

# A greeting (also what ``normalize`` looks for before a recipient's name: "Hi Anna,")
GREETINGS = ("hi", "hello", "hey", "hiya", "howdy", "greetings", "dear", "yo")
# The first word of each class is what every other word or phrase of it is read as.
# Phrases are written as ``normalize`` leaves them before this step: lower case, spaces
# for punctuation ("no-cost" is "no cost"), text speak written out ("txt" is "text").
_CLASSES: tuple[tuple[str, ...], ...] = (
    ("free", "complimentary", "gratis", "freebie", "costless", "no cost", "zero cost",
     "at no cost", "at zero cost", "no charge", "at no charge", "at zero charge",
     "free of charge", "on the house", "without paying", "for nothing", "nocost",
     "no fee", "zero charge"),
    ("prize", "reward", "award", "gift", "bonus", "jackpot", "winnings", "goodie",
     "goodies", "giveaway"),
    ("call", "ring", "dial", "buzz", "give a bell", "give a bell to", "give us a ring",
     "give us a call", "phone us", "ring us", "call us"),
    ("mobile", "phone", "handset", "cell", "cellphone", "smartphone", "device",
     "cell phone", "mobile phone"),
    ("now", "asap", "immediately", "right away", "straight away", "right now",
     "this minute", "pronto", "at once", "instantly", "without delay"),
    ("text", "sms", "message", "ping", "drop a line", "drop us a line"),
    ("claim", "collect", "redeem", "grab", "pick up", "get hold of", "fetch", "secure"),
    ("reply", "respond", "answer", "write back", "text back", "message back"),
    ("cash", "money", "dosh", "funds", "quid", "payout", "moolah", "dough"),
    ("won", "bagged", "scooped", "been awarded", "been selected for"),
    ("win", "scoop", "take home"),
    ("winner", "lucky one", "chosen one", "top pick", "lucky winner"),
    ("urgent", "important", "time sensitive", "pressing", "act fast", "final notice",
     "attention", "critical"),
    ("guaranteed", "assured", "promised", "locked in"),
    ("customer", "member", "subscriber", "client", "user", "account holder"),
    ("congratulations", "congrats", "well done", "great news", "good news", "big news",
     "great stuff", "hooray", "yay"),
    ("latest", "newest", "brand new", "hottest", "most recent", "all new"),
    ("offer", "deal", "promo", "promotion", "special offer", "bargain"),
    ("chance", "opportunity", "possibility"),
    ("holiday", "vacation", "trip", "getaway", "short break"),  # not "break": "BREAK ER"
    ("entry", "ticket"),
    ("selected", "chosen", "picked", "drawn", "nominated", "shortlisted"),
    ("delivery", "dispatch", "shipping", "drop off", "shipment", "parcel", "package"),
    ("ringtone", "ring tone", "ringer", "tone", "jingle", "ring sound", "call jingle"),
    ("camera", "cam", "snapper", "photo phone", "camera phone"),
    ("video", "vid", "clip"),
    ("voucher", "coupon", "gift card", "gift voucher", "giftcard"),
    ("dating", "matchmaking", "singles", "hookup", "hook up"),
    ("sexy", "naughty", "flirty", "steamy", "saucy"),
    ("network", "carrier", "operator", "provider"),
    ("landline", "land line", "home phone", "fixed line"),
    ("draw", "raffle", "lottery", "sweepstake", "sweepstakes", "lotto"),
    ("stop", "unsubscribe", "opt out", "optout", "cancel", "quit", "halt"),
    ("update", "upgrade"),
    ("please", "kindly"),
    ("contact", "reach", "get in touch with", "get in touch", "connect with"),
    ("someone", "somebody"),
    ("secret", "mystery", "hidden"),
    ("chat", "natter", "convo"),
    ("tonight", "this evening", "later tonight"),
    GREETINGS,
    ("cost", "price", "charge", "fee"),
    ("awarded", "granted", "allocated"),
)


# Words a spinner adds to make each copy its own ("honestly", "btw", "trust me", "no
# joke"): left out of a text of 6 words or more (a short text may be nothing else: "ok",
# "lol", "for real?" stay as they are).
_FILLERS = ("just", "simply", "merely", "really", "honestly", "actually", "literally",
            "totally", "seriously", "genuinely", "basically", "truly", "definitely",
            "absolutely", "btw", "lol", "lmao", "omg", "wow", "psst", "fr", "tbh", "ngl", "imo",
            "trust me", "no joke", "for real", "just saying", "heads up", "quick one",
            "to be honest", "not gonna lie", "by the way", "believe me", "guess what")
FILLERS_FROM = 6


def _plurals(word: str) -> tuple[str, ...]:
    """"prize" -> "prizes", "bonus" -> "bonuses", "lottery" -> "lotteries"."""
    if word.endswith(("s", "x", "ch", "sh")):
        return (word + "es",)
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return (word[:-1] + "ies",)
    return (word + "s",)


def _table() -> tuple[dict[str, str], dict[str, tuple[tuple[str, str], ...]]]:
    """(one word -> its class's word, longest word of a phrase -> ((" phrase ", its class's
    word)...)). A word also stands for its plural ("prizes", "deals"); a filler stands for
    "" (left out)."""
    single: dict[str, str] = {}
    phrases: dict[str, list[tuple[str, str]]] = {}
    for forms in (*_CLASSES, ("", *_FILLERS)):  # the fillers: a class whose word is ""
        head = forms[0].replace("l", "i")  # normalize reads "l" as "i" (keys likewise)
        for key in (form.replace("l", "i") for form in forms if form):
            if " " not in key:
                single.setdefault(key, head)
                if head and head != "hi" and len(key) > 2:  # "his" is no plural of "hi"
                    for plural in _plurals(key):
                        single.setdefault(plural, head)
            else:
                # indexed by its longest word, the rarest as a rule ("house" of "on the house")
                phrases.setdefault(max(key.split(" "), key=len), []).append((f" {key} ", head))
    return single, {first: tuple(found) for first, found in phrases.items()}


_SINGLE, _PHRASES = _table()
_HEADS = frozenset(_PHRASES)


def fold_synonyms(normalized: str) -> str:
    """``normalized`` (a text in the comparison form, "l" read as "i") with every word and
    phrase of a class written as the class's first word, the longest phrase first, and
    the fillers of a text of ``FILLERS_FROM`` words or more left out."""
    words = normalized.split(" ")
    return _fold(normalized, words, keep_fillers=len(words) < FILLERS_FROM)


def _fold(normalized: str, words: list[str], *, keep_fillers: bool) -> str:
    heads = _HEADS.intersection(words)
    if heads:  # a phrase may be there: a substring test for each of the few it may be
        padded = f" {normalized} "
        found = [entry for head in heads for entry in _PHRASES[head] if entry[0] in padded]
        if len(found) > 1:
            found.sort(key=lambda entry: -len(entry[0]))
        for phrase, word in found:
            if not word and keep_fillers:
                continue
            while phrase in padded:  # twice for copies side by side (they share a space)
                padded = padded.replace(phrase, f" {word} " if word else " ")
        words = padded[1:-1].split(" ")
    if keep_fillers:
        return " ".join([_SINGLE.get(word, word) or word for word in words])
    folded = [_SINGLE.get(word, word) for word in words]
    return " ".join([word for word in folded if word]) or _fold(
        normalized, normalized.split(" "), keep_fillers=True)  # fillers alone: as they are
