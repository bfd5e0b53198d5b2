"""Duplicate content across recipients: the same (or nearly the same) text to many people.

Texts are compared by fingerprint (``policy/fingerprint.py``): normalised
(numbers, look-alike letters, invisible characters, case and spacing folded
away) and reduced to a 32-byte MinHash signature. rapidfuzz finds the most
similar recent text. A recipient counts only without evidence of a real
relationship: one the sender follows back, or who has written to the sender,
does not count. A rule with ``count_followed = true`` counts the other side: the
people the sender follows who never wrote to the sender. Following is the sender's own
click, so a spammer that follows every target first (a follow-back scheme) would hide
a whole campaign from the plain rule; such a rule wants a larger ``recipients``, and it
records a text only once it reaches someone it counts. Texts with fewer than ``min_chars`` letters and digits after normalisation ("ok",
"happy birthday") are not traced, unless ``short_similarity`` is set: then from
``SHORT_FROM`` (8) letters and digits, and only near copies (that similarity or more)
count as one; a short copy sent to someone who knows the sender marks its cluster
``friendly`` ("see you soon" to friends and to a few followers is talk), and a friendly
cluster's short copies never fire.

The rule fires when a text would reach its ``recipients``-th distinct
recipient within ``window``, counting the recipients of *every* recent text at
least ``similarity`` alike (not only the closest one): spun copies that differ
from one another still share a neighbourhood. A text that carries a contact (a
phone number, a link, an address: what a campaign wants its readers to act on;
or a promotion's words, ``policy/promotion.py``) is compared at ``contact_similarity`` (spun copies keep a third of their
shingles; "what did you think about <topic>?" to five friends, with no contact,
stays apart at ``similarity``), and traced from ``contact_min_chars``, so a
campaign cut into short parts or shortened under ``min_chars`` is still seen.

A traced text remembers that a copy of it carried one (``Cluster.contact``). Once it
reached someone the rule counts, later texts are compared with it at
``contact_similarity`` too: a spun copy that lost its number or its pitch (spinning
rewrites "reply" and "prize" as well) still counts with its campaign's earlier copies.
Once it reached two, the sender's shorter texts are traced from ``contact_min_chars`` as
well: a campaign cut in parts carries its contact in one part, and the others are short
and alike from copy to copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Hamming

from policy.checks.base import (
    WROTE,
    Finding,
    Fired,
    Hold,
    Step,
    at_words,
    new_strangers,
)
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.lua import lua_bool, lua_int, lua_num
from policy.state import Cluster, SenderState

KIND = "duplicates"
STATEFUL = True
OWN_HASH = True  # its state is a hash of its own (keys.py: :t), not a slice
LUA_ONCE = True  # its Lua sets what one call reads in `begin`: loadable once (a Redis function)
CODES = ("duplicate_content",)  # what it may fire (a rule's `challenge` names some)
TRIGGERS = True  # a cooldown's triggered_by may name it

# A copy with a contact marks its traced text (Cluster.contact) once it reached people the
# rule counts: one, for later texts to be compared at contact_similarity; two, for the
# sender's short texts to be traced. A number sent to a friend (nobody counted), or a
# price to one customer, changes nothing for what the sender writes next.
LOOSENS_FROM = 1
TRACES_SHORT_FROM = 2
# With short_similarity, texts are traced from this many letters and digits (not "ok", "hi
# there", "see you"): what the decision log fingerprints (decisionlog.DEFAULT_SIGNATURE_FROM),
# so that a day it recorded replays the same.
SHORT_FROM = 8

_LAST = attrgetter("last")
_SEQ = attrgetter("seq")
_SIGNATURE = attrgetter("signature")


@dataclass(frozen=True, slots=True)
class Params:
    similarity: float
    recipients: int
    window: float
    max_texts: int
    min_chars: int
    contact_min_chars: int
    contact_similarity: float
    count_followed: bool = False  # count the people the sender follows (who never wrote)
    short_similarity: float = 0.0  # above 0: shorter texts traced too, near copies only

    def traces(self, chars: int, contact: bool) -> bool:
        """Whether a text of ``chars`` letters and digits (with a contact or not) is traced."""
        return chars >= self.min_chars or (contact and chars >= self.contact_min_chars)


def parse(reader: ParamReader) -> Params:
    min_chars = reader.integer("min_chars", 32, minimum=0)
    similarity = reader.number("similarity", 0.5, minimum=0.05, maximum=1.0)
    return Params(
        similarity=similarity,
        recipients=reader.integer("recipients", 5, minimum=2, maximum=1000),
        window=reader.duration("window", "6h"),
        max_texts=reader.integer("max_texts", 32, minimum=1, maximum=512),
        min_chars=min_chars,
        # Unset: the same as min_chars (contacts change nothing).
        contact_min_chars=reader.integer("contact_min_chars", min_chars, minimum=0),
        # Unset: the same as similarity.
        contact_similarity=reader.number("contact_similarity", similarity, minimum=0.05,
                                         maximum=1.0),
        count_followed=reader.boolean("count_followed", False),
        short_similarity=reader.number("short_similarity", 0.0, minimum=0.0, maximum=1.0),
    )


def needs(params: Params) -> dict[str, object]:
    traced_from = min(params.min_chars, params.contact_min_chars)
    if params.short_similarity:
        traced_from = min(traced_from, SHORT_FROM)
    return {"relationships": True, "units": True, "text_from_chars": traced_from}


def step(rule: Any, ctx: Step) -> Fired | None:
    """Match the text against the live trace; fire when it reaches its ``recipients``-th
    recipient (the cooldowns it triggers give the wait)."""
    d: Params = rule.params
    feats = ctx.features
    if feats.signature is None:
        return None
    clusters = ctx.before.traces.get(rule.name, ())
    threshold, cthreshold, short = d.similarity, d.contact_similarity, False
    # A short text is traced after a contact too: a campaign cut in parts puts its number
    # in one, and the others, short and alike, are its copies as much. Looked up in the
    # trace as stored (settle sorts it once when the text is not traced).
    if not d.traces(feats.text_chars, True) or (
            not d.traces(feats.text_chars, feats.contact)
            and not traces_short(clusters, ctx.now, d)):
        if not d.short_similarity or feats.text_chars < SHORT_FROM:
            return None  # too short for this rule
        # Shorter still (short_similarity): near copies only. A short copy to someone who
        # knows the sender makes its cluster friendly; a friendly one never fires.
        threshold = cthreshold = d.short_similarity
        short = True
    live = live_clusters(clusters, ctx.now, d)
    match, counted = neighbourhood(live, feats.signature, threshold, cthreshold,
                                   feats.contact)
    added = new_units(counted, feats.units, d.count_followed)
    friendly = short and knows(feats.units, d.count_followed)
    ctx.found[rule.name] = (match, added, live, friendly)
    if short and (friendly or (match is not None and match.friendly)):
        return None
    # A first copy never fires, even to a new group of many (the strangers rule bounds
    # that): a refused send records nothing, so it would fire again at every retry. Nor
    # does a copy that reaches nobody new: a retry, or the same text again to people or a
    # conversation it already reached.
    if match is not None and added and len(counted) + len(added) >= d.recipients:
        return Fired(rule.name, "duplicate_content")
    return None


def settle(rule: Any, ctx: Step) -> None:
    """Record a delivered send in the trace; otherwise only drop what expired."""
    after, found = ctx.after, ctx.found.get(rule.name)
    # A new text to nobody a count_followed rule counts is not recorded (ordinary talk
    # costs it no memory); the plain rule traces every text.
    counts = found is not None and (found[0] is not None or bool(found[1]) or found[3]
                                    or not rule.params.count_followed)
    if found is not None and counts and not ctx.refused:
        match, added, live, friendly = found
        signature = ctx.features.signature
        assert signature is not None  # matched only when there is a signature
        # ``live`` was taken from this same trace at this same ``now``: record() reuses it.
        clusters, used_seq = record(after.traces.get(rule.name, ()), match, signature, added,
                                    ctx.now, after.next_seq, rule.params, live,
                                    ctx.features.contact, friendly)
        after.traces[rule.name] = clusters
        if used_seq:
            after.next_seq += 1
    else:
        # The trace is unchanged since it was matched against, so what was live then is
        # live now.
        kept = found[2] if found is not None else live_clusters(
            after.traces.get(rule.name, ()), ctx.now, rule.params)
        if kept:
            after.traces[rule.name] = tuple(kept)
        else:
            after.traces.pop(rule.name, None)


def expires_at(rule: Any, state: SenderState) -> float | None:
    clusters = state.traces.get(rule.name)
    if not clusters:
        return None
    # The transition wrote the trace (live_clusters or record): most recent first, but for
    # a recorded cluster in front (the clock may have stepped back).
    return max(map(_LAST, clusters[:2])) + rule.params.window


def hold(rule: Any, state: SenderState, now: float) -> Hold:
    """The texts traced and how close each is to firing (recipient counts, never text)."""
    d: Params = rule.params
    live = live_clusters(state.traces.get(rule.name, ()), now, d)
    if not live:
        return Hold("clear", words="no text traced")
    counts = [len(c.units) for c in live]
    most, until = max(counts), max(c.last for c in live) + d.window
    detail = {"texts_traced": len(live), "recipients_traced": counts, "threshold": d.recipients}
    words = (f"{len(live)} text{'s' if len(live) != 1 else ''} traced; the most copied has "
             f"reached {most} people who do not know them (at {d.recipients} it stops their "
             f"sending); forgotten by {at_words(until, now)} if no copy follows")
    return Hold("tracing", until, detail, words)


def finding(params: Params, code: str, retry_after: float | None) -> Finding:
    return Finding(code, Verdict.COOLDOWN, message(retry_after), retry_after)


def lua_params(rule: Any, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    p: Params = rule.params
    return [("similarity", lua_num(p.similarity)), ("recipients", lua_int(p.recipients)),
            ("window", lua_num(p.window)), ("max_texts", lua_int(p.max_texts)),
            ("min_chars", lua_int(p.min_chars)),
            ("contact_min_chars", lua_int(p.contact_min_chars)),
            ("contact_similarity", lua_num(p.contact_similarity)),
            ("count_followed", lua_bool(p.count_followed)),
            ("short_similarity", lua_num(p.short_similarity))]


def live_clusters(clusters: tuple[Cluster, ...], now: float, params: Params) -> list[Cluster]:
    """Unexpired clusters, most recent first (ties: newest creation first)."""
    cutoff = now - params.window
    # Sorting first (stable, so equal keys keep their order either way) puts the expired
    # clusters at the end, where they are cut off without a Python-level pass over the rest.
    # By (last, seq) descending, as two stable sorts: seq, then last (cheaper than a tuple
    # key per cluster, and the same order, ties included).
    live = sorted(clusters, key=_SEQ, reverse=True)
    live.sort(key=_LAST, reverse=True)
    while live and not live[-1].last > cutoff:
        live.pop()
    return live


def neighbourhood(
    live: list[Cluster], signature: bytes, threshold: float,
    contact_threshold: float | None = None, contact: bool = False,
) -> tuple[Cluster | None, tuple[str, ...]]:
    """The most similar live cluster at or above its threshold (ties: the most recent),
    and the recipients of every cluster at or above it: the best one's first, then the
    others' in trace order, each once.

    The threshold is ``contact_threshold`` when the text or the cluster carries a contact
    (``contact``; ``Cluster.contact`` once it reached someone counted: ``loosens``), else
    ``threshold``: a spun copy that lost its number or its pitch is still compared with
    its campaign's earlier copies as one."""
    if not live:
        return None, ()
    if contact_threshold is None:
        contact_threshold = threshold
    if contact:
        threshold = contact_threshold
    low = min(threshold, contact_threshold)
    signatures = list(map(_SIGNATURE, live))
    scorer = Hamming.normalized_similarity
    # Most texts match nothing: one pass in C finds that out.
    if process.extractOne(signature, signatures, scorer=scorer, score_cutoff=low) is None:
        return None, ()
    found = process.extract(signature, signatures, scorer=scorer, score_cutoff=low,
                            limit=None)
    if threshold != contact_threshold:
        found = [f for f in found if f[1] >= (contact_threshold if loosens(live[f[2]])
                                              else threshold)]
        if not found:
            return None, ()
    top = max(score for _, score, _ in found)
    best = min(index for _, score, index in found if score == top)
    counted = list(live[best].units)
    seen = set(counted)
    for index in sorted(index for _, _, index in found if index != best):
        for unit in live[index].units:
            if unit not in seen:
                seen.add(unit)
                counted.append(unit)
    return live[best], tuple(counted)


def traces_short(clusters: tuple[Cluster, ...], now: float, params: Params) -> bool:
    """Whether a live cluster of a contact has reached ``TRACES_SHORT_FROM`` people: the
    sender's short texts are then traced from ``contact_min_chars``."""
    cutoff = now - params.window
    return any(c.contact and c.last > cutoff and len(c.units) >= TRACES_SHORT_FROM
               for c in clusters)


def loosens(cluster: Cluster) -> bool:
    """Whether texts without a contact are compared with ``cluster`` at contact_similarity."""
    return cluster.contact and len(cluster.units) >= LOOSENS_FROM


def knows(units: tuple[tuple[str, int], ...], count_followed: bool = False) -> bool:
    """Whether a recipient knows the sender: any evidence (``count_followed``: wrote)."""
    return any((evidence == WROTE) if count_followed else evidence for _, evidence in units)


def new_units(counted: tuple[str, ...], units: tuple[tuple[str, int], ...],
              count_followed: bool = False) -> tuple[str, ...]:
    """Recipients this send adds: no evidence (``count_followed``: followed by the sender,
    never wrote to the sender), not already counted."""
    return new_strangers(counted, units, count_followed)


def record(
    clusters: tuple[Cluster, ...],
    match: Cluster | None,
    signature: bytes,
    added: tuple[str, ...],
    now: float,
    seq: int,
    params: Params,
    live: list[Cluster] | None = None,
    contact: bool = False,
    friendly: bool = False,
) -> tuple[tuple[Cluster, ...], bool]:
    """The trace after a delivered send; returns (clusters, whether ``seq`` was used).

    ``live`` is ``live_clusters(clusters, now, params)`` when the caller already has it.
    """
    if live is None:
        live = live_clusters(clusters, now, params)
    if match is not None:
        units = (match.units + added)[: params.recipients]
        updated = Cluster(match.signature, units, now, match.seq, match.contact or contact,
                          match.friendly or friendly)
        rest = [c for c in live if c.seq != match.seq]
        return bounded([updated, *rest], params.max_texts), False
    created = Cluster(signature, added[: params.recipients], now, seq, contact, friendly)
    return bounded([created, *live], params.max_texts), True


def bounded(clusters: list[Cluster], max_texts: int) -> tuple[Cluster, ...]:
    """At most ``max_texts`` clusters (most recent first): past it, the least recent one
    with no recipient of its own goes (each of its people reached by an older cluster
    too, or nobody counted), else the least recent; never the first, the one just
    recorded. Dropping the least recent alone let 12 texts to a friend, or to someone
    the campaign already reached, push the campaign's text out of the trace: each copy
    was a first copy again. A friendly cluster (short_similarity) is never taken for one
    with no recipient of its own: its mark is what keeps its short copies talk."""
    while len(clusters) > max_texts:
        victim, older = len(clusters) - 1, set()
        for i in range(len(clusters) - 1, 0, -1):
            units = clusters[i].units
            if not clusters[i].friendly and all(unit in older for unit in units):
                victim = i
                break
            older.update(units)
        del clusters[victim]
    return tuple(clusters)


def message(retry_after: float | None) -> str:
    text = "The same message sent to many accounts looks like spam."
    if retry_after:
        minutes = int(retry_after // 60)
        text += f" Wait {minutes} minutes without any attempt to send before trying again."
    return text


# What each parameter does: docs/rules.md is generated from these and from ``parse``
# (python -m policy.checks.reference --write).
PARAM_DOCS = {
    "min_chars": (
        "letters and digits (after normalisation) under which a text is never traced"
    ),
    "similarity": "share of equal signature bytes at which two texts count as one",
    "recipients": (
        "the distinct recipient (strangers only) at which a text and the texts alike fire"
    ),
    "window": "how long a text is remembered since its last use",
    "max_texts": "texts kept per sender (past it, the oldest one with no recipient of its own, "
                 "none that no older text reached, is dropped; else the oldest)",
    "contact_min_chars": (
        "`min_chars` for a text that carries a contact or reads as a promotion, and for any "
        "text while a traced one that did has reached two people counted (unset: `min_chars`)"
    ),
    "contact_similarity": (
        "`similarity` for a text that carries a contact or reads as a promotion, and for "
        "any text compared with a traced one that did, once it reached someone counted "
        "(unset: `similarity`)"
    ),
    "short_similarity": (
        "above 0: texts under `min_chars` (and `contact_min_chars`) are traced too, from 8 "
        "letters and digits, and count as one only at this similarity or more (near copies); "
        "a short copy sent to someone you follow or who wrote to you marks its text as talk "
        "among friends, and that text's short copies never fire (0: off; following is one "
        "click: it bounds naive short campaigns, not adaptive ones)"
    ),
    "count_followed": (
        "count the people the sender follows who never wrote to the sender, instead of "
        "strangers: following is one click, so a follow-back scheme cannot hide a "
        "campaign; use it with a larger `recipients`"
    ),
}
