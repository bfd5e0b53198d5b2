"""What a rule kind is: one module in ``policy/checks/`` with one small interface.

Every kind module has::

    KIND: str                        # the name rules files use in ``check = ...``
    STATEFUL: bool
    parse(reader) -> Params          # its parameters, validated (``checks/params.py``)
    needs(params) -> dict            # what the engine must gather for it (``NEEDS`` below)

A *stateless* kind (text length, followers, group) also has::

    evaluate(request, facts, params) -> Finding | None

A *stateful* kind (apps, cooldown, duplicates, quota) runs inside the storage's
atomic transition, in Python (``policy/core.py`` loops over the rules and calls
these) and in Lua (``<kind>.lua`` beside the module, assembled into one script by
the Redis driver; ``tests/storage/test_storage_parity.py`` holds the two together)::

    step(rule, ctx: Step) -> Fired | None      # what it finds; may change ctx.after
    finding(params, code, retry_after) -> Finding   # the verdict and the sender's message
    lua_params(rule, rules) -> list[tuple[str, str]]  # its Lua table fields (literals)

and optionally ``prepare(ctx)`` (once per transition, before the rules: drop what
expired), ``settle(rule, ctx)`` (after the verdict: consume, record),
``expires_at(rule, state) -> float | None`` (when its part of the state stops
mattering), ``trigger(rule, source, ctx) -> float | None`` (another rule fired and
this rule's ``triggered_by`` names it: the cooldown), ``TRIGGERS = True`` (its firing
may trigger rules), ``STANDING = True`` (it reports a ``Standing``: the quota) and
``check_together(rule, by_name) -> (field, problem) | None`` (cross-rule validation),
``hold(rule, state, now) -> Hold`` (what the rule holds against the sender now, read
only: ``Engine.standing``, ``policy/standing.py``; a kind without it holds nothing),
``OWN_HASH = True`` (its state is a Redis hash of its own, ``policy/storage/redis/keys.py``;
every other stateful kind keeps a slice: a field of the sender's slices hash, named by
the rule), ``decode_slice(blob) -> value`` (a kind keeping a slice: its Redis field read
back into the value its Python keeps, ``policy/storage/redis/snapshot.py``), ``counted(rule, state,
now)`` and ``credit(rule, state, now, amount)`` (a kind counting messages, the quota: its
live counts, and them with ``amount`` given back, for ``reset_quota``/``credit_quota``),
``report(rule, ctx) -> Fired | None`` (a recipient reported the sender: ``ctx.features.report``
is the kind, ``units`` the reporter; no rule steps or settles in such a transition, and
the ``Fired`` code says what became of the report) and
``local_params(params, share) -> params`` (the rule as one process applies it alone on
its local store in the ``local`` failure mode, ``share`` being ``local_share``: the
quota admits that share of its limit).
"""

from __future__ import annotations

import enum
import math
import struct
import sys
import time
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from policy.decision import Verdict
from policy.state import SenderState

# What kinds may ask the engine to gather (``needs``), and how several asks combine.
NEEDS: dict[str, str] = {
    "relationships": "any",  # followed_by_sender and wrote_to_sender (evidence of a conversation)
    "blocked_pairs_up_to": "max",  # blocks among the people of a new group up to this size
    "text_from_chars": "min",  # the text's fingerprint, for texts of at least this many chars
    "units": "any",  # the recipients as units (a user; a conversation counts once)
    "people": "any",  # the recipients one by one, inside a conversation too
    "contacts": "any",  # the text's phone numbers, domains, addresses, keyed-hashed
}


class Mode(enum.StrEnum):
    ENFORCE = "enforce"  # refuses
    SHADOW = "shadow"  # evaluated and reported in Decision.shadow, never refuses
    OFF = "off"  # not evaluated


@dataclass(frozen=True, slots=True)
class Facts:
    """Answers from the host's social graph, gathered before the pure decision."""

    follows_sender: frozenset[str] = frozenset()  # recipients who follow the sender
    followed_by_sender: frozenset[str] = frozenset()  # recipients the sender follows
    wrote_to_sender: frozenset[str] = frozenset()  # recipients who have written to the sender
    blocked_pairs: frozenset[tuple[str, str]] = frozenset()  # (blocker, blocked) among participants


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's refusal (or would-be refusal in shadow mode), as the sender reads it."""

    code: str
    verdict: Verdict
    message: str
    retry_after: float | None = None


@dataclass(frozen=True, slots=True)
class Fired:
    """What a stateful rule found, as it crosses the storage boundary (the Lua script
    returns these three values): no verdict or message, which ``finding`` adds after."""

    rule: str
    code: str
    retry_after: float | None = None


@dataclass(frozen=True, slots=True)
class Standing:
    limit: int
    remaining: int
    reset: float


@dataclass(frozen=True, slots=True)
class Hold:
    """What one stateful rule holds against a sender now (its kind's ``hold`` hook).

    ``status`` is one of ``HOLD_STATUSES``; ``until`` when it stops holding (None: it
    does not hold, or holds until something else happens); ``detail`` numbers only (never
    an id or text); ``words`` the same in plain words, for a support agent.
    """

    status: str = "clear"
    until: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    words: str = ""


# clear: nothing holds; cooling: a wait (cooldown); throttled: a limit reached (quota,
# strangers); revoked: an app revoked for this sender; tracing: copies being counted.
HOLD_STATUSES = ("clear", "cooling", "throttled", "revoked", "tracing")


def at_words(at: float, now: float) -> str:
    """A time as a support agent reads it: ``14:32 UTC``, with the date when not today."""
    when, today = time.gmtime(at), time.gmtime(now)
    clock = time.strftime("%H:%M UTC", when)
    if when[:3] == today[:3]:
        return clock
    return time.strftime("%Y-%m-%d ", when) + clock


def wait_words(seconds: float) -> str:
    """A duration in words: ``30 minutes``, ``2 hours``, ``3 days`` (rounded up)."""
    minutes = max(1, math.ceil(seconds / 60 - 1e-9))
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    hours = math.ceil(minutes / 60 - 1e-9)
    if hours < 48:
        return f"{hours} hours"
    return f"{math.ceil(hours / 24 - 1e-9)} days"


@dataclass(frozen=True, slots=True)
class Features:
    """What the stateful checks need to know of one send, already hashed.

    ``units`` are the recipients as the duplicates rule counts them (one per
    user, or one for a group conversation), each with its evidence of a real
    relationship: ``NONE`` (0), ``FOLLOWED`` (1: the sender follows them) or ``WROTE``
    (2: they have written to the sender; a bool reads as NONE or FOLLOWED); ``people``
    the same one person at a time, members of a conversation included (the strangers
    rule), the same tuple as ``units`` when there is no conversation.
    ``signature`` is None when no rule needs the text.
    """

    app: str | None
    self_message: bool
    signature: bytes | None
    text_chars: int  # length of the normalised text (-1: not read, a stateless rule refuses)
    units: tuple[tuple[str, int], ...]
    cost: int = 1
    contact: bool = False  # a phone number, a link or an address, or a promotion's words
    people: tuple[tuple[str, int], ...] | None = None  # None: the same as units
    contacts: tuple[str, ...] = ()  # the text's contacts, hashed with the key secret
    # Not a send but a recipient's report ("spam" or "block"): ``units`` is then the one
    # reporter, its evidence whether they wrote to the sender; only ``report`` hooks run.
    report: str | None = None

    @property
    def each_person(self) -> tuple[tuple[str, int], ...]:
        """The send's people one at a time (``people``; ``units`` when no conversation)."""
        return self.units if self.people is None else self.people


@dataclass(slots=True)
class Step:
    """One transition's working data, shared by the rules' ``step`` and ``settle``.

    ``before`` is the snapshot (never changed); ``after`` the new state the rules
    build; ``found`` what a rule's step left for its own ``settle`` (by rule name).
    """

    before: SenderState
    after: SenderState
    features: Features
    now: float
    rules: tuple[Any, ...]
    refused: bool = False
    found: dict[str, Any] = field(default_factory=dict)
    standings: list[tuple[str, Standing]] = field(default_factory=list)
    revoked_app: bool = False  # a self-message revoked the sending app for this sender


_LAST = itemgetter(1)


# A recipient's evidence of a relationship with the sender (Features.units). Following is
# the sender's own click: a rule with ``count_followed`` counts the FOLLOWED recipients
# (follow-back schemes), which the plain rules do not; who wrote to the sender never counts.
NONE, FOLLOWED, WROTE = 0, 1, 2


def new_strangers(counted: tuple[str, ...], units: tuple[tuple[str, int], ...],
                  followed: bool = False) -> tuple[str, ...]:
    """The recipients of ``units`` without evidence of a relationship (``followed``: the
    ones the sender follows who never wrote to it, what a ``count_followed`` rule counts)
    and not in ``counted``, each once, in order (what a spam rule counts)."""
    seen = set(counted)
    out: list[str] = []
    for unit, evidence in units:
        if (evidence == FOLLOWED if followed else not evidence) and unit not in seen:
            seen.add(unit)
            out.append(unit)
    return tuple(out)


def live_since(items: tuple[Any, ...], now: float, window: float) -> tuple[Any, ...]:
    """The ``items`` (each with its last use at ``[1]``) still inside ``window``."""
    cutoff = now - window
    if not items or min(map(_LAST, items)) > cutoff:  # the usual case: all of them
        return items
    return tuple(item for item in items if item[1] > cutoff)


def window_end(items: tuple[Any, ...], window: float) -> float | None:
    """When the last of ``items`` (each with its last use at ``[1]``) leaves ``window``."""
    return max(map(_LAST, items)) + window if items else None


def keep_slice(ctx: Step, rule: Any, value: tuple[Any, ...]) -> None:
    """Keep ``value`` as ``rule``'s slice of the new state (none when it is empty)."""
    if value:
        ctx.after.slices[rule.name] = value
    else:
        ctx.after.slices.pop(rule.name, None)


TIME_WIDTH = 8  # transition.lua's time_field: the IEEE 754 double, big-endian
_TIME = struct.Struct(">d")
_ZERO = bytes(8)


def time_field(x: float) -> bytes:
    """A time as the Lua kinds store it in a fixed-width record (``time_field``): its
    double's 8 bytes, exact (a third of the 18 characters of '%.17g'). Any finite
    time but a subnormal one, as the Lua writes it (zero as 0.0)."""
    if x == 0:
        return _ZERO
    if not math.isfinite(x) or abs(x) < sys.float_info.min:
        raise ValueError(f"a time out of range: {x!r}")
    return _TIME.pack(x)


def read_time(blob: bytes, at: int) -> float:
    """``time_field``'s twin: the time at ``at`` in ``blob`` (a ValueError where the
    blob is too short: a field cut or written by hand reads as what it is, nonsense)."""
    try:
        return _TIME.unpack_from(blob, at)[0]  # type: ignore[no-any-return]
    except struct.error as exc:
        raise ValueError(f"a time field cut short at {at}: {exc}") from None


def slice_expires_at(rule: Any, state: SenderState) -> float | None:
    """``expires_at`` of a kind whose slice is items with their last use at ``[1]``."""
    return window_end(state.slices.get(rule.name, ()), rule.params.window)  # type: ignore[arg-type]
