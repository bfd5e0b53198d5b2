"""Fan-out to strangers: at most ``limit`` distinct strangers reached within ``window``.

Content-agnostic, so it bounds what the duplicates rule cannot see: templates in
rotation, texts too short to trace, spun copies that no longer look alike. A
stranger is a recipient without evidence of a relationship (the sender does not
follow them, and they never wrote to the sender); each stranger of a new group
counts, and so does each member of a group conversation written to (members of a
conversation are strangers unless the host's graph knows otherwise: its
``has_written`` should count what they wrote in a shared conversation). A send
that would bring the number of distinct strangers reached in the last ``window``
over ``limit`` is refused until enough of them drop out of the window
(``retry_after`` says when); sends to people already reached, and to friends, are
never refused by this rule.

With ``with_contact = true`` the rule counts only the strangers reached by texts
that carry a phone number, a link or an address, or read as a promotion
(``Features.contact``; ``policy/promotion.py``), whatever else the texts say: a
campaign needs a way back to the spammer or a pitch, and ordinary people
rarely send one to people they don't follow back. That bounds template rotation,
spinning and pacing, which no content matching can follow, at a few strangers, while
messages without a contact stay under the plain rule's larger limit. It refuses
with ``links_to_strangers``.

With ``armed_by`` (a ``with_contact`` rule earlier in the file, with the same
``count_followed``) the rule has a second, lower limit, ``armed_limit``, that holds
once that rule is full: a sender who sent a way back or a pitch to as many strangers as
it admits reaches no more than ``armed_limit`` strangers in all within ``window``,
whatever the texts. Rotating templates, splitting a message or pacing it let a
campaign reach a 5th stranger with a text that reads as nothing; with it, a sender
that reached 5 strangers in a day sent a way back to 3 of them at most. It refuses
with ``links_to_strangers``. With ``armed_sends = N`` the lower limit holds too once that
rule's record has strangers of N different messages, before it is full: a campaign whose
copies are read as carrying a way back only most of the time (templates in rotation,
spun, paced) had sent ways back in 3 messages of its first 5 and one or two that read as
nothing; a way back to a group of 3 is one message (an ordinary sender's price or link to
a group chat arms nothing).

With ``texts_under = N`` the rule counts only the strangers sent a text of fewer than N
letters and digits ("hi", "u up?", an emoji): too short for the duplicates rules to trace
(they trace from 8), such texts are bounded by their count instead. One-to-one messages,
new groups and conversations the sender started count; a conversation someone else
started is talk among its members.

With ``at_once = N`` one message to a new group, or to a conversation the sender started
within the day (each member a recipient), reaches at most N strangers: a first copy to
many at once, which no duplicates rule fires on (a first copy never does). Waiting does
not lift it (``retry_after`` None): fewer people do.

A rule without ``with_contact`` forgets the people who have written to the sender
since it counted them, when the sender writes to them again (only then does the send
say so: the records are hashed); following them, the sender's own click, does not. A
``with_contact`` rule keeps them: the ways back a sender sent stay counted for the day,
however many of its readers answer.

With ``count_followed = true`` the rule counts the other side: the people the sender
follows who never wrote to the sender. Following is the sender's own click, so a
spammer that follows every target first (a follow-back scheme) makes them all
"friends" to the plain rule; this bounds its fan-out at a larger limit.

State: the most recent ``limit`` strangers reached, each a hashed unit with the
time it was last written to: bounded, and it does not forget with the trace.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from policy.checks.base import (
    TIME_WIDTH,
    WROTE,
    Finding,
    Fired,
    Hold,
    Mode,
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
from policy.lua import lua_bool, lua_int, lua_num, lua_str

KIND = "strangers"
STATEFUL = True
LUA_ONCE = True  # its Lua sets what one call reads in `begin`: loadable once (a Redis function)
CODES = ("too_many_strangers", "links_to_strangers")  # what it may fire (a rule's `challenge` names some)
TRIGGERS = True  # a cooldown's triggered_by may name it

Reached = tuple[tuple[str, float], ...]  # (unit, last written to), most recent first


_SENT = "strangers sent to"  # a key of Step.found no rule name can take (a space)
_SENT_FOLLOWED = "followed sent to"  # the same for count_followed rules


@dataclass(frozen=True, slots=True)
class Params:
    limit: int
    window: float
    with_contact: bool = False  # count only texts with a phone number, link, address, promotion
    count_followed: bool = False  # count the people the sender follows (who never wrote)
    armed_by: str = ""  # a with_contact rule: once it is full, at most armed_limit in all
    armed_limit: int = 0
    # above 0: armed too once the armed_by rule's record holds strangers of this many sends
    armed_sends: int = 0
    texts_under: int = 0  # above 0: count only texts with fewer letters and digits
    at_once: int = 0  # above 0: strangers one message to a group the sender starts may reach
    record_of: str = ""  # a strangers rule whose record holds this one's (none of its own)
    reached_by: str = ""  # a strangers rule of every text: who it recorded is not counted

    @property
    def code(self) -> str:
        return "links_to_strangers" if self.with_contact else "too_many_strangers"

    @property
    def done(self) -> str:
        """What the sender did to the people this rule counts (its messages say it)."""
        if self.texts_under:
            return f"sent messages of under {self.texts_under} letters and digits"
        return ("sent phone numbers, links, addresses or promotions" if self.with_contact
                else "written")

    @property
    def counted(self) -> str:
        """What this rule admits, as its messages say it."""
        if self.texts_under:
            return "sent a message that short"
        return ("sent a phone number, link, address or promotion" if self.with_contact
                else "written to")

    @property
    def who(self) -> str:
        """The people this rule counts, as its messages say it."""
        if self.count_followed:
            return "people you follow who never wrote to you"
        return "people you don't follow back"


def parse(reader: ParamReader) -> Params:
    return Params(
        limit=reader.integer("limit", 12, minimum=1, maximum=1000),
        window=reader.duration("window", "6h"),
        with_contact=reader.boolean("with_contact", False),
        count_followed=reader.boolean("count_followed", False),
        armed_by=reader.string("armed_by", ""),
        armed_limit=reader.integer("armed_limit", 0, minimum=0, maximum=1000),
        armed_sends=reader.integer("armed_sends", 0, minimum=0, maximum=1000),
        texts_under=reader.integer("texts_under", 0, minimum=0, maximum=1000),
        at_once=reader.integer("at_once", 0, minimum=0, maximum=1000),
        record_of=reader.string("record_of", ""),
        reached_by=reader.string("reached_by", ""),
    )


def check_together(rule: Any, by_name: dict[str, Any]) -> tuple[str, str] | None:
    """``armed_by`` names an earlier ``with_contact`` strangers rule of the same
    ``count_followed`` (its step runs first), and ``armed_limit`` is below ``limit``;
    ``record_of`` a rule whose record holds every stranger this one would record."""
    p: Params = rule.params
    if p.at_once >= p.limit:
        return "at_once", f"must be below limit ({p.limit}) or 0, got {p.at_once}"
    if p.record_of:
        found = _check_record_of(rule, by_name)
        if found is not None:
            return found
    if p.reached_by:
        other = by_name.get(p.reached_by)
        if (other is None or other.kind != KIND or other.name == rule.name
                or other.params.count_followed != p.count_followed
                or other.params.with_contact or other.params.texts_under
                or other.params.record_of):
            return "reached_by", (f"names no other strangers rule of every text, with a "
                                  f"record of its own and the same count_followed "
                                  f"({p.reached_by!r})")
    if not p.armed_by:
        if p.armed_limit:
            return "armed_limit", "needs armed_by (the with_contact rule that arms it)"
        if p.armed_sends:
            return "armed_sends", "needs armed_by (the with_contact rule that arms it)"
        return None
    other = by_name.get(p.armed_by)
    names = list(by_name)
    if (other is None or other.kind != KIND or not other.params.with_contact
            or other.params.count_followed != p.count_followed):
        return "armed_by", (f"names no with_contact strangers rule of the same count_followed "
                            f"({p.armed_by!r}): its record says who was sent a way back")
    if names.index(other.name) > names.index(rule.name):
        return "armed_by", f"{other.name!r} must come before this rule (it is read after its step)"
    if other.mode.value == "off":
        return "armed_by", f"the rule {other.name!r} is off: it records nothing"
    if p.with_contact:
        return "armed_by", "a with_contact rule cannot be armed (it counts those texts already)"
    if not 1 <= p.armed_limit < p.limit:
        return "armed_limit", f"must be from 1 to limit - 1 ({p.limit - 1}), got {p.armed_limit}"
    if p.armed_sends and not 2 <= p.armed_sends < other.params.limit:
        return "armed_sends", (f"must be 0 (off) or from 2 to {other.name}'s limit - 1 "
                               f"({other.params.limit - 1}), got {p.armed_sends}")
    return None


def _check_record_of(rule: Any, by_name: dict[str, Any]) -> tuple[str, str] | None:
    """The other rule records the same people on the same sends (the same who, texts,
    mode and condition), for as long and as many: this rule's record is the part of it
    inside its own window."""
    p: Params = rule.params
    other = by_name.get(p.record_of)
    if other is None or other.kind != KIND or other.name == rule.name:
        return "record_of", f"names no other strangers rule ({p.record_of!r})"
    o: Params = other.params
    if o.record_of:
        return "record_of", f"{other.name!r} keeps no record of its own (record_of)"
    if rule.mode.value != "enforce" or other.mode.value != "enforce":
        # A shadow rule that fires records the send anyway, its own record cut at its limit
        return "record_of", "both rules must be enforced"
    if rule.when is not None or other.when is not None or rule.challenge:
        return "record_of", ("neither rule may have a `when`, nor this one a `challenge` (a "
                             "send it fires on must be refused, as its own record assumes)")
    if p.with_contact:
        return "record_of", ("a with_contact rule keeps its own (armed_by rules and "
                             "lift_cooldown read it)")
    if (o.count_followed, o.with_contact, o.texts_under) != (
            p.count_followed, p.with_contact, p.texts_under):
        return "record_of", (f"{other.name!r} must count the same people and texts "
                             "(count_followed, with_contact, texts_under)")
    if o.window < p.window or o.limit < p.limit:
        return "record_of", (f"{other.name!r} must keep as many strangers ({o.limit}) for as "
                             f"long ({o.window:g} s) as this rule at least")
    return None


def _stored(rule: Any, state: Any) -> Any:
    """The rule's record in ``state``: its own, or the part of ``record_of``'s it reads."""
    return state.slices.get(rule.params.record_of or rule.name, ())


def needs(params: Params) -> dict[str, object]:
    found: dict[str, object] = {"relationships": True, "people": True}
    if params.with_contact:  # whether the text carries a contact (read with its contacts)
        found["contacts"] = True
    if params.texts_under:  # the text's length (no fingerprint: merged as a minimum)
        found["text_from_chars"] = 1 << 30
    return found


def live(reached: Reached, now: float, params: Params) -> Reached:
    """The strangers still inside the window."""
    return live_since(reached, now, params.window)


def strangers_of(units: tuple[tuple[str, int], ...], count_followed: bool = False
                 ) -> tuple[str, ...]:
    """The send's recipients without evidence (``count_followed``: followed by the sender,
    never wrote to the sender), each once, in order."""
    return new_strangers((), units, count_followed)


def step(rule: Any, ctx: Step) -> Fired | None:
    p: Params = rule.params
    kept = live(_stored(rule, ctx.before), ctx.now, p)
    feats = ctx.features
    if not p.with_contact and kept:
        # People who have written to the sender since are strangers no more (a with_contact
        # rule keeps them: a campaign's victims who answer it earn it no more ways back).
        wrote = {unit for unit, evidence in feats.each_person if evidence == WROTE}
        if wrote:
            kept = tuple(item for item in kept if item[0] not in wrote)
    # The same for every strangers rule of the same count_followed: worked out once.
    key = _SENT_FOLLOWED if p.count_followed else _SENT
    strangers = ctx.found.get(key)
    if strangers is None:
        strangers = ctx.found[key] = strangers_of(feats.each_person, p.count_followed)
    if p.with_contact and not feats.contact:
        strangers = ()  # a text without a contact: not counted by this rule
    if p.texts_under and (not 0 <= feats.text_chars < p.texts_under
                          or feats.people is not None):
        # A longer text is traced instead (and one not read, -1, is not known to be
        # short); a conversation the sender did not start is talk among its members
        # ("lol" to a group chat of people it does not follow).
        strangers = ()
    if p.reached_by and strangers:
        # Someone the sender already wrote to, by any text, is no new contact: "?" after a
        # longer message is a nudge, not an opener.
        other = next(r for r in ctx.rules if r.name == p.reached_by)
        known = {unit for unit, _ in live(_stored(other, ctx.before), ctx.now, other.params)}
        strangers = tuple(unit for unit in strangers if unit not in known)
    seen = {unit for unit, _ in kept}
    new = sum(1 for unit in strangers if unit not in seen)
    ctx.found[rule.name] = (kept, strangers, new)
    if not strangers:
        return None
    if p.at_once and feats.people is None and len(strangers) > p.at_once:
        # A new group, or a conversation the sender started (each member a recipient):
        # a first copy to many strangers at once, which the duplicates rules never fire on.
        return Fired(rule.name, p.code, None)
    fired = None
    if new and len(kept) + new > p.limit:
        until = _until(kept, strangers, p.limit, p.window)
        fired = Fired(rule.name, p.code, None if until is None else until - ctx.now)
    if p.armed_by and len(kept) + new > p.armed_limit:
        # The lower limit, while the armed_by rule is full: for a new stranger, and for a
        # way back to one already reached that fills it (the order of the sends is free).
        found = ctx.found.get(p.armed_by)  # None: not stepped for this send (inactive)
        arming = next((r for r in ctx.rules if r.name == p.armed_by), None)
        sends = _sends(found[0], found[1]) if found is not None and p.armed_sends else 0
        # ... and for a way back sent again to people it counted that arms it (their
        # records take this send's time: one message more)
        arms = (found is not None and bool(found[1])
                and sends >= p.armed_sends > _sends(found[0], ()))
        if (found is not None and arming is not None and (new or found[2] or arms)
                and arming.mode is Mode.ENFORCE
                and (len(found[0]) + found[2] >= arming.params.limit
                     or sends >= p.armed_sends > 0)):
            until = _lower_until(p, kept, strangers, arming.params, found[0], found[1])
            wait = None if until is None else until - ctx.now
            if fired is not None:  # over the plain limit too: both must lift
                wait = (None if wait is None or fired.retry_after is None
                        else max(wait, fired.retry_after))
            return Fired(rule.name, "links_to_strangers", wait)
    return fired


def _until(kept: Reached, strangers: tuple[str, ...], limit: int,
           window: float) -> float | None:
    """When this send's ``strangers`` fit under ``limit`` with the people ``kept`` (None:
    never, they alone are more). Only records of other people can make room: the record
    of someone in this send that leaves the window makes them new again."""
    mine = set(strangers)
    others = sorted(last for unit, last in kept if unit not in mine)
    leave = len(others) + len(strangers) - limit  # at least 1 where the caller asks
    return None if leave > len(others) else others[leave - 1] + window


def _other_sends(counted: Reached, sent: tuple[str, ...]) -> list[float]:
    """The times of the sends other than this one that the arming rule's record holds
    strangers of, earliest first (a send's strangers share its time; this send's ``sent``
    replace their records)."""
    mine = set(sent)
    return sorted({last for unit, last in counted if unit not in mine})


def _sends(counted: Reached, sent: tuple[str, ...]) -> int:
    """The sends the arming rule's record holds strangers of once this send's ``sent``
    are in it."""
    return len(_other_sends(counted, sent)) + (1 if sent else 0)


def _sends_until(counted: Reached, sent: tuple[str, ...], most: int,
                 window: float) -> float | None:
    """When the record (with this send's ``sent``) holds strangers of ``most`` sends at
    most: the time the earliest sends leave the window (None: never; 0.0: already)."""
    times = _other_sends(counted, sent)
    leave = len(times) - (most - (1 if sent else 0))
    if leave > len(times):
        return None
    return 0.0 if leave <= 0 else times[leave - 1] + window


def _lower_until(p: Params, kept: Reached, strangers: tuple[str, ...], arming: Params,
                 counted: Reached, sent: tuple[str, ...]) -> float | None:
    """When the lower limit lets this send through: its strangers fit under
    ``armed_limit``, or the arming rule (``counted``, this send's ``sent``) no longer arms
    it (not full, and, with ``armed_sends``, strangers of fewer sends), whichever comes
    first (None: neither ever)."""
    fits = _until(kept, strangers, p.armed_limit, p.window)
    units = {unit for unit, _ in counted}
    full = len(counted) + sum(1 for unit in set(sent) if unit not in units)
    lifts = _until(counted, sent, arming.limit - 1, arming.window) if full >= arming.limit else 0.0
    if p.armed_sends and lifts is not None:
        other = _sends_until(counted, sent, p.armed_sends - 1, arming.window)
        lifts = None if other is None else max(lifts, other)
    return fits if lifts is None or (fits is not None and fits <= lifts) else lifts


def settle(rule: Any, ctx: Step) -> None:
    """Record a delivered send's strangers (most recent first, at most ``limit``);
    otherwise only drop those out of the window."""
    found = ctx.found.get(rule.name)
    if found is None:  # not stepped (no such state change): nothing to do
        return
    if rule.params.record_of:
        # The other rule records them. A record of its own (an earlier release's, or a
        # process's without record_of during a deploy) is left until nobody in it is
        # inside the window any more, then dropped.
        if rule.name in ctx.before.slices and not live(ctx.before.slices[rule.name],
                                                        ctx.now, rule.params):
            ctx.after.slices.pop(rule.name, None)
        return
    kept, strangers, _ = found
    if strangers and not ctx.refused:
        fresh = set(strangers)
        kept = (tuple((unit, ctx.now) for unit in strangers)
                + tuple(item for item in kept if item[0] not in fresh))[: rule.params.limit]
    keep_slice(ctx, rule, kept)


expires_at = slice_expires_at


HOLD_READS_RULES = True  # `hold` takes the rules in force (the arming rule's record)
_SOMEONE_NEW = ("someone new",)  # hold's probe: a unit no record has (units are hex)


def hold(rule: Any, state: Any, now: float, rules: tuple[Any, ...] = ()) -> Hold:
    """Strangers reached in the window; when a new one fits again (read only). ``rules``:
    the rules in force, where the ``armed_by`` rule is found."""
    p: Params = rule.params
    kept = live(_stored(rule, state), now, p)
    n = len(kept)
    detail: dict[str, Any] = {"strangers_reached": n, "limit": p.limit, "window": p.window}
    arming = next((r for r in rules if r.name == p.armed_by), None) if p.armed_by else None
    if p.armed_by:
        detail.update(armed_by=p.armed_by, armed_limit=p.armed_limit)
        if p.armed_sends:
            detail["armed_sends"] = p.armed_sends
    who = ("people they follow who never wrote to them" if p.count_followed
           else "people they don't follow back")
    # The formulas of step, for one new stranger and a text without a contact.
    if arming is not None and arming.mode is Mode.ENFORCE and n + 1 > p.armed_limit:
        other = live(state.slices.get(arming.name, ()), now, arming.params)
        sends = _sends(other, ()) if p.armed_sends else 0
        full = len(other) >= arming.params.limit
        if full or sends >= p.armed_sends > 0:
            until = _lower_until(p, kept, _SOMEONE_NEW, arming.params, other, ())
            assert until is not None  # one new stranger fits under armed_limit in time
            if n + 1 > p.limit:  # over the plain limit too: both must lift (as step)
                until = max(until, _until(kept, _SOMEONE_NEW, p.limit, p.window) or until)
            detail["armed"] = True
            how = (f"all that {arming.name} admits" if full
                   else f"in {sends} messages (ways back in {p.armed_sends} arm this limit)")
            words = (f"has sent phone numbers, links, addresses or promotions to "
                     f"{len(other)} {who} within "
                     f"{_hours(arming.params.window)}, {how}, and "
                     f"written to {n}: no more than {p.armed_limit} in all; can write to "
                     f"someone new at {at_words(until, now)}, people they already write to "
                     "are not affected")
            return Hold("throttled", until, detail, words)
    if n + 1 > p.limit:
        until = _until(kept, _SOMEONE_NEW, p.limit, p.window)
        assert until is not None  # one new stranger fits in time (limit >= 1)
        words = (f"has {p.done} to {n} {who} within "
                 f"{_hours(p.window)}; can write to someone new at {at_words(until, now)}"
                 f"{_longer(p)}, people they already write to are not affected")
        return Hold("throttled", until, detail, words)
    armed = (f" ({p.armed_limit} once {p.armed_by} is full)" if p.armed_by else "")
    return Hold("clear", None, detail, f"{n} of {p.limit}{armed} new people "
                f"{p.counted} within {_hours(p.window)}")


def decode_slice(blob: bytes) -> Reached:
    """The Redis field of a strangers rule (``strangers.lua``: the oldest time, then
    records most recent first: the unit, 8 bytes, and its last time; times as
    ``time_field`` writes them, 8 bytes each)."""
    size = 8 + TIME_WIDTH
    return tuple((blob[at:at + 8].hex(), read_time(blob, at + 8))
                 for at in range(TIME_WIDTH, len(blob), size))


def _record(item: tuple[str, float]) -> bytes:
    return bytes.fromhex(item[0]) + time_field(item[1])


def encode_slice(value: Reached) -> bytes:
    """The twin of ``decode_slice``: what ``strangers.lua`` writes for ``value`` (its
    <oldest> the earliest record's time: at or before every record's, as the Lua needs)."""
    oldest = min(last for _, last in value)
    return time_field(oldest) + b"".join(map(_record, value))


def reached(rule: Any, state: Any, unit: str, now: float) -> bool:
    """Whether ``rule``'s record has ``unit`` among the strangers reached in its window
    (the reports kind asks: a report counts only from someone the sender wrote to)."""
    return any(u == unit for u, _ in live(_stored(rule, state), now, rule.params))


def newly_reached(name: str, ctx: Step) -> int:
    """How many of this send's strangers the rule ``name`` had not recorded yet (after its
    step; the reports kind counts the strangers a sender reached with these)."""
    found = ctx.found.get(name)
    return 0 if found is None else found[2]  # counted by its step


def finding(params: Params, code: str, retry_after: float | None) -> Finding:
    if params.armed_by and code == "links_to_strangers":  # the lower limit, once armed
        sends = (f", or such texts went to them in {params.armed_sends} different messages"
                 if params.armed_sends else "")
        text = (f"Once as many {params.who} as the rules admit were sent a phone number, "
                f"link, address or promotion within {_hours(params.window)}{sends} (this "
                f"message counts if it carries one), you can write to {params.armed_limit} "
                "such people at most in all within that time, and you have written to more.")
        if retry_after is not None:
            text += (f" You can write to someone new, or send such people a phone number, "
                     f"link, address or promotion, in {max(1, math.ceil(retry_after / 60))} "
                     "minutes;")
        text += (" messages without one to people you already write to are not affected."
                 if retry_after is not None else
                 " Messages without one to people you already write to are not affected.")
        return Finding(code, Verdict.THROTTLE, text, retry_after)
    if retry_after is None:  # this send alone reaches more than a limit: waiting won't do
        if params.at_once:  # either limit: both are said
            most = (f"more {params.who} at once than admitted: {params.at_once} in a new "
                    f"group or a conversation you started, {params.limit} {params.counted} "
                    f"within {_hours(params.window)}")
        else:
            most = (f"more than {params.limit} {params.who} at once, the most "
                    f"{params.counted} within {_hours(params.window)}")
        return Finding(code, Verdict.THROTTLE,
                       f"This message would reach {most}: send it to fewer people"
                       f"{_longer(params)}; people you already write to are not affected.",
                       None)
    text = (f"You have {params.done} to {params.limit} {params.who} "
            f"within {_hours(params.window)}.")
    text += (f" You can write to someone new in {max(1, math.ceil(retry_after / 60))} "
             f"minutes{_longer(params)};")
    text += " people you already write to are not affected."
    return Finding(code, Verdict.THROTTLE, text, retry_after)


def _longer(params: Params) -> str:
    """A rule that counts only short texts admits a longer one (it is traced instead)."""
    if not params.texts_under:
        return ""
    return f", or now with a message of {params.texts_under} letters and digits or more"


def _hours(seconds: float) -> str:
    if seconds % 3600 == 0:
        hours = int(seconds // 3600)
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{max(1, round(seconds / 60))} minutes"


def lua_params(rule: Any, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    p: Params = rule.params
    return [("limit", lua_int(p.limit)), ("window", lua_num(p.window)),
            ("with_contact", lua_bool(p.with_contact)), ("code", lua_str(p.code)),
            ("count_followed", lua_bool(p.count_followed)),
            ("texts_under", lua_int(p.texts_under)), ("at_once", lua_int(p.at_once)),
            *([("record_of", lua_str(p.record_of))] if p.record_of else []),
            *_lua_reached_by(p, rules),
            *_lua_armed(p, rules)]


def _lua_reached_by(p: Params, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    """The rule whose record says who was already written to, and its window."""
    other = next((r for r in rules if r.name == p.reached_by), None) if p.reached_by else None
    if other is None:
        return []
    return [("reached_by", lua_str(p.reached_by)),
            ("reached_by_window", lua_num(other.params.window))]


def _lua_armed(p: Params, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    """The arming rule's name, and its limit and window (read by this rule's step)."""
    arming = next((r for r in rules if r.name == p.armed_by), None) if p.armed_by else None
    if arming is None or arming.mode is not Mode.ENFORCE:  # as _armed: it does not arm
        return []
    other = arming.params
    return [("armed_by", lua_str(p.armed_by)), ("armed_limit", lua_int(p.armed_limit)),
            ("armed_by_limit", lua_int(other.limit)), ("armed_by_window", lua_num(other.window)),
            ("armed_sends", lua_int(p.armed_sends))]


# What each parameter does: docs/rules.md is generated from these and from ``parse``
# (python -m policy.checks.reference --write).
PARAM_DOCS = {
    "limit": "distinct strangers reached within `window`, at most",
    "window": "how long a stranger counts since the sender last wrote to them",
    "with_contact": "count only the strangers sent a text with a phone number, link, "
                    "address or a promotion's words (policy/promotion.py), refusing with "
                    "`links_to_strangers`, whatever the other words",
    "armed_by": "an enforced `with_contact` strangers rule earlier in the file (same "
                "`count_followed`): once it is full (this send included), this rule admits "
                "at most `armed_limit` strangers in all within `window`, and refuses a way "
                "back that would fill it with more reached, with `links_to_strangers`",
    "armed_limit": "with `armed_by`: the strangers reached within `window`, whatever the "
                   "texts, once that rule is full (below `limit`)",
    "armed_sends": "with `armed_by`: the lower limit holds too once that rule's record has "
                   "strangers of this many different messages (this send included), before it "
                   "is full: ways back in 3 of 5 messages to strangers, the others read as "
                   "nothing, arm it (0: off; from 2 to that rule's limit - 1)",
    "texts_under": "above 0: count only the strangers sent a text with fewer letters and "
                   "digits than this (after normalisation: \"hi\", \"hey u\", an emoji), "
                   "too short for the duplicates rules to trace, in one-to-one messages, new "
                   "groups and conversations the sender started within the day (not in "
                   "others': talk among their members); 0 counts every text",
    "at_once": "above 0: one message to a new group, or to a conversation the sender "
               "started within the day (`graph.conversation_started`), reaches at most this "
               "many strangers: a first copy to many at once, which the duplicates rules "
               "never fire on, is refused (send it to fewer people)",
    "record_of": "another strangers rule of the same people and texts, both enforced, "
                 "neither with a `when` (nor this one with a `challenge` or `with_contact`), "
                 "with a window and a limit at least as large: this rule reads the part of "
                 "its record inside its own window and keeps none of its own (less memory "
                 "and work; `strangers` reads `strangers_daily`'s). The same decisions as a "
                 "record of its own, but after a reload that widens the window or lowers "
                 "the limit, or a clock stepped back, it may count a stranger an own record "
                 "had dropped; during a deploy that turns it on, processes without it count "
                 "only the strangers they recorded themselves (the other rule still holds)",
    "reached_by": "another strangers rule that counts every text (with a record of its "
                  "own, the same `count_followed`): the strangers in its record are not "
                  "counted by this one (`short_to_strangers`: a short text to someone the "
                  "sender already wrote to, \"?\" after a longer message, is a nudge)",
    "count_followed": "count the people the sender follows who never wrote to the sender, "
                      "instead of strangers: a follow-back scheme, following every target "
                      "first, cannot hide a campaign; use it with a larger `limit`",
}
