"""The state cache: a decision on a sender this process decided for a moment ago costs
Redis a few writes instead of the whole Lua transition.

Most of a decision's Redis CPU is the Lua interpreter reading the sender's hashes and
running the rules (``transition.lua``). A process that keeps, per sender it decided for
lately, a copy of those hashes (``CachedState``) can run the same transition in Python
(``policy.core.transition``, the Lua's twin, held to it by the parity tests) and send
only the fields that change. One call still does it all atomically (``cached`` in
``transition.lua``): when the sender's token in Redis (a field of the slices hash) is
the one the copy holds and the keys the copy holds are all there, the writes are
applied; when not (another process, an operator's action or a revocation wrote since, a
restart; a key expired early, was evicted or deleted by hand), the call runs the Lua
transition itself, as without the cache, and returns the hashes to copy. Every other
write of a sender's state changes or deletes the token, so a stale copy never commits;
decisions are the same either way.

A copy is used only while every key it holds outlives the decision by ``MARGIN`` (its
TTL as this process's monotonic clock reckons it), and for ``max_age`` seconds at most
(a bound on anything that writes without knowing the token: an older release during a
rolling upgrade, a hand edit of a field). Whether copies pay is tracked
(``StateCache.quality``): where they do not, the process mostly stops asking for them. Without an injected clock the Python
transition runs at Redis's time: the ``TIME`` of the last reply of the Lua transition,
advanced by this process's monotonic clock (which no clock step moves; within a copy's
minute the two drift apart by microseconds). A write from a copy extends a key's TTL
with some slack (``_slack``), so that most writes need no PEXPIRE. Bounded: ``size``
senders, least recently used dropped.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from policy.challenge import STATE_FIELD as CHALLENGE_FIELD
from policy.core import TransitionInput, TransitionResult, transition
from policy.rules import PerRules, Rule
from policy.state import Cluster, SenderState
from policy.storage.redis.keys import _HEX_UNIT, unit_bytes
from policy.storage.redis.snapshot import (
    _pairs,
    decode_hashes,
    encode_quota,
    encode_trace_after,
    f2s,
    trace_order,
)

TOKEN = "@"  # the field of the slices hash (KEYS[5]) that holds the token (transition.lua)
MARGIN = 2.0  # seconds a copy's keys must outlive the decision by
# Past any key's need: a window of up to 366 days (durations.py) and, for a quota, one
# bucket of up to the window again; a TTL beyond it is nonsense (state read with other
# parameters) and leaves the decision to the Lua.
MAX_TTL_MS = (2 * 366 + 1) * 86400 * 1000
DEFAULT_SIZE = 2048  # about 14 KB a copy (the hashes and their decoded state): 28 MB
DEFAULT_MAX_AGE = 60.0
_SLICES = 4


@dataclass(slots=True)
class CachedState:
    token: bytes
    hashes: tuple[dict[str, bytes], ...]  # the five hashes, field -> value
    expires: tuple[float | None, ...]  # per hash: when it expires (monotonic), None: absent
    now: float  # the time of the last decision
    redis_at: float | None  # Redis TIME at the monotonic time mono_at (None: a given clock)
    mono_at: float
    born: float  # monotonic time the copy was first taken from Redis
    uses: int = 0  # decisions committed from it
    # What the hashes decode to for ``rules`` (None: not decoded yet)
    state: SenderState | None = None
    rules: tuple[Rule, ...] | None = None


@dataclass(slots=True)
class Plan:
    """A decision worked out on a copy: the result, and what the call sends and commits."""

    result: TransitionResult
    header: list[bytes]  # the cached call's ARGV before the transition's
    hashes: tuple[dict[str, bytes], ...]
    ttls: dict[int, int]  # hash index -> TTL (ms) sent
    token: bytes
    state: SenderState  # what ``hashes`` decode to
    rules: tuple[Rule, ...]


def _cacheable(rules: tuple[Rule, ...]) -> bool:
    return all(getattr(r.module, "OWN_HASH", False) or all(hasattr(r.module, hook) for hook in (
        "decode_slice", "encode_slice", "expires_at")) for r in rules if r.stateful)


# Whether a copy can hold the state of these rules: every stateful kind is one of those
# with a hash of their own, or keeps a slice it can decode, encode and tell the end of
# (a kind plugged in without ``encode_slice`` or ``expires_at`` keeps its rule sets on
# the Lua transition).
cacheable = PerRules(_cacheable).get


_by_name = PerRules(lambda rules: {rule.name: rule for rule in rules}).get


def new_token() -> bytes:
    """8 random bytes: another writer's token is never this one (2^-64)."""
    return os.urandom(8)


class StateCache:
    """The copies, by sender (the storage's key for it), least recently used first out."""

    def __init__(self, size: int = DEFAULT_SIZE, max_age: float = DEFAULT_MAX_AGE) -> None:
        self.size = size
        self.max_age = max_age
        self._entries: OrderedDict[str, CachedState] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0  # decisions committed from a copy
        self.misses = 0  # decisions the Lua transition made and copied (no copy, or a stale one)
        self.plain = 0  # decisions the Lua transition made without a copy asked for
        # How often a copy was current when used (moving average): where a sender's
        # decisions go to many processes at random, copies are mostly stale, and asking for
        # one costs Redis more than it saves; then only one miss in PROBE asks for one.
        self.quality = 1.0
        self._misses_since_probe = 0

    PROBE = 16
    _ALPHA = 1 / 64

    def used(self, current: bool) -> None:
        """A copy was used: it was current (committed), or it was stale, or it went
        unused (``_dropped``): a copy asked for and never served is a cost too."""
        self.quality += self._ALPHA * ((1.0 if current else 0.0) - self.quality)

    def _dropped(self, entry: CachedState) -> None:
        """A copy left the cache (least recently used, or past ``max_age``)."""
        if entry.uses == 0:
            self.used(False)

    def unusable(self, sender: str, entry: CachedState) -> None:
        """A copy that could not decide (a key about to expire, a field it cannot tell the
        life of): dropped, and counted as a copy that did not pay."""
        with self._lock:
            if self._entries.get(sender) is entry:
                del self._entries[sender]
        self._dropped(entry)

    def want_copy(self) -> bool:
        """Whether a decision should ask for a copy back where it has no current one."""
        if self.quality >= 0.5:
            return True
        self._misses_since_probe += 1
        if self._misses_since_probe >= self.PROBE:
            self._misses_since_probe = 0
            return True
        return False

    def get(self, sender: str) -> CachedState | None:
        with self._lock:
            entry = self._entries.get(sender)
            if entry is None:
                return None
            if time.monotonic() - entry.born >= self.max_age:
                del self._entries[sender]
                self._dropped(entry)
                return None
            self._entries.move_to_end(sender)
            return entry

    def put(self, sender: str, entry: CachedState) -> None:
        with self._lock:
            self._entries[sender] = entry
            self._entries.move_to_end(sender)
            while len(self._entries) > self.size:
                self._dropped(self._entries.popitem(last=False)[1])

    def drop(self, sender: str) -> None:
        with self._lock:
            self._entries.pop(sender, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def _hex(unit: str) -> str:
    """A unit as the Redis state keeps it (8 bytes, read back as hex)."""
    return unit if _HEX_UNIT.fullmatch(unit) else unit_bytes(unit).hex()


def _as_stored(inp: TransitionInput) -> TransitionInput:
    """``inp`` with its units and contacts as decoded from Redis (the engine's are already)."""
    f = inp.features
    if (all(_HEX_UNIT.fullmatch(u) for u, _ in f.units)
            and (f.people is None or all(_HEX_UNIT.fullmatch(u) for u, _ in f.people))
            and all(_HEX_UNIT.fullmatch(c) for c in f.contacts)):
        return inp
    feats = replace(f, units=tuple((_hex(u), e) for u, e in f.units),
                    people=None if f.people is None else tuple((_hex(u), e) for u, e in f.people),
                    contacts=tuple(_hex(c) for c in f.contacts))
    return replace(inp, features=feats)


def encode_hashes(after: SenderState, rules: tuple[Rule, ...],
                  before: Sequence[dict[str, bytes]], known: SenderState | None = None
                  ) -> tuple[tuple[dict[str, bytes], ...], SenderState]:
    """The five hashes holding ``after``, and the state ``decode_hashes`` reads back from
    them. Fields of rules this rule set does not name stay as ``before`` has them in the
    slices hash; a value the transition left as it was in ``known`` (the state ``before``
    decodes to: the transition shares what it does not change) keeps its bytes."""
    old = known if known is not None else SenderState()
    quota: dict[str, bytes] = {}
    kept_quota: dict[str, tuple[float, dict[int, int]]] = {}
    for name, value in after.quota.items():
        if not value[1]:
            continue
        if value is old.quota.get(name) and name in before[0]:
            quota[name] = before[0][name]
        else:
            quota[name] = encode_quota(*value)
        kept_quota[name] = value
    cooldown = {name: f2s(until) for name, until in after.cooldown.items()}
    revoked = {app: f2s(until) for app, until in after.revoked.items()}
    trace: dict[str, bytes] = {}
    traces: dict[str, tuple[Cluster, ...]] = {}
    for name, clusters in after.traces.items():
        if not clusters:
            continue
        if clusters is old.traces.get(name) and name in before[3]:
            trace[name], traces[name] = before[3][name], clusters
            continue
        ordered = trace_order(clusters)
        trace[name] = encode_trace_after(ordered, before[3].get(name), old.traces.get(name))
        traces[name] = ordered
    if trace:
        trace["#"] = str(after.next_seq).encode()
    slices = dict(before[_SLICES])
    slices.pop(TOKEN, None)
    kept_slices: dict[str, object] = {}
    for rule in rules:
        encode = getattr(rule.module, "encode_slice", None)
        if encode is None:
            continue
        value = after.slices.get(rule.name)
        if not value:
            slices.pop(rule.name, None)
        elif value is old.slices.get(rule.name) and rule.name in before[_SLICES]:
            kept_slices[rule.name] = value
        else:
            slices[rule.name] = encode(value)
            kept_slices[rule.name] = value
    if after.challenge_passed:
        slices[CHALLENGE_FIELD] = f2s(after.challenge_passed)
    else:
        slices.pop(CHALLENGE_FIELD, None)
    state = SenderState(quota=kept_quota, cooldown=dict(after.cooldown),
                        traces=traces, revoked=dict(after.revoked),
                        next_seq=after.next_seq if trace else 0, slices=kept_slices,
                        challenge_passed=after.challenge_passed)
    state.expires_at = state.latest_until()
    return (quota, cooldown, revoked, trace, slices), state


def _end_of(i: int, written: list[bytes], after: SenderState,
            by_name: dict[str, Rule]) -> float | None:
    """When the fields ``written`` of hash ``i`` end (the TTL the write must give the
    key, at least): each field's own end, from the rule it belongs to. None: a field of
    no rule of this rule set."""
    end = 0.0
    for raw in written:
        name = raw.decode("utf-8", "surrogatepass")
        if i == 1:
            field_end: float | None = after.cooldown.get(name)
        elif i == 2:
            field_end = after.revoked.get(name)
        elif (i == 3 and name == "#") or name == TOKEN:
            continue
        elif i == _SLICES and name == CHALLENGE_FIELD:
            field_end = after.challenge_passed
        else:
            rule = by_name.get(name)
            expires_at = getattr(rule.module, "expires_at", None) if rule is not None else None
            field_end = expires_at(rule, after) if expires_at is not None else None
        if field_end is None:
            return None
        end = max(end, field_end)
    return end


def plan(entry: CachedState, inp: TransitionInput, now: float | None,
         keep_ms: int, copy_back: bool = True) -> Plan | None:
    """The decision on ``entry``'s copy, or None when the copy may not be used."""
    mono = time.monotonic()
    if any(e is not None and e - mono < MARGIN for e in entry.expires):
        return None
    if now is None:
        if entry.redis_at is None:
            return None
        at = max(entry.redis_at + (mono - entry.mono_at), entry.now)
    else:
        at = now
    rules = inp.rules
    state = entry.state if entry.rules is rules else None
    if state is None:
        state = decode_hashes(entry.hashes, rules) or SenderState()
    result, after = transition(state, _as_stored(inp), at)
    hashes, canonical = encode_hashes(after, rules, entry.hashes, state)
    token = new_token()
    sets: list[list[bytes]] = [[] for _ in range(5)]
    dels: list[list[bytes]] = [[] for _ in range(5)]
    for i, (old, new) in enumerate(zip(entry.hashes, hashes, strict=True)):
        for name, value in new.items():
            if old.get(name) != value:
                sets[i] += (name.encode("utf-8", "surrogatepass"), value)
        for name in old:
            if name not in new and name != TOKEN:
                dels[i].append(name.encode("utf-8", "surrogatepass"))
    by_name = _by_name(rules)
    ttls: dict[int, int] = {}
    body: list[bytes] = []
    held = sum(1 for i in range(4) if entry.hashes[i])
    for i in range(5):
        if not sets[i] and not dels[i] and i != _SLICES:
            continue
        ttl = b""
        if sets[i] or i == _SLICES:
            end = _end_of(i, sets[i][::2], after, by_name)
            if end is None:
                return None  # a field whose life this cannot tell: the Lua decides
            ms = max(1, math.ceil((end - at) * 1000))
            if i == _SLICES:
                ms = max(ms, keep_ms)
            if ms > MAX_TTL_MS:
                return None  # nonsense (a rule's state read with other parameters)
            known = entry.expires[i]
            if known is None or (known - mono - MARGIN) * 1000 < ms:
                ttls[i] = min(ms + _slack(ms), MAX_TTL_MS)  # else the key outlives it
                ttl = str(ttls[i]).encode()
        if i == _SLICES:
            sets[i] += (TOKEN.encode(), token)
        body += [str(i + 1).encode(), str(len(sets[i]) // 2).encode(), *sets[i],
                 str(len(dels[i])).encode(), *dels[i], ttl]
    touched = sum(1 for i in range(5) if sets[i] or dels[i])  # the slices hash: always
    header = [entry.token, token, str(keep_ms).encode(), b"1" if copy_back else b"0",
              str(held).encode(), str(touched).encode(), *body]
    new = list(hashes)
    new[_SLICES] = {**hashes[_SLICES], TOKEN: token}
    return Plan(result, header, tuple(new), ttls, token, canonical, rules)


def _slack(ms: int) -> int:
    """More TTL than a write needs (an eighth, an hour at most), so that the next writes,
    which need a little more each, find the key's TTL long enough and send no PEXPIRE."""
    return min(ms // 8, 3_600_000)


def miss_header(token: bytes, keep_ms: int) -> list[bytes]:
    """The cached call's header when there is no copy: the Lua transition runs."""
    return [b"", token, str(keep_ms).encode(), b"1", b"0", b"0"]


def packed(args: list[bytes]) -> bytes:
    """The transition's ARGV as the cached call carries it (``unpacked`` in the Lua)."""
    return b"".join(b"%d:%s" % (len(a), a) for a in args)


def committed(entry: CachedState, p: Plan, sent_at: float) -> CachedState:
    """The copy after ``p`` committed (``sent_at``: monotonic time before the call)."""
    expires = list(entry.expires)
    for i, hashed in enumerate(p.hashes):
        if not hashed:
            expires[i] = None
        elif i in p.ttls:
            end = sent_at + p.ttls[i] / 1000
            old = expires[i]
            expires[i] = end if old is None or end > old else old
    return CachedState(p.token, p.hashes, tuple(expires), p.result.now, entry.redis_at,
                       entry.mono_at, entry.born, entry.uses + 1, p.state, p.rules)


def from_reply(raw: Sequence[Any], token: bytes, now_given: bool, result_now: float,
               sent_at: float) -> CachedState | None:
    """The copy the Lua transition's reply gives ({'f', reply, (HGETALL, PTTL)*5}), just
    received (``sent_at``: monotonic time before the call)."""
    hashes = tuple(_pairs(raw[2 + 2 * i]) for i in range(5))
    expires: list[float | None] = []
    for i in range(5):
        ttl = int(raw[3 + 2 * i])
        if ttl == -2 or not hashes[i]:
            expires.append(None)
        elif ttl == -1:  # a key without a TTL (not ours): never used from a copy
            return None
        else:
            expires.append(sent_at + ttl / 1000)
    if hashes[_SLICES].get(TOKEN) != token:
        return None
    received = time.monotonic()
    # Redis read TIME between the send and the reply: taken as halfway
    return CachedState(token, hashes, tuple(expires), result_now,
                       None if now_given else result_now, (sent_at + received) / 2, received)
