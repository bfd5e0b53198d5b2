"""The SMS Spam Collection, read in place (tests.redteam23.corpus), and what round 24 makes of it."""
from __future__ import annotations

import functools
import random
import re

from tests.redteam23.corpus import CORPUS, ham_sentences, ham_texts, load

__all__ = ["CORPUS", "gist", "ham_sentences", "ham_texts", "load", "soften", "softened_spam"]

# What the attacker read in docs/spam.md: trade, secondary and pitch words, which make a text a
# promotion. Each is replaced by a roundabout phrase (a new one per copy).
_SOFT = {
    r"congratulations|congrats": ["well well", "good one", "nice one", "look at that"],
    r"urgent!?": ["quick one", "heads up", "psst"],
    r"(you have|you've|u have|u've|uve) (been )?(won|awarded|selected|chosen)": [
        "your name came up", "you got lucky", "you were picked out", "fortune smiled on you"],
    r"won|awarded|selected": ["got", "landed", "came into"],
    r"winners?": ["lucky one", "top pick"],
    r"wins?|winning": ["get", "bag"],
    r"prizes?|awards?|rewards?|jackpot": ["something nice", "a little surprise", "a treat", "goodies"],
    r"claim|redeem|collect": ["pick up", "grab", "sort out"],
    r"free(msg)?|complimentary|gratis": ["on me", "for nothing", "zero pounds"],
    r"cash|money": ["dosh", "readies", "a fat envelope"],
    r"guaranteed": ["for sure", "no doubt"],
    r"mobiles?|phones?|handsets?|nokia|motorola|sony ericsson": ["new toy", "blower", "shiny gadget"],
    r"ringtones?|tones?|polys?": ["tunes", "jingles"],
    r"txt|text|sms|msg|message": ["write", "ping"],
    r"reply|call|ring|dial|contact": ["ping", "buzz", "holla at"],
    r"offers?|deals?|bonus|discount|latest": ["thing", "sweet thing", "opportunity"],
    r"entry|draw|quiz|competition|contest": ["lucky dip", "game"],
    r"holidays?|trip|tenerife|cruise": ["getaway", "week away", "sun break"],
    r"dating|chat|sexy|horny|sex|xxx|lonely": ["fun", "company", "a good time"],
    r"customer|subscriber|account|statement": ["friend", "mate", "you"],
    r"valid|expires?|final|now|today|immediately": ["soon", "this week", "later on"],
    r"unsubscribe|opt ?out|stop": [""],
    r"camera|video|colour|camcorder|mp3|ipod|dvd|laptop|voucher|vouchers|gift": ["goodies", "bits", "stuff"],
    r"pounds?|£\S*|\$\S+|€\S*": ["a nice sum", "a tidy sum", "a lot"],
    r"week|wkly|weekly": ["soon"],
    r"service|services|network|operator|club|member": ["crew", "lot"],
    r"points?|credits?": ["bits"],
    r"landline|line": ["wire"],
    r"valued|registered|exclusive|special": ["dear", "old"],
    r"get laid|laid|naughty|flirt|doggin\S*|shag|babe|hot": ["have fun", "fun"],
    r"loans?|lender|credit|debt|mortgage|homeowners?|tenants?": ["help", "folks"],
    r"subscribers?|subscription|customers?|users?": ["folks"],
    r"spree|shopping|ticket|tickets|shop": ["spend", "trip"],
    r"paid|charged|charge|cost|costs|price|ppm|pence|per|minute|min|mins": ["sorted"],
    r"receive|receivea|delivery|deliver|download\S*": ["get"],
    r"selected|pleased to advise": ["happy to say"],
    r"chance|lucky": ["shot"],
}
_SOFT_RE = [(re.compile(r"\b(?:" + k + r")\b", re.I), v) for k, v in _SOFT.items()]
_JUNK = re.compile(
    r"(https?://\S+|www\.\S+|\S+\.(?:com|net|co\.uk|biz|org)\S*|\S*\d\S*|\b[A-Z]{2,}\d\S*|[#*&@/+<>()\[\]\"=~^_|\\]|"
    r"\bT ?& ?Cs?\b|\bTCs?\b|\bSAE\b|\bPO ?Box\S*|\bbox\S*|\b18\+)", re.I)


def soften(text: str, rng: random.Random, maxlen: int = 80) -> str:
    """A real spam text without its numbers, links and codes, its trade words said otherwise,
    cut to about ``maxlen`` characters at a word."""
    t = _JUNK.sub(" ", text)
    for pat, subs in _SOFT_RE:
        t = pat.sub(lambda m, s=subs: rng.choice(s), t)
    t = re.sub(r"\b[A-Z]{2,}\b", lambda m: m.group(0).lower(), t)
    t = re.sub(r"\s+([.,!?])", r"\1", t)
    t = re.sub(r"[.!?,:;-]{2,}", ".", t)
    t = re.sub(r"\s{2,}", " ", t).strip(" .,:;-!")
    if rng.random() < 0.6:
        t = t.lower()
    if len(t) > maxlen:
        t = t[:maxlen].rsplit(" ", 1)[0]
    return t.strip(" .,:;-!")


@functools.lru_cache(maxsize=1)
def softened_spam() -> list[str]:
    """The corpus's spam texts that still have something to say after softening (20+ letters)."""
    _, spam = load()
    rng = random.Random(24)
    out = []
    for s in spam:
        t = soften(s, rng)
        if sum(c.isalpha() for c in t) >= 20:
            out.append(s)
    return out


def gist(rng: random.Random, maxlen: int = 80) -> str:
    """A real spam text, softened anew for this copy."""
    return soften(rng.choice(softened_spam()), rng, maxlen)
