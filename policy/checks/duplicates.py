"""Duplicate content across recipients: the same (or nearly the same) text to many people.

Texts are compared by fingerprint (``policy/fingerprint.py``): normalised
(numbers, look-alike letters, invisible characters, case and spacing folded
away) and reduced to a 32-byte MinHash signature. rapidfuzz finds the most
similar recent text. A recipient counts only without evidence of a real
relationship: one the sender follows back, or who has written to the sender,
does not count. Texts with fewer than ``min_chars`` letters and digits after normalisation ("ok",
"happy birthday") are never traced: they say too little to be a campaign.

The rule fires when a text would reach its ``recipients``-th distinct
recipient within ``window``.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import Hamming

from policy.checks.base import Finding, Fired, Step
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.lua import lua_int, lua_num
from policy.state import Cluster, SenderState

KIND = "duplicates"
STATEFUL = True
TRIGGERS = True  # a cooldown's triggered_by may name it

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


def parse(reader: ParamReader) -> Params:
    return Params(
        similarity=reader.number("similarity", 0.5, minimum=0.05, maximum=1.0),
        recipients=reader.integer("recipients", 5, minimum=2, maximum=1000),
        window=reader.duration("window", "6h"),
        max_texts=reader.integer("max_texts", 32, minimum=1, maximum=512),
        min_chars=reader.integer("min_chars", 32, minimum=0),
    )


def needs(params: Params) -> dict[str, object]:
    return {"relationships": True, "text_from_chars": params.min_chars, "units": True}


def step(rule: Any, ctx: Step) -> Fired | None:
    """Match the text against the live trace; fire when it reaches its ``recipients``-th
    recipient (the cooldowns it triggers give the wait)."""
    d: Params = rule.params
    feats = ctx.features
    if feats.signature is None or feats.text_chars < d.min_chars:
        return None
    live = live_clusters(ctx.before.traces.get(rule.name, ()), ctx.now, d)
    match = best_match(live, feats.signature, d)
    added = new_units(match, feats.units)
    ctx.found[rule.name] = (match, added, live)
    if fires(match, added, d):
        return Fired(rule.name, "duplicate_content")
    return None


def settle(rule: Any, ctx: Step) -> None:
    """Record a delivered send in the trace; otherwise only drop what expired."""
    after, found = ctx.after, ctx.found.get(rule.name)
    if found is not None and not ctx.refused:
        match, added, live = found
        signature = ctx.features.signature
        assert signature is not None  # matched only when there is a signature
        # ``live`` was taken from this same trace at this same ``now``: record() reuses it.
        clusters, used_seq = record(after.traces.get(rule.name, ()), match, signature, added,
                                    ctx.now, after.next_seq, rule.params, live)
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


def finding(params: Params, code: str, retry_after: float | None) -> Finding:
    return Finding(code, Verdict.COOLDOWN, message(retry_after), retry_after)


def lua_params(rule: Any, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    p: Params = rule.params
    return [("similarity", lua_num(p.similarity)), ("recipients", lua_int(p.recipients)),
            ("window", lua_num(p.window)), ("max_texts", lua_int(p.max_texts)),
            ("min_chars", lua_int(p.min_chars))]


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


def best_match(live: list[Cluster], signature: bytes, params: Params) -> Cluster | None:
    """The most similar live cluster at or above the threshold (ties: the most recent)."""
    if not live:
        return None
    found = process.extractOne(
        signature,
        list(map(_SIGNATURE, live)),
        scorer=Hamming.normalized_similarity,
        score_cutoff=params.similarity,
    )
    return live[found[2]] if found is not None else None


def new_units(cluster: Cluster | None, units: tuple[tuple[str, bool], ...]) -> tuple[str, ...]:
    """Recipients this send adds to the cluster: no evidence, not already counted."""
    seen = set(cluster.units) if cluster else set()
    out: list[str] = []
    for unit, evidence in units:
        if not evidence and unit not in seen:
            seen.add(unit)
            out.append(unit)
    return tuple(out)


def fires(cluster: Cluster | None, added: tuple[str, ...], params: Params) -> bool:
    if cluster is None:
        return False
    return len(cluster.units) + len(added) >= params.recipients


def record(
    clusters: tuple[Cluster, ...],
    match: Cluster | None,
    signature: bytes,
    added: tuple[str, ...],
    now: float,
    seq: int,
    params: Params,
    live: list[Cluster] | None = None,
) -> tuple[tuple[Cluster, ...], bool]:
    """The trace after a delivered send; returns (clusters, whether ``seq`` was used).

    ``live`` is ``live_clusters(clusters, now, params)`` when the caller already has it.
    """
    if live is None:
        live = live_clusters(clusters, now, params)
    if match is not None:
        units = (match.units + added)[: params.recipients]
        updated = Cluster(match.signature, units, now, match.seq)
        rest = [c for c in live if c.seq != match.seq]
        return (updated, *rest)[: params.max_texts], False
    created = Cluster(signature, added[: params.recipients], now, seq)
    return (created, *live)[: params.max_texts], True


def message(retry_after: float | None) -> str:
    text = "The same message sent to many accounts looks like spam."
    if retry_after:
        minutes = int(retry_after // 60)
        text += f" Wait {minutes} minutes without any attempt to send before trying again."
    return text
