"""Whether a text reads as a promotion: a prize, an offer, a paid service, a lure.

A campaign needs its readers to act: a phone number or a link (``normalize.read_contacts``),
or words that sell. Spam that rotates templates, spins synonyms or cuts its texts short
changes its words, not its trade: it still announces a prize to claim, a free offer, a
subscription, a chat line. The rules treat such a text like one with a contact
(``TextFacts.contact``): the duplicates rules compare it at their ``contact_similarity``,
and the strangers rules with ``with_contact`` count it.

Two lists, read on the text folded (case, look-alike letters, invisible characters,
letters spaced out; digits and currency signs kept):

- *trade* words, rare in talk between people: "prize", "claim", "voucher", "ringtone",
  "unsubscribe", "T&Cs", "150p/msg", "£500", "valued customer", "get laid"; each spintax
  form of them ("complimentary", "been awarded", "redeem") too;
- *pitch* words, common in campaigns and in talk: "free", "win", "call", "txt", "urgent",
  "cash", "mobile", "chance".

A text reads as a promotion when it has two different trade words, or one and a pitch word.
On the SMS Spam Collection (docs/spam.md): 15 of 4,827 ordinary texts read so (0.3%),
most of them "a great deal", a price or "customer service"; of the 204 campaign texts with
no phone number or link once cut to 100 characters, 124. One word of either list alone is
never enough: "are you free? call me" is talk.
"""

from __future__ import annotations

import re
import unicodedata

from policy.normalize import (
    _BEFORE_NFKC,
    _INVISIBLE,
    _LOOKALIKES,
    _SPACED,
)

# Look-alike letters as normalize maps them, but currency signs and "@" kept: "£500" is
# a prize, "$" a price.
_FOLD = {k: v for k, v in _LOOKALIKES.items() if chr(k) not in "$€£@"}

_TRADE = r"""
prizes?|priz|awards?|awarded|winners?|jackpot|lottery|sweepstakes?|lucky day|lucky draw
|claim|claims|claimed|claiming|redeem|redeemable|vouchers?|giftcard|gift card|coupons?
|guaranteed?|ringtones?|tones|polyphonic|logos?|wallpapers?
|unsubscribe|unsub|optout|opt out|opt-out|subscribed|subscription|subscriber
|t ?& ?c'?s?|tcs|tncs?|terms and conditions|cust(?:omer)? (?:care|services?)
|valued (?:customer|client|member|subscriber|user)|(?:you|u|ya) (?:have |'ve |hav )?(?:just )?won(?!['’])
|helpline|hotline|ppm|p/min|per min(?:ute)?|\d+p(?:/| per )(?:msg|min|txt|text|sms|wk|week|day)
|\d+p|£\s?\d+|€\s?\d+|\d+\s?(?:gbp|euros?)|anytime mins|double mins|unlimited (?:texts?|txts?|calls?)
|congratulations|congratulation|selected|nominated|been chosen|been picked|entitled|eligible
|qualified for|been awarded|been selected|secret admirer|important information
|complimentary|no-cost|zero-cost|gratis|free entry|freemsg|freephone|100% free|100% sure
|text (?:stop|yes|\w+ to \d)|reply (?:stop|yes|win)|stop to|send stop|end to
|limited time|offer ends|expires?|expiry|final notice|final attempt|act fast|last chance
|payout|% off|bargain|bonus|promo|discount|credits|survey|log ?onto
|dogging|horny|horniest|hot (?:girls|babes|singles)|chat ?line|get laid|busty|saucy
|dating|singles|discreet|matches|sexychat|filthy|xxx ?(?:pics|videos?|movies?)
|camera phone|video phone|line rental|tariff|linerental|handset|upgrade|network operator|wap
|verify|verification|suspended|account (?:is )?(?:locked|blocked|suspended)|security alert
|unusual activity|wkly|weekly|quiz|competition|comp|latest|newest|brand new|hottest|exclusive
"""
_PITCH = r"""
free|win|won|wins|reward|rewards|gift|special|urgent|urgently|important|attention|offers?|deals?
|call|ring|dial|contact|text|txt|sms|reply|respond|collect|grab|receive|secure
|immediately|asap|right away|customer|client|user|valid|apply|chance|opportunity|entry
|tickets?|pass|spot|holiday|vacation|trip|getaway|cruise|week|wk|draw|drawn|picked|lucky
|congrats|well done|great news|good news|money|funds|dosh|loan|credit|debt|cash|delivery
|parcel|mobile|mob|cell|device|nokia|network|service|adult|chat|join|club|members?|content
|video|pics|babes|download|fancies|admirer|\$\s?\d{2,}|sex|sexy|now|today|tonight|only
"""


def _words(listing: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])(?:" + listing.replace("\n", "") + r")(?![a-z0-9])")


_TRADE_WORDS = _words(_TRADE)
_PITCH_WORDS = _words(_PITCH)
# Long trade words are read in the letters with the spaces taken out as well: spacing
# evasions cut words ("sELecT Ed", "vouc her") that the word lists would not see.
_LONG_TRADE = re.compile("|".join(sorted(
    (w for w in _TRADE.replace("\n", "").split("|") if w.isalpha() and len(w) >= 8),
    key=len, reverse=True)))
_NOT_LETTERS = re.compile(r"[^a-z]+")


def _fold(text: str) -> str:
    if text.isascii():
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKC", text.translate(_BEFORE_NFKC)).casefold()
        folded = _INVISIBLE.sub("", folded).translate(_FOLD)
        if not folded.isascii():
            folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded)
                             if not unicodedata.combining(ch))
    folded = " ".join(folded.split())
    # "F R E E  E N T R Y": letters spaced out are read as one word (as read_contacts does).
    return _SPACED.sub(lambda m: m.group().replace(" ", ""), folded)


def reads_as_promotion(text: str) -> bool:
    """Whether ``text`` has two different trade words, or one trade word and a pitch word."""
    folded = _fold(text)
    trade = {m.group() for m in _TRADE_WORDS.finditer(folded)}
    if len(trade) < 2:
        trade.update(m.group() for m in _LONG_TRADE.finditer(_NOT_LETTERS.sub("", folded)))
    if not trade:
        return False
    if len(trade) >= 2:
        return True
    return any(m.group() not in trade for m in _PITCH_WORDS.finditer(folded))
