"""An adaptive adversary for the spam rules: spam senders that read the rules and obey refusals.

The duplicates rule is judged here against spammers who have read the documentation (docs/)
and the rules file. Each spam sender runs a *plan* (one tactic, or several
combined) built from real spam (the SMS Spam Collection's ``spam`` lines,
read in place, never copied):

- ``folded``: one text, varied per message by today's evasions (``simulate.evade``);
- ``personalised``: a greeting with the recipient's name, a reference code, a signature;
- ``spun``: spintax (synonyms, filler words, sentences reordered) on top of folding;
- ``rotating``: K different real spam texts in rotation (K from 2 to 200), each possibly spun;
- ``groups``: new group conversations of as many strangers as the group rule allows;
- ``split``: one message sent in 2 or 3 parts;
- ``slow``: paced just under every threshold read from the rules (recipients per
  window per text, texts remembered, the quota);
- ``short``: texts under the duplicates rule's ``min_chars`` after normalisation (8
  letters and digits when ``short_similarity`` traces shorter texts too);
- ``salad``: each copy padded with random ordinary words (from the corpus's ham
  lines) up to the text limit, redrawn until it is less similar than the rules'
  threshold to every copy the trace may still hold; the body carries the
  spammer's one fixed contact (a phone number, a domain or a handle on a messaging app
  it owns), never folded;
- ``obfuscated``: spun copies whose fixed contact is written to dodge detection
  (spelled-out digits, in English or another language, keycap digits, groups joined by
  "and then", ``name DOT tld``, ``name(.)tld``, ``name dawt tld``, ``name nokta tld``,
  ``name com/claim7``, ``n-a-m-e.c-o-m``, a full stop of another script, letters spaced
  out; a handle as "my kik is x22", "find me on snap as x22", "hmu on insta x22"), a way
  chosen at random per copy;
- ``payload``: K rotating templates that all carry the spammer's one fixed contact;
- ``homoglyph``: 30-40% of the letters replaced by look-alikes outside
  ``policy.normalize``'s table, with the fixed contact;
- ``conversation``: one group conversation id reused, its members swapped for new
  strangers (as many as the group rule allows) each round;
- ``followback``: every target followed first (no target is then a stranger), K spun
  templates in rotation; ``followback-copies``: the same with one folded text;
- ``unread``: K rotating templates chosen, and each spun copy redrawn, so that no copy
  carries a contact or reads as a promotion (``policy/promotion.py`` is public): what
  a campaign that read the code sends; not drawn into ``mix``;
- ``invited``: a conversation of its own for each group of strangers, made by inviting
  them, then the text (the host notes who started it: ``graph.conversation_started``);
- ``followswap``: K spun templates; once the strangers rules refuse, it follows the
  target, writes and unfollows (bounded by ``strangers_daily`` + ``fanout``);
- ``pieces``: the text, then its number in pieces of 3 digits, a message each;
- ``hosted``: K spun templates posted into conversations a second account of the
  spammer's starts: the host follows every target and the spammer (a friend), greets each
  target first (a varied "hi Anna!", through the engine, obeying its own refusals), then
  invites the spammer and the targets it greeted into a new conversation (the members a
  conversation's starter follows and wrote to are friends of a friend: fanout's bound);
  ``invited``, ``followswap``, ``pieces`` and ``hosted`` are not drawn into ``mix`` either;
- ``short-spun``: K short templates long enough to be traced (from ``min_chars``, under
  the minimum of texts without a contact), each copy spun and drawn again until it reads
  as talk and is less alike than the near-copy threshold to the recent copies: what a
  short campaign does once shorter texts are traced; not drawn into ``mix``;
- ``mix``: each spammer combines 2 or 3 of the above at random.

A campaign keeps its payload valid: the contact (``Contact``) is put into each copy
after the rest of the text was folded, spun or salted, in a form the reader can act
on, and the templates' own numbers and links are taken out first.

The attacker is interactive: a driver runs the spam senders against a real
``Engine`` (memory://, a virtual clock, a ``MemoryGraph`` in which every target
follows its spammer, the spammer follows none of them and no target writes
back), and after a refusal with ``retry_after`` a spammer waits that long (plus
a little) before its next attempt. Ordinary users from ``simulate.py`` (two-way
conversations, bursts, phrases to friends, invitations) go through the same
engine at the same time, so that false positives are measured under the same
rules. No message text is ever logged.
"""

from __future__ import annotations

import heapq
import math
import random
import re
import string
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from policy.backtest.events import Event, GraphEvent, InviteEvent, SendEvent
from policy.backtest.feedback import Feedback, FeedbackConfig
from policy.backtest.simulate import (
    DEFAULT_CORPUS,
    T0,
    Corpus,
    SimConfig,
    clip,
    evade,
    load_corpus,
    simulate,
)
from policy.checks.duplicates import SHORT_FROM
from policy.decision import Decision, Verdict
from policy.engine import Engine
from policy.fingerprint import signature, similarity
from policy.graph import MemoryGraph
from policy.normalize import normalize, normalize_counted
from policy.promotion import reads_as_promotion
from policy.requests import InviteRequest, SendRequest
from policy.rules import Mode, RuleSet, load_rules
from policy.ways_back import has_contact, read_contacts

# What the new detector is judged by (not asserted by the tests yet: today's rule misses them).
TARGET_CONTAINED = 0.95  # spam senders contained (<= CONTAINED_STRANGERS before a spam refusal)
TARGET_REACHED_PER_DAY = 50  # mean distinct strangers a spam sender reaches in 24 h, at most
TARGET_HAM_COOLED = 0.005  # ordinary senders ever refused by a spam rule, at most
CONTAINED_STRANGERS = 4  # the measuring stick: fixed, does not move with the rules

# Refusals by these kinds say "not allowed", not "this is abuse"; every other kind
# (duplicates, cooldown, apps, and whatever kinds the detector grows) is a spam rule.
NON_SPAM_KINDS = frozenset({"quota", "text_length", "follows", "group"})
# Codes a group spammer reads as "this group was too much": it tries smaller ones.
SPAM_CODES = frozenset({"duplicate_content", "duplicate_contact", "too_many_strangers",
                        "links_to_strangers", "cooldown_active"})

TACTICS = ("folded", "personalised", "spun", "rotating", "groups", "split", "slow", "short",
           "salad", "obfuscated", "payload", "homoglyph", "conversation", "followback",
           "followback-copies", "unread", "invited", "followswap", "pieces", "short-spun",
           "hosted")
# The tactics whose targets the spammer follows: not strangers by the rules' definition
# (docs/spam.md), so their rows are judged by strangers reached per day, not containment.
FOLLOW_TACTICS = ("followback", "followback-copies")
# Targets followed by the account that starts the conversations the spammer posts into.
HOSTED_TACTICS = ("hosted",)
# The tactics that carry the spammer's one fixed contact.
CONTACT_TACTICS = ("salad", "obfuscated", "payload", "homoglyph")
ADVERSARIES = (*TACTICS, "mix")
DEFAULT_ROTATING_K = 40
MAX_K = 200
TARGETS_PER_SPAMMER = 1000
SALAD_BODY = 40  # characters of spam in a salad copy (the rest: its contact and the salad)
SALAD_TRIES = 80  # salads drawn for one copy, at most, to find one unlike the recent copies
MAX_HOURS = 24.0 * 31  # a run of several days: the recipients' reports (backtest/feedback.py)
UNREAD_TRIES = 20  # spun copies drawn, at most, to find one the rules read as talk
MAX_REJECTS = 25  # consecutive REJECTs after which a spammer gives up (it cannot adapt)


# -- what the attacker reads in the rules file ---------------------------------


@dataclass(frozen=True, slots=True)
class Limits:
    """The thresholds an attacker reads in the rules (the strictest enforced one of each)."""

    recipients: int | None = None  # a text reaching this many recipients is refused
    window: float = 0.0  # ... within this many seconds
    max_texts: int | None = None  # texts remembered per sender
    min_chars: int = 0  # texts with fewer letters and digits are never traced
    similarity: float | None = None  # texts at least this similar are one text
    cooldown: float = 0.0  # the wait after a spam refusal
    rate: tuple[int, float] | None = None  # (messages, seconds): the tightest quota
    max_chars: int = 140  # longest text
    max_people: int = 20  # largest group, sender included
    fanout: int | None = None  # most distinct people one send may reach (a strangers limit)
    # (messages, seconds) for texts with a phone number, link or address to strangers
    contact_rate: tuple[int, float] | None = None
    plain_min_chars: int = 0  # texts without a contact shorter than this: near copies only
    short_similarity: float | None = None  # ... which count as one at this similarity


def read_limits(rules: RuleSet) -> Limits:
    """The thresholds of ``rules``, as an attacker who read the file would note them.

    Any enforced rule with ``recipients``/``window``/``limit`` parameters counts,
    whatever its kind, so the tactics follow a rewritten detector too.
    """
    limits = Limits()
    recipients: list[int] = []
    windows: list[float] = []
    max_texts: list[int] = []
    min_chars: list[int] = []
    similarity: list[float] = []
    rates: list[tuple[int, float]] = []
    contact_rates: list[tuple[int, float]] = []
    fanout: list[int] = []
    plain_min_chars: list[int] = []
    short_similarity: list[float] = []
    for rule in rules.rules:
        if rule.mode is not Mode.ENFORCE:
            continue  # a shadow rule never refuses: the attacker does not care
        p = rule.params
        if getattr(p, "count_followed", False) is True:
            continue  # counts only people the sender follows: not these tactics' targets
        if isinstance(getattr(p, "recipients", None), int):
            recipients.append(p.recipients)
            if isinstance(getattr(p, "window", None), (int, float)):
                windows.append(float(p.window))
        if isinstance(getattr(p, "similarity", None), float):
            similarity.append(p.similarity)
        if isinstance(getattr(p, "contact_similarity", None), float):
            similarity.append(p.contact_similarity)  # texts with a phone number or link
        if isinstance(getattr(p, "max_texts", None), int):
            max_texts.append(p.max_texts)
        if rule.kind != "quota" and isinstance(getattr(p, "min_chars", None), int):
            min_chars.append(p.min_chars)
            plain_min_chars.append(p.min_chars)
        if isinstance(getattr(p, "contact_min_chars", None), int):
            min_chars.append(p.contact_min_chars)  # texts with a phone number or link
        if getattr(p, "short_similarity", 0):
            min_chars.append(SHORT_FROM)  # shorter texts are traced too (near copies)
            short_similarity.append(p.short_similarity)
        if getattr(p, "texts_under", 0):
            continue  # counts only texts too short to trace: what the short tactic sends
        if getattr(p, "at_once", 0):
            fanout.append(p.at_once)  # strangers in one message to a group it starts
        if getattr(p, "with_contact", False) is True:  # only texts with a contact count
            contact_rates.append((p.limit, float(p.window)))
        elif isinstance(getattr(p, "limit", None), int) and isinstance(
                getattr(p, "window", None), (int, float)):
            rates.append((p.limit, float(p.window)))
            if rule.kind != "quota":
                fanout.append(p.limit)
        if rule.kind == "cooldown":
            limits = replace(limits, cooldown=max(limits.cooldown, float(p.duration)))
        if rule.kind == "text_length":
            limits = replace(limits, max_chars=min(limits.max_chars, p.max_chars))
        if rule.kind == "group":
            limits = replace(limits, max_people=min(limits.max_people, p.max_people))
    return replace(
        limits,
        recipients=min(recipients) if recipients else None,
        window=max(windows) if windows else 0.0,
        max_texts=min(max_texts) if max_texts else None,
        # Under every rule's minimum: the smallest one.
        min_chars=min(min_chars) if min_chars else 0,
        similarity=min(similarity) if similarity else None,
        rate=min(rates, key=lambda r: r[0] / r[1]) if rates else None,
        fanout=min(fanout) if fanout else None,
        contact_rate=min(contact_rates, key=lambda r: r[0] / r[1]) if contact_rates else None,
        plain_min_chars=min(plain_min_chars) if plain_min_chars else 0,
        short_similarity=min(short_similarity) if short_similarity else None,
    )


def counted_as_contact(text: str) -> bool:
    """Whether the rules read ``text`` as carrying a contact (a promotion's words included)."""
    return has_contact(text) or reads_as_promotion(text)


def text_chars(text: str) -> int:
    """Letters and digits after normalisation (what ``min_chars`` counts)."""
    return normalize_counted(text)[1]


# -- texts -----------------------------------------------------------------------

# Spintax written for this module: a word of common spam, its interchangeable forms.
_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("free", "complimentary", "no-cost", "gratis", "zero-cost"),
    ("win", "get", "receive", "collect", "grab"),
    ("won", "been awarded", "been selected for", "qualified for", "secured"),
    ("prize", "reward", "award", "bonus", "gift"),
    ("call", "ring", "phone", "dial", "contact"),
    ("claim", "collect", "redeem", "pick up", "secure"),
    ("now", "today", "right away", "immediately", "asap"),
    ("urgent", "important", "attention", "final notice", "act fast"),
    ("cash", "money", "funds", "payout", "dosh"),
    ("txt", "text", "sms", "send", "message"),
    ("reply", "respond", "answer", "write back", "txt back"),
    ("mobile", "phone", "handset", "cell", "device"),
    ("guaranteed", "assured", "certain", "100% sure", "promised"),
    ("congratulations", "congrats", "well done", "great news", "good news"),
    ("latest", "newest", "brand new", "hottest", "top"),
    ("offer", "deal", "promo", "special", "bargain"),
    ("customer", "client", "member", "subscriber", "user"),
    ("chance", "opportunity", "shot", "possibility", "opening"),
    ("week", "wk", "7 days", "seven days", "weekly"),
    ("holiday", "vacation", "trip", "break", "getaway"),
    ("entry", "ticket", "place", "spot", "pass"),
    ("selected", "chosen", "picked", "drawn", "nominated"),
    ("your", "ur", "yr", "your own", "thy"),
    ("you", "u", "ya", "yourself", "you guys"),
    ("to", "2", "to", "too", "towards"),
    ("for", "4", "for", "fore", "for"),
)
_SPIN = {word: forms for forms in _SYNONYMS for word in forms}
_FILLERS = ("just", "really", "today", "honestly", "now", "hey", "ok", "pls", "so",
            "quick", "btw", "yes", "only", "simply", "totally")
_NAMES = ("Anna", "Ben", "Chloe", "Dan", "Ella", "Finn", "Grace", "Harry", "Isla", "Jack",
          "Kate", "Leo", "Mia", "Noah", "Olivia", "Paul", "Ruby", "Sam", "Tom", "Zoe")
_GREETINGS = ("Hi {n},", "Dear {n},", "Hello {n}!", "{n}:", "Hey {n},", "Good news {n}!")
_SIGNATURES = ("- Sarah, Customer Care", "Regards, Rewards Team", "Thx, Mike @ Promo Dept",
               "- The Winners Desk", "Kind regards, Claims Office", "Cheers, Lucy")
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"^(\W*)(\w[\w'-]*)(\W*)$")


def spin(text: str, rng: random.Random, *, limit: int = 140) -> str:
    """A spintax variant: synonyms swapped, filler words added, sentences reordered."""
    sentences = [s for s in _SENTENCES.split(text.strip()) if s]
    if len(sentences) > 1 and rng.random() < 0.6:
        head, rest = sentences[0], sentences[1:]
        rng.shuffle(rest)
        sentences = [head, *rest] if rng.random() < 0.5 else [*rest, head]
    words = " ".join(sentences).split()
    out: list[str] = []
    for word in words:
        match = _WORD.match(word)
        if match and match.group(2).lower() in _SPIN and rng.random() < 0.7:
            lead, core, tail = match.groups()
            swapped = rng.choice(_SPIN[core.lower()])
            word = lead + (swapped.capitalize() if core[:1].isupper() else swapped) + tail
        out.append(word)
        if rng.random() < 0.12:
            out.append(rng.choice(_FILLERS))
    return clip(" ".join(out), limit)


def reference_code(rng: random.Random) -> str:
    """A code in letters and digits ("Ref QXB7K2"): letters survive normalisation."""
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(6))


def personalise(text: str, name: str | None, rng: random.Random, *, limit: int = 140) -> str:
    """``text`` with a greeting (when a name is known), a reference code and a signature."""
    parts = []
    if name is not None:
        parts.append(rng.choice(_GREETINGS).format(n=name))
    parts.append(text)
    parts.append(f"Ref {reference_code(rng)}.")
    if rng.random() < 0.7:
        parts.append(rng.choice(_SIGNATURES))
    out = " ".join(parts)
    if len(out) <= limit:
        return out
    # Keep the personal parts: cut the body instead.
    extra = len(out) - len(text)
    return " ".join(p if p is not text else clip(text, max(10, limit - extra)) for p in parts)[:limit]


def split_message(text: str, parts: int) -> list[str]:
    """``text`` cut at word boundaries into ``parts`` pieces; ``" ".join`` gives it back."""
    words = text.split(" ")
    parts = max(1, min(parts, len(words)))
    size = math.ceil(len(words) / parts)
    return [" ".join(words[i:i + size]) for i in range(0, len(words), size)]


def shorten(text: str, min_chars: int) -> str | None:
    """The longest word prefix of ``text`` under ``min_chars`` letters and digits (None: none)."""
    words = text.split()
    best = None
    for n in range(1, len(words) + 1):
        prefix = " ".join(words[:n])
        if text_chars(prefix) >= min_chars:
            break
        best = prefix
    return best if best and text_chars(best) > 0 else None


def pick_templates(pool: tuple[str, ...], k: int, limits: Limits, rng: random.Random, *,
                   room: int = 120, short: bool = False, short_spun: bool = False
                   ) -> list[str]:
    """``k`` different real spam texts, pairwise less similar than the rules' threshold.

    The attacker can run the published fingerprint too: texts that would fall into
    one trace entry are worth one template, so it keeps only mutually distinct ones
    (relaxing that when the corpus runs out). Long plans use texts the rule traces
    (short ones are the ``short`` tactic); short plans cut texts under ``min_chars``;
    ``short_spun`` ones cut them under the minimum of texts without a contact
    (``plain_min_chars``), keeping those at ``min_chars`` or more that read as talk.
    """
    threshold = limits.similarity if limits.similarity is not None else 1.0
    chosen: list[str] = []
    signatures: list[bytes] = []
    spare: list[str] = []
    for text in rng.sample(pool, len(pool)):
        text = clip(text, max(20, room))
        if short_spun:
            cut = shorten(text, limits.plain_min_chars or limits.min_chars)
            if cut is None or text_chars(cut) < limits.min_chars or counted_as_contact(cut):
                continue
            text = cut
        elif short:
            cut = shorten(text, limits.min_chars) if limits.min_chars > 1 else text
            if cut is None:
                continue
            text = cut
        elif text_chars(text) < limits.min_chars:
            continue
        if text in chosen or text in spare:
            continue
        sig = signature(text)
        if any(similarity(sig, other) >= threshold for other in signatures):
            spare.append(text)
            continue
        chosen.append(text)
        signatures.append(sig)
        if len(chosen) == k:
            return chosen
    return (chosen + spare)[:k]


# -- one fixed contact per spammer --------------------------------------------------

_DIGIT_NAMES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_DOMAIN_HEADS = ("win", "prize", "claim", "cash", "lucky", "bonus", "free", "mega", "top", "gift")
_DOMAIN_TAILS = ("prize", "now", "zone", "hub", "deals", "spot", "winner", "club", "point", "box")
_DOMAIN_TLDS = ("club", "win", "xyz", "com", "biz", "info", "top", "vip", "online", "site")
_PHONE_LEADS = ("Call", "Ring", "Dial", "Txt us on", "Call now on", "Claim on")
_DOMAIN_LEADS = ("Visit", "Go to", "Claim at", "See", "Log on to", "Enter at")
_HANDLE_LEADS = ("Add me", "DM me", "Find me", "Message me", "Hit me up")
_HANDLE_APPS = ("telegram", "snap", "kik", "insta", "whatsapp")
_WALLET_LEADS = ("Send USDT (TRC20) to", "Deposit to", "Pay the fee to", "Donate BTC:",
                 "Wallet:")
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
# A look-alike of a brand on a generic top-level domain ("ig-verify.help"), round 7
_LOOKALIKE_TLDS = ("help", "support", "center", "live", "store", "shop")
# Digits in words of other languages (a random one per copy), as a spammer types them.
_FOREIGN_DIGITS = (
    ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"),
    ("s\u0131f\u0131r", "bir", "iki", "\u00fc\u00e7", "d\u00f6rt", "be\u015f",
     "alt\u0131", "yedi", "sekiz", "dokuz"),
    ("zero", "jeden", "dwa", "trzy", "cztery", "pi\u0119\u0107", "sze\u015b\u0107",
     "siedem", "osiem", "dziewi\u0119\u0107"),
    ("noll", "ett", "tv\u00e5", "tre", "fyra", "fem", "sex", "sju", "\u00e5tta", "nio"),
    ("shunya", "ek", "do", "teen", "char", "paanch", "chhe", "saat", "aath", "nau"))
# How the obfuscated tactic writes its contact; the last of each is meant to defeat the
# reader of contacts (a lone digit among spelled ones; letters spaced out), the others
# are forms ``policy.ways_back.read_contacts`` claims to read.
# An outside red team's fifth round added the number in groups joined by "and then", the
# dot said as "dawt", the dot left out before a path, letters joined by dashes and a full
# stop of another script; its sixth the digits in words of other languages, "nokta" for
# the dot, and a handle on a messaging app named as the sender's own ("my kik is x22"),
# found "as" a name, or after "hmu".
PHONE_FORMS = ("spelled", "keycaps", "mixed", "and_then", "foreign_words")
DOMAIN_FORMS = ("dot_word", "paren_dot", "spaced", "dawt", "dotless_path", "dashed",
                "script_stop", "nokta")
HANDLE_FORMS = ("mine", "found_as", "hmu", "mention")
# Per kind of contact: what the reader reads it as, its leads, how it is written (a
# wallet is not obfuscated: its payers copy it).
_KINDS = {"phone": ("n:", _PHONE_LEADS, PHONE_FORMS), "domain": ("d:", _DOMAIN_LEADS, DOMAIN_FORMS),
          "handle": ("h:", _HANDLE_LEADS, HANDLE_FORMS), "wallet": ("w:", _WALLET_LEADS, ())}
# Forms written to defeat the contact reader (it reads them since: a digit or two among
# spelled ones, letters spaced out).
UNREAD_FORMS = frozenset({"mixed", "spaced"})
_KEYCAP = "\ufe0f\u20e3"
_SCRIPT_STOPS = ("\ua60e", "\u16eb", "\u2e33")  # Vai full stop, runic dot, stenographic dot
# Template parts that are contacts of their own (numbers of 5 digits or more however
# split, links, domains, addresses): a campaign with one payload takes them out.
_OWN_CONTACTS = re.compile(
    r"\d(?:[\s.\-/]{0,2}\d){4,}|https?://\S+|www\.\S+|\S+@\S+|\b[\w-]+\.(?:[a-z]{2,4}\.)?"
    r"(?:com|net|org|co|uk|biz|info|tv|mobi|ws|cc)\b\S*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Contact:
    """A spammer's one payload: a phone number ("0906 170 1461"), a domain it owns, a handle
    or a wallet to pay into."""

    kind: str  # "phone", "domain", "handle" or "wallet"
    value: str  # the digits, "name.tld", the handle's name or the address
    plain: str  # as written in the clear
    app: str = ""  # a handle's messaging app

    @property
    def token(self) -> str:
        """What ``policy.ways_back.read_contacts`` reads it as."""
        return _KINDS[self.kind][0] + self.value

    def lead(self, rng: random.Random) -> str:
        return rng.choice(_KINDS[self.kind][1])

    def forms(self) -> tuple[str, ...]:
        if "-" in self.value:
            # a look-alike is meant to look like a link; and the reader reads neither the
            # letters spaced out nor "nokta" for a name with a hyphen (a gap left open)
            return tuple(f for f in _KINDS[self.kind][2] if f not in ("spaced", "nokta"))
        return _KINDS[self.kind][2]

    def groups(self) -> list[str]:
        """A number's digits in groups of 3 ("090 617 014 61")."""
        return [self.value[i:i + 3] for i in range(0, len(self.value), 3)]

    def written(self, form: str, rng: random.Random) -> str:
        """The contact in one of the obfuscated forms ("plain": in the clear)."""
        if form == "plain":
            return self.plain
        if form == "spelled":
            return " ".join("oh" if d == "0" and rng.random() < 0.5 else _DIGIT_NAMES[int(d)]
                            for d in self.value)
        if form == "mixed":  # spelled out, a few digits left as digits
            digits = [rng.random() < 0.3 for _ in self.value]
            digits[rng.randrange(len(digits))] = True
            return " ".join(d if keep else _DIGIT_NAMES[int(d)]
                            for d, keep in zip(self.value, digits, strict=True))
        if form == "keycaps":
            return "".join(d + _KEYCAP for d in self.value)
        if form == "and_then":  # "090 617 014 61" joined by words
            return " and then ".join(self.groups())
        if form == "foreign_words":  # "nul negen een ...", one language per copy
            words = rng.choice(_FOREIGN_DIGITS)
            return " ".join(words[int(d)] for d in self.value)
        if form == "mine":  # "my kik is winzone22"
            return f"my {self.app} {rng.choice(('is', 'is:', 'name is', 'id:'))} {self.value}"
        if form == "found_as":
            return f"{rng.choice(('find', 'add'))} me on {self.app} as {self.value}"
        if form == "hmu":
            return f"hmu on {self.app} {self.value}"
        if form == "mention":  # an account of the network itself, no app said
            return rng.choice(("all thanks to @{}", "message my manager @{}",
                               "follow my new account @{}", "DM our page @{}")).format(self.value)
        name, tld = self.value.rsplit(".", 1)
        if form == "dot_word":
            return rng.choice((f"{name} DOT {tld}", f"{name}DOT{tld}", f"{name} dot {tld}"))
        if form == "paren_dot":
            return rng.choice((f"{name}(.){tld}", f"{name}[.]{tld}", f"{name} (.) {tld}"))
        if form == "spaced":
            return " ".join(self.value)
        if form == "dawt":
            return f"{name} {rng.choice(('dawt', 'dought'))} {tld}"
        if form == "dotless_path":  # "winprize com/claim7" (a path with a digit)
            if tld in ("com", "net", "org"):
                return f"{name} {tld}/{rng.choice(('claim', 'win', 'go'))}{rng.randint(1, 99)}"
            return f"{name} dawt {tld}"
        if form == "dashed":  # "w-i-n-p-r-i-z-e.c-o-m"
            if name.isalpha():
                return "-".join(name) + "." + "-".join(tld)
            return f"{name} dawt {tld}"
        if form == "script_stop":  # a full stop of another script for the dot
            return name + rng.choice(_SCRIPT_STOPS) + tld
        if form == "nokta":  # Turkish for "dot"
            return f"{name} nokta {tld}"
        raise ValueError(f"unknown contact form {form!r}")


def make_contact(rng: random.Random, *, wallet: bool = True) -> Contact:
    """A contact of the spammer's own: a premium-rate number, a domain (some a brand's
    look-alike: "win-prize.help"), a handle on a messaging app or (``wallet``) a
    cryptocurrency wallet to pay into, at random."""
    roll = rng.random()
    if wallet and roll < 0.1:
        if rng.random() < 0.5:
            address = "T" + "".join(rng.choice(_BASE58) for _ in range(33))
        else:
            address = "bc1q" + "".join(rng.choice(_BECH32) for _ in range(38))
        return Contact("wallet", address, address)
    if roll < 0.5:
        digits = "09" + "".join(rng.choice(string.digits) for _ in range(9))
        plain = rng.choice((f"{digits[:4]} {digits[4:7]} {digits[7:]}", digits,
                            f"{digits[:5]} {digits[5:]}"))
        return Contact("phone", digits, plain)
    head = rng.choice(_DOMAIN_HEADS)
    tail = rng.choice([t for t in _DOMAIN_TAILS if t != head])
    if roll >= 0.8:  # "telegram @winzone22"
        name, app = f"{head}{tail}{rng.randint(10, 99)}", rng.choice(_HANDLE_APPS)
        return Contact("handle", name, f"{app} @{name}", app)
    if rng.random() < 0.3:
        domain = f"{head}-{tail}.{rng.choice(_LOOKALIKE_TLDS)}"
    else:
        domain = f"{head}{tail}{rng.randint(1, 99) if rng.random() < 0.3 else ''}.{rng.choice(_DOMAIN_TLDS)}"
    return Contact("domain", domain, domain)


def without_contacts(text: str) -> str | None:
    """``text`` with its own numbers and links taken out (None: something is still read)."""
    body = " ".join(_OWN_CONTACTS.sub(" ", text).split())
    if len(body.split()) < 4 or read_contacts(body)[1]:
        return None
    return body


_STRIPPED: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def payload_pool(pool: tuple[str, ...]) -> tuple[str, ...]:
    """The spam texts without their own contacts (made once per pool)."""
    cached = _STRIPPED.get(id(pool))
    if cached is None or cached[0] is not pool:
        stripped = tuple(dict.fromkeys(b for b in map(without_contacts, pool) if b))
        cached = _STRIPPED[id(pool)] = (pool, stripped)
    return cached[1]


# Letters outside ``policy.normalize``'s look-alike table that NFKC and case folding
# keep as they are (checked at import: a glyph the table or NFKC folds is left out).
# (Unicode's confusables of ASCII letters are folded since round 22, policy/confusables.py:
# letters with a hook, a stroke or a bar, which it does not list, instead.)
_HOMOGLYPH_CANDIDATES = {
    "a": "ᶏ", "e": "ɇ", "o": "ɵ", "i": "ɨ", "u": "ʉ", "n": "ƞ", "g": "ɠ", "s": "ꜱ",
    "r": "ɍ", "k": "ĸ", "v": "ⱱ", "w": "ⱳ", "y": "ɏ", "p": "ƥ", "z": "ᴢ", "l": "ƚ",
    "d": "ɗ", "t": "ፕ", "c": "ᴄ", "m": "ᴍ", "f": "ғ", "h": "ɦ", "b": "ɓ",
}
HOMOGLYPHS = {k: v for k, v in _HOMOGLYPH_CANDIDATES.items() if normalize(v) == v}


def homoglyphs(text: str, rng: random.Random, share: float) -> str:
    """``text`` with ``share`` of its letters (as far as its ASCII letters allow) replaced
    by ``HOMOGLYPHS``."""
    chars = list(text)
    letters = sum(ch.isalpha() for ch in chars)
    candidates = [i for i, ch in enumerate(chars) if ch.lower() in HOMOGLYPHS]
    for i in rng.sample(candidates, min(len(candidates), round(share * letters))):
        chars[i] = HOMOGLYPHS[chars[i].lower()]
    return "".join(chars)


def salad_words(ham: tuple[str, ...]) -> tuple[str, ...]:
    """Ordinary words of 3 letters or more from the ham lines, none that reads as a contact
    or part of one (number words, "dot", "www", top-level domains)."""
    banned = {*_DIGIT_NAMES, "oh", "nought", "double", "dot", "www", "http", "https",
              *_DOMAIN_TLDS, "net", "org", "co", "uk"}
    words = {w.lower() for line in ham for w in re.findall(r"[A-Za-z]{3,}", line)}
    return tuple(sorted(words - banned))


# -- spam plans --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Plan:
    """What one spam sender does; the tactics are its switches, and they combine."""

    tactic: str
    templates: int = 1  # K texts in rotation (> 1: rotating)
    spin: bool = False
    personalise: bool = False
    short: bool = False
    group: bool = False
    split: bool = False
    slow: bool = False
    salad: bool = False  # padded with ordinary words, pairwise dissimilar
    obfuscate: bool = False  # the contact written to dodge detection
    payload: bool = False  # the templates carry the spammer's one contact
    homoglyph: bool = False  # letters outside the look-alike table
    conversation: bool = False  # one conversation id, members swapped each round
    follow: bool = False  # follows every target first (follow-back): no target is a stranger
    unread: bool = False  # no copy with a contact or a promotion's words (the reader is public)
    invited: bool = False  # a conversation of its own each round, its members invited first
    short_spun: bool = False  # short texts long enough to be traced, spun apart per copy
    swap: bool = False  # once the strangers rules refuse: follow the target, write, unfollow
    pieces: bool = False  # its number cut in pieces of 3 digits, a message each, after the text
    hosted: bool = False  # its conversations started by a second account that follows the targets

    @property
    def contact(self) -> bool:
        """Whether the copies carry the spammer's one fixed contact."""
        return self.salad or self.obfuscate or self.payload or self.homoglyph or self.pieces


def tactic_plan(tactic: str, *, k: int = DEFAULT_ROTATING_K) -> Plan:
    """The plan of one tactic (``mix`` plans are drawn per spammer: ``mixed_plan``)."""
    if tactic == "folded":
        return Plan(tactic)
    if tactic == "personalised":
        return Plan(tactic, personalise=True)
    if tactic == "spun":
        return Plan(tactic, spin=True)
    if tactic == "rotating":
        if not 2 <= k <= MAX_K:
            raise ValueError(f"rotating needs K from 2 to {MAX_K}, got {k}")
        return Plan(tactic, templates=k, spin=True)
    if tactic == "groups":
        return Plan(tactic, group=True)
    if tactic == "split":
        return Plan(tactic, split=True)
    if tactic == "slow":
        return Plan(tactic, slow=True)
    if tactic == "short":
        return Plan(tactic, short=True)
    if tactic == "salad":
        return Plan(tactic, salad=True)
    if tactic == "obfuscated":
        return Plan(tactic, spin=True, obfuscate=True)
    if tactic == "payload":
        if not 2 <= k <= MAX_K:
            raise ValueError(f"payload needs K from 2 to {MAX_K}, got {k}")
        return Plan(tactic, templates=k, spin=True, payload=True)
    if tactic == "homoglyph":
        return Plan(tactic, homoglyph=True)
    if tactic == "conversation":
        return Plan(tactic, conversation=True)
    if tactic == "followback":
        # The README says a stranger is someone the sender does not follow: so it follows
        # every target first, and rotates spun templates as well.
        return Plan(tactic, templates=k, spin=True, follow=True)
    if tactic == "unread":
        if not 2 <= k <= MAX_K:
            raise ValueError(f"unread needs K from 2 to {MAX_K}, got {k}")
        return Plan(tactic, templates=k, spin=True, unread=True)
    if tactic == "followback-copies":
        return Plan(tactic, follow=True)  # one text, folded, to followed targets
    if tactic == "invited":
        return Plan(tactic, invited=True)
    if tactic == "followswap":
        if not 2 <= k <= MAX_K:
            raise ValueError(f"followswap needs K from 2 to {MAX_K}, got {k}")
        return Plan(tactic, templates=k, spin=True, swap=True)
    if tactic == "pieces":
        return Plan(tactic, spin=True, pieces=True)
    if tactic == "hosted":
        if not 2 <= k <= MAX_K:
            raise ValueError(f"hosted needs K from 2 to {MAX_K}, got {k}")
        return Plan(tactic, templates=k, spin=True, invited=True, hosted=True)
    if tactic == "short-spun":
        if not 2 <= k <= MAX_K:
            raise ValueError(f"short-spun needs K from 2 to {MAX_K}, got {k}")
        return Plan(tactic, templates=k, spin=True, short_spun=True)
    raise ValueError(f"unknown tactic {tactic!r}; known: {', '.join(ADVERSARIES)}")


def mixed_plan(rng: random.Random) -> Plan:
    """2 or 3 tactics combined at random (e.g. rotating + spun + groups)."""
    chosen = set(rng.sample(("personalised", "spun", "rotating", "groups", "split", "slow",
                             "short", *CONTACT_TACTICS, "conversation"), rng.randint(2, 3)))
    if "short" in chosen:
        # they would add letters or make no sense
        chosen -= {"split", "personalised", "spun", *CONTACT_TACTICS}
    rotating = "rotating" in chosen or "payload" in chosen
    return Plan(
        "mix",
        templates=rng.randint(2, MAX_K) if rotating else 1,
        spin=("spun" in chosen or "obfuscated" in chosen
              or (rotating and rng.random() < 0.5)),
        personalise="personalised" in chosen,
        short="short" in chosen,
        group="groups" in chosen,
        split="split" in chosen,
        slow="slow" in chosen,
        salad="salad" in chosen,
        obfuscate="obfuscated" in chosen,
        payload="payload" in chosen,
        homoglyph="homoglyph" in chosen,
        conversation="conversation" in chosen,
    )


@dataclass
class Attempt:
    recipients: tuple[str, ...]
    text: str
    template: int
    last_part: bool = True  # the last (or only) part of a message: then the targets are served
    conversation: str | None = None  # an existing conversation (its members: recipients)
    invitees: tuple[str, ...] = ()  # invited into the conversation before this message


class Spammer:
    """One interactive spam sender: proposes attempts, learns from each decision."""

    def __init__(self, uid: str, plan: Plan, targets: list[str], pool: tuple[str, ...],
                 limits: Limits, rng: random.Random, names: dict[str, str], *,
                 words: tuple[str, ...] = ()) -> None:
        self.uid = uid
        self.plan = plan
        self.limits = limits
        self.rng = rng
        self.names = names
        self.targets = deque(targets)
        self.words = words  # the salad: ordinary words
        if plan.salad and not words:
            raise ValueError("the salad tactic needs ordinary words (salad_words(corpus.ham))")
        room = limits.max_chars - (45 if plan.personalise else 20)  # room for the additions
        # The contact and its lead ("Call", "Visit") come after the body; a salad copy
        # keeps most of its room for the salad (a short body is what makes copies differ).
        self.contact = make_contact(rng, wallet=not plan.obfuscate) if plan.contact else None
        while plan.pieces and self.contact is not None and self.contact.kind != "phone":
            self.contact = make_contact(rng)  # pieces of a number
        if self.contact is not None:
            room = min(room, limits.max_chars - 70 if plan.obfuscate else limits.max_chars - 35)
            if plan.salad:
                room = min(room, SALAD_BODY)
            pool = payload_pool(pool)
        if plan.unread:
            # Templates the rules read as neither a contact nor a promotion, once cut.
            pool = tuple(t for t in pool if not counted_as_contact(clip(t, max(20, room))))
        k = plan.templates
        if plan.slow and k == 1 and limits.max_texts is not None:
            k = min(limits.max_texts, MAX_K)  # as many texts as the rule remembers, no more
        self.templates = pick_templates(pool, k, limits, rng, room=room, short=plan.short,
                                        short_spun=plan.short_spun)
        self.conversation = f"{uid}-conv" if plan.conversation else None
        self.recent: deque[bytes] = deque(maxlen=max(1, limits.max_texts or 32))  # salad copies
        self.forms: list[str] = []  # the contact's form in each copy (for the tests)
        self.written = ""  # the contact as written in the last copy
        self.turn = 0
        self.pending: list[Attempt] = []  # the remaining parts of a split message
        self.uses: list[deque[float]] = [deque() for _ in self.templates]  # slow: when each was sent
        self.last_send = -math.inf
        self.rejects = 0
        self.group_size = max(1, limits.max_people - 1)
        if (plan.conversation or plan.invited) and limits.fanout is not None:
            # Members of a conversation are each a stranger reached: no more at once
            # than the strangers rule admits (a new group still tries the largest).
            self.group_size = max(1, min(self.group_size, limits.fanout))
        self.text_limit = limits.max_chars
        self.attempt_times: list[float] = []  # for the obedience test

    # What to send next ------------------------------------------------------------

    def _text(self, template: int, name: str | None) -> str:
        if self.contact is not None:
            return self._contact_text(template, name)
        if self.plan.short_spun:
            return self._short_spun(template)
        if self.plan.unread:
            # Spinning may bring a trade word in ("complimentary"): drawn again.
            text = self._copy(template, name)
            for _ in range(UNREAD_TRIES):
                if not counted_as_contact(text):
                    break
                text = self._copy(template, name)
            return text
        return self._copy(template, name)

    def _copy(self, template: int, name: str | None) -> str:
        plan, rng, limit = self.plan, self.rng, self.text_limit
        text = self.templates[template]
        if plan.spin:
            text = spin(text, rng, limit=limit)
            if plan.short and text_chars(text) >= self.limits.min_chars > 1:
                text = self.templates[template]  # a filler or synonym made it long enough to trace
        if plan.personalise:
            text = personalise(text, name, rng, limit=limit)
        folded = evade(text, rng, limit=limit)
        if plan.short and text_chars(folded) >= self.limits.min_chars > 1:
            return text  # folding added letters: send the plain short text
        return folded

    def _contact_text(self, template: int, name: str | None) -> str:
        """A copy that carries the spammer's contact: the body folded (spun, personalised,
        homoglyphs) as usual, then the contact put in untouched, then the salad."""
        plan, rng, limit, contact = self.plan, self.rng, self.text_limit, self.contact
        assert contact is not None
        form = rng.choice(contact.forms()) if plan.obfuscate else "plain"
        written = self.written = contact.written(form, rng)
        self.forms.append(form)
        tail = f" {written}"
        lead = contact.lead(rng)
        room = max(10, limit - len(tail) - len(lead) - 1)
        body = self.templates[template]
        if plan.salad:
            room = min(room, SALAD_BODY)
        if plan.spin:
            body = spin(body, rng, limit=room)
        if plan.personalise:
            body = personalise(body, name, rng, limit=room)
        # Folded as usual (case, digits, look-alikes, spacing, invisible characters), the
        # contact after: its digits are never changed, it stays a working number or link.
        folded = evade(f"{clip(body, room)} {lead}", rng, limit=max(10, limit - len(tail)))
        if plan.homoglyph:
            folded = homoglyphs(folded, rng, rng.uniform(0.3, 0.4))
        if plan.salad:
            return self._salad(folded, tail, limit)
        return folded + tail

    def _short_spun(self, template: int) -> str:
        """A spun copy of a short template, drawn again (a few times) until it is still
        short, reads as talk, and is less alike than the rules' near-copy threshold to
        every recent copy (the fingerprint is public)."""
        limits = self.limits
        below = limits.plain_min_chars or limits.min_chars

        def draw() -> str | None:
            text = evade(spin(self.templates[template], self.rng, limit=self.text_limit),
                         self.rng, limit=self.text_limit)
            if not limits.min_chars <= text_chars(text) < below or counted_as_contact(text):
                return None
            return text
        threshold = limits.short_similarity if limits.short_similarity is not None else 1.0
        return self._least_alike(draw, threshold, self.templates[template])

    def _salad(self, body: str, tail: str, limit: int) -> str:
        """``body`` and its contact ``tail`` padded with ordinary words up to ``limit``,
        drawn again (a few times) until it is less similar than the rules' threshold to
        every copy still traced. Past half the tries the body loses its first words too
        (half of them at most): where the reader folds two bodies alike, the salad alone
        cannot tell the copies apart."""
        words = body.split()
        tries = 0

        def draw() -> str:
            nonlocal tries
            tries += 1
            kept = body
            if tries > SALAD_TRIES // 2 and len(words) > 1:
                kept = " ".join(words[-self.rng.randint((len(words) + 1) // 2, len(words)):])
            out = kept + tail
            while True:
                word = self.rng.choice(self.words)
                if len(out) + 1 + len(word) > limit:
                    return out
                out = f"{out} {word}" if self.rng.random() < 0.5 else f"{word} {out}"
        threshold = self.limits.similarity if self.limits.similarity is not None else 1.0
        return self._least_alike(draw, threshold, body + tail)

    def _least_alike(self, draw: Callable[[], str | None], threshold: float,
                     fallback: str) -> str:
        """Copies from ``draw`` (None: unusable), ``SALAD_TRIES`` at most, until one is less
        alike than ``threshold`` to every recent copy: the least alike of those drawn
        (``fallback`` when none was usable), remembered as a recent copy."""
        best, best_score, best_sig = fallback, math.inf, None
        for _ in range(SALAD_TRIES):
            text = draw()
            if text is None:
                continue
            sig = signature(text)
            score = max((similarity(sig, other) for other in self.recent), default=0.0)
            if score < best_score:
                best, best_score, best_sig = text, score, sig
            if score < threshold:
                break
        self.recent.append(best_sig if best_sig is not None else signature(best))
        return best

    def _choose_template(self, now: float) -> tuple[int, float]:
        """(template, earliest time) under the slow plan's per-text limits, else the next in turn."""
        count = len(self.templates)
        if not self.plan.slow or self.limits.recipients is None:
            index = self.turn % count
            self.turn += 1
            return index, now
        # At most recipients - 1 sends of one text, then a whole window of silence for it:
        # docs/policy.md says a traced text is dropped only 6 hours after its *last* use.
        allowed = self.limits.recipients - 1
        margin = 60.0
        best, best_at = 0, math.inf
        for offset in range(count):
            index = (self.turn + offset) % count
            uses = self.uses[index]
            if uses and uses[-1] + self.limits.window + margin <= now:
                uses.clear()
            at = now if len(uses) < allowed else uses[-1] + self.limits.window + margin
            if at < best_at:
                best, best_at = index, at
            if at <= now:
                break
        self.turn = best + 1
        return best, best_at

    def next_attempt(self, now: float) -> tuple[float, Attempt] | None:
        """When and what to try next (None: no targets left)."""
        if self.pending:
            return now + self.rng.uniform(2, 8), self.pending[0]
        if not self.targets or self.rejects >= MAX_REJECTS:
            return None
        # As many strangers as a new group may hold: today a group is one trace recipient.
        # A conversation: the same id each round, its members swapped for new strangers.
        grouped = self.plan.group or self.plan.conversation or self.plan.invited
        size = min(self.group_size, len(self.targets)) if grouped else 1
        recipients = tuple(self.targets[i] for i in range(size))
        name = self.names.get(recipients[0]) if size == 1 else None
        template, at = self._choose_template(now)
        text = self._text(template, name)
        pace = self.rng.expovariate(1 / 30)
        if self.plan.slow:
            # The rules count a promotion's words as a contact (docs/spam.md): so does it.
            counted = counted_as_contact(text)
            for rate in (self.limits.rate, self.limits.contact_rate if counted else None):
                if rate is not None:
                    limit, window = rate
                    pace = max(pace, window / limit * 1.05)  # under the limit, never at it
        at = max(at, self.last_send + pace, now)
        conv = self.conversation
        if self.plan.invited:  # a conversation of its own for these targets
            conv = f"{self.uid}-with-{recipients[0]}"
        if self.plan.pieces and self.contact is not None:
            # The text without its number, then the number in pieces, a message each:
            # "Ring 090", "617", "014", "61" (no piece is a phone number, none is traced).
            body = self._copy(template, name)
            first, *rest = self.contact.groups()
            cuts = [f"{self.contact.lead(self.rng)} {first}", *rest]
            parts = [Attempt(recipients, piece, template, last_part=False)
                     for piece in (body, *cuts)]
            parts[-1].last_part = True
            self.pending = parts
            return at, parts[0]
        if self.plan.split:
            # The contact stays whole, in one part: its spaces are not cut at.
            written = self.written
            protected = text.replace(written, written.replace(" ", "\x00")) if written else text
            pieces = [p.replace("\x00", " ")
                      for p in split_message(protected, self.rng.randint(2, 3))]
            parts = [Attempt(recipients, piece, template, last_part=False, conversation=conv)
                     for piece in pieces]
            parts[0].invitees = recipients if conv is not None else ()
            parts[-1].last_part = True
            self.pending = parts
            return at, parts[0]
        return at, Attempt(recipients, text, template, conversation=conv,
                           invitees=recipients if conv is not None else ())

    # What the decision says ---------------------------------------------------------------

    def outcome(self, attempt: Attempt, decision: Decision, now: float) -> list[str]:
        """Learn from ``decision``; the recipients served (delivered) by this attempt."""
        self.attempt_times.append(now)
        if decision.allowed:
            self.rejects = 0
            self.last_send = now
            if self.pending:
                self.pending.pop(0)
                for part in self.pending:
                    part.invitees = ()  # they are members now
            if attempt.last_part:
                for _ in attempt.recipients:
                    self.targets.popleft()
                if self.plan.slow:
                    self.uses[attempt.template].append(now)
            return list(attempt.recipients)
        if decision.verdict is Verdict.REJECT:
            self.rejects += 1
            self.pending = []
            code = decision.code
            if code == "group_too_large":
                self.group_size = max(1, self.group_size - 1)
            elif code in ("text_too_long", "sms_too_long"):
                self.text_limit = max(20, self.text_limit - 10)
            elif code in ("not_follower", "blocked_member", "invitee_not_follower"):
                for _ in attempt.recipients:
                    self.targets.popleft()  # a target it cannot reach: next one
        elif len(attempt.recipients) > 1 and decision.code in SPAM_CODES:
            # A group read as spam: smaller groups next time (they may pass under the bar).
            self.group_size = max(1, len(attempt.recipients) // 2)
        # THROTTLE / COOLDOWN: the same targets again, after the wait (the driver sees to it).
        return []


# -- the driver ------------------------------------------------------------------------


@dataclass
class _SpamTally:
    plan: Plan
    reached: set[str] = field(default_factory=set)
    reached_before_refusal: int | None = None  # set at the first spam refusal
    attempts: int = 0
    delivered: int = 0
    refusals: Counter[str] = field(default_factory=Counter)


@dataclass
class _HamTally:
    flagged: set[str] = field(default_factory=set)  # refused by a spam rule
    cooled: set[str] = field(default_factory=set)  # verdict COOLDOWN
    senders: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class RunConfig:
    seed: int = 1
    spammers: int = 20
    ham_senders: int = 1000  # 0.1% resolution for the false-positive target
    hours: float = 24.0
    start: float = T0
    targets: int = TARGETS_PER_SPAMMER
    rotating_k: int = DEFAULT_ROTATING_K
    retry_margin: tuple[float, float] = (1.0, 30.0)  # "plus a little" after a retry_after

    def __post_init__(self) -> None:
        if self.spammers < 1 or self.targets < 1 or self.ham_senders < 0:
            raise ValueError("spammers and targets must be at least 1, ham_senders at least 0")
        if not 0 < self.hours <= MAX_HOURS:
            raise ValueError(f"hours must be above 0 and at most {MAX_HOURS:.0f} "
                             "(rates are per day; over 24 for campaigns of several days)")
        if not 2 <= self.rotating_k <= MAX_K:
            raise ValueError(f"rotating_k must be from 2 to {MAX_K}")


def ham_events(config: RunConfig, corpus: Corpus) -> list[Event]:
    """The ordinary users' traffic (``simulate.py`` without spam), made once and reused."""
    sim = SimConfig(seed=config.seed, senders=max(10, config.ham_senders), hours=config.hours,
                    start=config.start, spam_share=0.0, compromised_share=0.0)
    return list(simulate(sim, corpus))


def _spam_rule_names(rules: RuleSet) -> frozenset[str]:
    return frozenset(r.name for r in rules.rules if r.kind not in NON_SPAM_KINDS)


def run_tactic(
    adversary: str,
    rules: RuleSet,
    corpus: Corpus,
    config: RunConfig = RunConfig(),
    *,
    ham: list[Event] | None = None,
    engine_factory: Callable[[RuleSet, MemoryGraph, Callable[[], float]], Engine] | None = None,
    keep_spammers: bool = False,
    feedback: FeedbackConfig | None = None,
) -> dict[str, Any]:
    """One tactic's row: spam senders of ``adversary`` and the ordinary users, on one engine."""
    limits = read_limits(rules)
    rng = random.Random(f"{config.seed}:{adversary}")
    now = [config.start]
    graph = MemoryGraph()
    engine = (engine_factory(rules, graph, lambda: now[0]) if engine_factory is not None else
              Engine(rules, storage="memory://", graph=graph, clock=lambda: now[0]))
    spam_rules = _spam_rule_names(rules)
    # Recipients who report or block, as a third source of events (backtest/feedback.py).
    fb = (Feedback(engine, graph, feedback, random.Random(f"{config.seed}:feedback"), now)
          if feedback is not None else None)
    pool = tuple(t for t in corpus.spam if len(t.split()) >= 4)
    words = salad_words(corpus.ham)
    spammers: list[Spammer] = []
    tallies: dict[str, _SpamTally] = {}
    names: dict[str, str] = {}
    for n in range(config.spammers):
        uid = f"spam-{adversary}-{n:03d}"
        plan = mixed_plan(rng) if adversary == "mix" else tactic_plan(adversary, k=config.rotating_k)
        targets = [f"{uid}-t{i:04d}" for i in range(config.targets)]
        for target in targets:
            graph.follow(target, uid)  # followed by all its targets, follows none of them
            if plan.follow:
                graph.follow(uid, target)  # ... but a follow-back spammer follows them all
            if plan.hosted:  # its host follows them all, and is followed by them
                graph.follow(target, host_of(uid))
                graph.follow(host_of(uid), target)
            names[target] = rng.choice(_NAMES)
        if plan.hosted:  # the host and the spammer are friends: they follow and wrote each other
            for a, b in ((uid, host_of(uid)), (host_of(uid), uid)):
                graph.follow(a, b)
                graph.record_message(a, b)
        spammers.append(Spammer(uid, plan, targets, pool, limits, random.Random(rng.random()),
                                names, words=words))
        tallies[uid] = _SpamTally(plan)
    end = config.start + config.hours * 3600
    heap: list[tuple[float, int, Any]] = []
    seq = 0

    def push(t: float, item: Any) -> None:
        nonlocal seq
        if t < end:
            seq += 1
            heapq.heappush(heap, (t, seq, item))

    for spammer in spammers:  # each starts at a random time in the first hour
        push(config.start + rng.uniform(0, 3600), spammer)
    events: Iterator[Event] = iter(ham if ham is not None else ())
    ham_tally = _HamTally()
    next_ham = next(events, None)
    plans: dict[int, tuple[float, Attempt]] = {}  # a spammer's planned attempt

    while heap or next_ham is not None:
        if fb is not None:
            fb.run_until(min(next_ham.t if next_ham is not None else end,
                             heap[0][0] if heap else end))
        if next_ham is not None and (not heap or next_ham.t <= heap[0][0]):
            now[0] = max(now[0], next_ham.t)
            _ham_event(engine, graph, next_ham, spam_rules, ham_tally, fb)
            next_ham = next(events, None)
            continue
        t, _, spammer = heapq.heappop(heap)
        now[0] = max(now[0], t)
        planned = plans.pop(id(spammer), None)
        if planned is None:  # decide what to send; it may have to wait for it
            planned = spammer.next_attempt(now[0])
            if planned is None:
                continue
            if planned[0] > now[0]:
                plans[id(spammer)] = planned
                push(planned[0], spammer)
                continue
        attempt = planned[1]
        decision = None
        if spammer.plan.hosted and attempt.invitees:
            # Its host greets the targets first (the starter's friends are those it wrote
            # to), as many as its own rules let it; the rest wait for the next round.
            greeted, refusal = _greet(engine, graph, host_of(spammer.uid), attempt.invitees,
                                      names, rng)
            if not greeted:
                push(now[0] + (refusal or 0.0) + rng.uniform(*config.retry_margin), spammer)
                plans[id(spammer)] = planned
                continue
            attempt = replace(attempt, recipients=greeted, invitees=greeted)
        if attempt.conversation is not None and attempt.invitees:
            # The new members are invited first (the old ones were removed or left).
            # A conversation not yet made is made by this invitation (no members yet).
            new = graph.conversation_started(attempt.conversation) is None
            if spammer.plan.hosted:  # its host invites the spammer and the targets
                host = host_of(spammer.uid)
                invite = InviteRequest(host, (*attempt.invitees, spammer.uid) if new
                                       else attempt.invitees, attempt.conversation,
                                       () if new else (host, spammer.uid))
            else:
                invite = InviteRequest(spammer.uid, attempt.invitees, attempt.conversation,
                                       () if new else (spammer.uid,))
            allowed = engine.check_invite(invite)
            if not allowed.allowed:
                decision = allowed
            else:
                graph.record_invite(invite, now[0])  # the host notes who started it, when
        if decision is None:
            request = SendRequest(spammer.uid, attempt.recipients, attempt.text,
                                  conversation=attempt.conversation)
            decision = engine.check(request)
            if (spammer.plan.swap and not decision.allowed
                    and decision.code in ("too_many_strangers", "links_to_strangers")):
                # The strangers rules count people it does not follow: it follows them,
                # writes, and unfollows (fanout counts people it follows).
                for person in attempt.recipients:
                    graph.follow(spammer.uid, person)
                decision = engine.check(request)
                for person in attempt.recipients:
                    graph.unfollow(spammer.uid, person)
        tally = tallies[spammer.uid]
        tally.attempts += 1
        served = spammer.outcome(attempt, decision, now[0])
        if fb is not None:
            fb.decided(spammer.uid, decision, spam=True)
            if served:
                fb.delivered(spammer.uid, served, spam=True)
        if decision.allowed:
            tally.delivered += 1
            tally.reached.update(served)
            push(now[0], spammer)
            continue
        reason = decision.reasons[0] if decision.reasons else None
        tally.refusals[decision.code or decision.verdict.value] += 1
        if reason is not None and reason.rule in spam_rules and tally.reached_before_refusal is None:
            tally.reached_before_refusal = len(tally.reached)
        wait = decision.retry_after or 0.0
        if wait > 0:
            wait += rng.uniform(*config.retry_margin)  # obey, plus a little
        else:
            wait = rng.uniform(5, 60)  # a REJECT: adapt, then go on
        push(now[0] + wait, spammer)
    engine.close()
    row = _row(adversary, tallies, ham_tally, config, limits)
    if fb is not None:
        row.update(fb.figures(len(ham_tally.senders)))
    if keep_spammers:
        row["_spammers"] = spammers
    return row


def host_of(uid: str) -> str:
    """The second account that starts a ``hosted`` spammer's conversations."""
    return f"{uid}-host"


_HOST_GREETINGS = ("hi {}!", "hey {} :)", "hello {}", "hiya {}!", "{}! hey", "morning {}",
              "hey there {}", "hi {}, hope ur well")


def _greet(engine: Engine, graph: MemoryGraph, host: str, targets: tuple[str, ...],
           names: dict[str, str], rng: random.Random) -> tuple[tuple[str, ...], float | None]:
    """The host's greeting to each target in turn, until one is refused: the targets
    greeted (a prefix of ``targets``) and the refusal's wait (600 s when it gives none;
    None when every target was greeted)."""
    greeted: list[str] = []
    for target in targets:
        if graph.has_written(host, target):
            greeted.append(target)
            continue
        text = rng.choice(_HOST_GREETINGS).format(names.get(target, "you"))
        decision = engine.check(SendRequest(host, (target,), text))
        if not decision.allowed:
            return tuple(greeted), decision.retry_after if decision.retry_after else 600.0
        graph.record_message(host, target)
        greeted.append(target)
    return tuple(greeted), None


def _ham_event(engine: Engine, graph: MemoryGraph, event: Event, spam_rules: frozenset[str],
               tally: _HamTally, fb: Feedback | None = None) -> None:
    if isinstance(event, GraphEvent):
        {"follow": graph.follow, "unfollow": graph.unfollow, "block": graph.block,
         "unblock": graph.unblock}[event.type](event.a, event.b)
    elif isinstance(event, InviteEvent):
        invite = InviteRequest(event.inviter, event.invitees, event.conversation, event.members)
        if engine.check_invite(invite).allowed:
            graph.record_invite(invite, event.t)
    elif isinstance(event, SendEvent) and event.text is not None:
        request = SendRequest(event.sender, event.recipients, event.text,
                              conversation=event.conversation)
        decision = engine.check(request)
        tally.senders.add(event.sender)
        if fb is not None:
            fb.decided(event.sender, decision, spam=False)
            if decision.allowed:
                fb.delivered(event.sender, event.recipients, spam=False)
        if decision.allowed:
            for recipient in event.recipients:
                graph.record_message(event.sender, recipient)  # what has_written answers from
        elif decision.reasons and decision.reasons[0].rule in spam_rules:
            tally.flagged.add(event.sender)
            if decision.verdict is Verdict.COOLDOWN:
                tally.cooled.add(event.sender)


def _row(adversary: str, tallies: dict[str, _SpamTally], ham: _HamTally, config: RunConfig,
         limits: Limits) -> dict[str, Any]:
    per_day = 24.0 / config.hours
    reached = [len(t.reached) for t in tallies.values()]
    contained = sum(
        1 for t in tallies.values()
        if (t.reached_before_refusal if t.reached_before_refusal is not None else len(t.reached))
        <= CONTAINED_STRANGERS
    )
    # Stricter: at most 4 strangers over the whole run, whatever was refused first (a first
    # group too large for the strangers rules is refused before anyone is reached: that
    # spammer is "contained", and may still reach 20 a day in smaller groups)
    held = sum(1 for r in reached if r <= CONTAINED_STRANGERS)
    refusals: Counter[str] = Counter()
    for t in tallies.values():
        refusals.update(t.refusals)
    n, n_ham = len(tallies), len(ham.senders)
    return {
        "tactic": adversary,
        "spam_senders": n,
        "contained": contained,
        "contained_share": contained / n if n else None,
        "held": held,
        "held_share": held / n if n else None,
        "reached_per_day_mean": sum(reached) / n * per_day if n else 0.0,
        "reached_per_day_max": max(reached, default=0) * per_day,
        "attempts": sum(t.attempts for t in tallies.values()),
        "delivered": sum(t.delivered for t in tallies.values()),
        "refusals": dict(refusals.most_common()),
        "plans": dict(Counter(_plan_label(t.plan) for t in tallies.values()).most_common()),
        "ham_senders": n_ham,
        "ham_refused_by_spam_rule": len(ham.flagged),
        "ham_refused_by_spam_rule_share": len(ham.flagged) / n_ham if n_ham else None,
        "ham_cooled_down": len(ham.cooled),
        "ham_cooled_down_share": len(ham.cooled) / n_ham if n_ham else None,
    }


def _plan_label(plan: Plan) -> str:
    parts = [f"rotating(K={plan.templates})" if plan.templates > 1 and not plan.payload
             else f"K={plan.templates}" if plan.templates > 1 else ""]
    parts += [name for name, on in (("spun", plan.spin), ("personalised", plan.personalise),
                                    ("short", plan.short), ("short-spun", plan.short_spun),
                                    ("groups", plan.group),
                                    ("split", plan.split), ("slow", plan.slow),
                                    ("salad", plan.salad), ("obfuscated", plan.obfuscate),
                                    ("payload", plan.payload), ("homoglyph", plan.homoglyph),
                                    ("conversation", plan.conversation),
                                    ("followback", plan.follow), ("unread", plan.unread),
                                    ("invited", plan.invited), ("followswap", plan.swap),
                                    ("pieces", plan.pieces), ("hosted", plan.hosted)) if on]
    return "+".join(p for p in parts if p) or "folded"


def targets_met(row: dict[str, Any]) -> dict[str, bool]:
    """Whether one tactic's row meets each detector target."""
    return {
        "contained": (row["contained_share"] or 0.0) >= TARGET_CONTAINED,
        "reached_per_day": row["reached_per_day_mean"] <= TARGET_REACHED_PER_DAY,
        "ham_cooled": (row["ham_refused_by_spam_rule_share"] or 0.0) <= TARGET_HAM_COOLED,
    }


def run_adversary(
    adversary: str,
    corpus: str | Path = DEFAULT_CORPUS,
    *,
    rules: str | Path = "default",  # a file, or a packaged name (policy/packaged.py)
    config: RunConfig = RunConfig(),
) -> dict[str, Any]:
    """The adversary table: one row per tactic (``mix``: every tactic, then the mixed one)."""
    if adversary not in ADVERSARIES:
        raise ValueError(f"unknown adversary {adversary!r}; known: {', '.join(ADVERSARIES)}")
    ruleset = load_rules(rules)
    loaded = load_corpus(corpus)
    ham = ham_events(config, loaded)
    names = (*TACTICS, "mix") if adversary == "mix" else (adversary,)
    rows = []
    for name in names:
        row = run_tactic(name, ruleset, loaded, config, ham=ham)
        row["targets_met"] = targets_met(row)
        rows.append(row)
    return {
        "config": asdict(config),
        "rules": str(rules),
        "rules_version": ruleset.version,
        "limits_read": asdict(read_limits(ruleset)),
        "targets": {"contained_share_min": TARGET_CONTAINED,
                    "reached_per_day_mean_max": TARGET_REACHED_PER_DAY,
                    "ham_refused_by_spam_rule_share_max": TARGET_HAM_COOLED},
        "rows": rows,
    }


def format_adversary_table(result: dict[str, Any]) -> str:
    """The adversary table as Markdown."""
    lines = [
        "| tactic | spam senders | contained | strangers reached / day (mean, max) "
        "| ordinary senders refused by a spam rule | targets met | held to 4 all run |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    for row in result["rows"]:
        met = row["targets_met"]
        lines.append(
            f"| {row['tactic']} | {row['spam_senders']} "
            f"| {_pct(row['contained_share'])} ({row['contained']}) "
            f"| {row['reached_per_day_mean']:.1f}, {row['reached_per_day_max']:.0f} "
            f"| {_pct(row['ham_refused_by_spam_rule_share'])} "
            f"({row['ham_refused_by_spam_rule']} of {row['ham_senders']}) "
            f"| {', '.join(k for k, v in met.items() if v) or 'none'} "
            f"| {_pct(row.get('held_share'))} |"
        )
    return "\n".join(lines)


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share * 100:.1f}%"
