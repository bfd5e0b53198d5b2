"""The same contact to many strangers: a phone number, a domain or an address that
reaches its ``recipients``-th distinct stranger within ``window`` is spam, whatever
the words around it.

A campaign can rotate its templates, spin its words or pad them with salad until
no two copies look alike to the duplicates rule, but it needs its readers to act:
call this number, visit this site. The engine reads each text's contacts
(``policy.ways_back.read_contacts``: numbers of 5 digits or more however split or
spelled out, domains however the dot is written, e-mail addresses) and hashes them
with the deployment's key secret, so no number or domain is ever stored. Recipients
count as for the duplicates rule: strangers only (no evidence of a relationship),
each person of a new group, a group conversation once. A first send never fires.

State: per rule, the last ``max_contacts`` contacts used, each with the time it was
last used and at most ``recipients`` hashed recipients.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policy.checks.base import (
    TIME_WIDTH,
    Finding,
    Fired,
    Hold,
    Step,
    at_words,
    keep_slice,
    live_since,
    new_strangers,
    read_time,
    slice_expires_at,
    time_field,
)
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.lua import lua_int, lua_num

KIND = "contacts"
STATEFUL = True
LUA_ONCE = True  # its Lua sets what one call reads in `begin`: loadable once (a Redis function)
CODES = ("duplicate_contact",)  # what it may fire (a rule's `challenge` names some)
TRIGGERS = True  # a cooldown's triggered_by may name it

# (contact, last used, recipients), most recently used first
Used = tuple[tuple[str, float, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class Params:
    recipients: int
    window: float
    max_contacts: int


def parse(reader: ParamReader) -> Params:
    return Params(
        recipients=reader.integer("recipients", 5, minimum=2, maximum=50),
        window=reader.duration("window", "6h"),
        max_contacts=reader.integer("max_contacts", 8, minimum=1, maximum=64),
    )


def needs(params: Params) -> dict[str, object]:
    return {"relationships": True, "units": True, "contacts": True}


def live(used: Used, now: float, params: Params) -> Used:
    return live_since(used, now, params.window)


def step(rule: Any, ctx: Step) -> Fired | None:
    feats = ctx.features
    if not feats.contacts:
        return None
    p: Params = rule.params
    kept = live(ctx.before.slices.get(rule.name, ()), ctx.now, p)  # type: ignore[arg-type]
    by_contact = {item[0]: item for item in kept}
    fire = False
    for contact in dict.fromkeys(feats.contacts):
        item = by_contact.get(contact)
        if item is not None and len(item[2]) + len(new_strangers(item[2], feats.units)) >= p.recipients:
            fire = True
    ctx.found[rule.name] = kept
    return Fired(rule.name, "duplicate_contact") if fire else None


def settle(rule: Any, ctx: Step) -> None:
    """Record a delivered send's contacts and strangers (only sends with contacts touch
    the state; what expired is dropped then, or with the key)."""
    kept = ctx.found.get(rule.name)
    if kept is None:
        return
    p: Params = rule.params
    if not ctx.refused:
        by_contact = {item[0]: item for item in kept}
        fresh = tuple(dict.fromkeys(ctx.features.contacts))
        updated = []
        for contact in fresh:
            counted = by_contact[contact][2] if contact in by_contact else ()
            added = new_strangers(counted, ctx.features.units)
            updated.append((contact, ctx.now, (counted + added)[: p.recipients]))
        kept = (*updated, *(item for item in kept if item[0] not in fresh))[: p.max_contacts]
    keep_slice(ctx, rule, kept)


expires_at = slice_expires_at


def hold(rule: Any, state: Any, now: float) -> Hold:
    """The contacts (numbers, links) used in the window and their recipients, counted."""
    p: Params = rule.params
    kept = live(state.slices.get(rule.name, ()), now, p)
    if not kept:
        return Hold("clear", words="no contact traced")
    counts = [len(item[2]) for item in kept]
    until = max(item[1] for item in kept) + p.window
    detail = {"contacts_traced": len(kept), "recipients_traced": counts,
              "threshold": p.recipients}
    words = (f"{len(kept)} contact{'s' if len(kept) != 1 else ''} (a number, a link) traced; "
             f"the most shared has reached {max(counts)} people who do not know them (at "
             f"{p.recipients} it stops their sending); forgotten by {at_words(until, now)}")
    return Hold("tracing", until, detail, words)


def decode_slice(blob: bytes) -> Used:
    """The Redis field of a contacts rule (``contacts.lua``): records most recent first,
    each the contact (8 bytes), its last use (``time_field``, 8 bytes), the number of
    recipients (1 byte) and the recipients (8 bytes each)."""
    out, at = [], 0
    head = 8 + TIME_WIDTH  # the contact and its time
    while at < len(blob):
        n = blob[at + head]
        units = tuple(blob[at + head + 1 + 8 * k: at + head + 9 + 8 * k].hex()
                      for k in range(n))
        out.append((blob[at:at + 8].hex(), read_time(blob, at + 8), units))
        at += head + 1 + 8 * n
    return tuple(out)


def _record(item: tuple[str, float, tuple[str, ...]]) -> bytes:
    contact, last, units = item
    return (bytes.fromhex(contact) + time_field(last) + bytes((len(units),))
            + b"".join(bytes.fromhex(u) for u in units))


def encode_slice(value: Used) -> bytes:
    """The twin of ``decode_slice`` (``contacts.lua``'s records, in ``value``'s order)."""
    return b"".join(map(_record, value))


def finding(params: Params, code: str, retry_after: float | None) -> Finding:
    text = "The same phone number or link sent to many accounts looks like spam."
    if retry_after:
        text += (f" Wait {int(retry_after // 60)} minutes without any attempt to send "
                 "before trying again.")
    return Finding(code, Verdict.COOLDOWN, text, retry_after)


def lua_params(rule: Any, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    p: Params = rule.params
    return [("recipients", lua_int(p.recipients)), ("window", lua_num(p.window)),
            ("max_contacts", lua_int(p.max_contacts))]


# What each parameter does: docs/rules.md is generated from these and from ``parse``
# (python -m policy.checks.reference --write).
PARAM_DOCS = {
    "recipients": (
        "the distinct stranger at which one phone number, domain or address fires"
    ),
    "window": "how long a contact is remembered since its last use",
    "max_contacts": "contacts kept per sender (the oldest is dropped)",
}
