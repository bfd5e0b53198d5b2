"""A sender's state read from Redis, without changing it, and written back field by field.

``SNAPSHOT`` is a read-only script (HGETALL of the sender's five state keys, and TIME
when the engine has no clock): one round trip, no write, so a standing never changes
what the next decision answers. ``decode_state`` reads the keys' layout (``keys.py``,
``transition.lua`` and the kinds' ``.lua``) back into the ``SenderState`` the Python
core runs on; the kinds keeping a slice decode their own field (``decode_slice``).
The parity tests hold it to memory://: the same sends give the same standing.

``AMEND`` writes an audited action (``policy/audit.py``): it checks that every field it
rewrites still holds what the snapshot read (a decision in between: the driver reads
again), writes them, and appends the audit entry to the user's stream (and, on one
server, the deployment's) in the same script.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from policy.challenge import STATE_FIELD as CHALLENGE_FIELD
from policy.checks.base import TIME_WIDTH, read_time, time_field
from policy.rules import Rule
from policy.state import Cluster, SenderState

SNAPSHOT = b"""
local now = ARGV[1]
if now == '' then
  local t = redis.call('TIME')
  now = string.format('%.17g', tonumber(t[1]) + tonumber(t[2]) / 1000000)
end
local out = { now }
for i = 1, #KEYS do out[#out + 1] = redis.call('HGETALL', KEYS[i]) end
return out
"""

# KEYS: the sender's quota, cooldown, revoked and slices hashes (the last only for the
# state cache's token, deleted: a copy of this sender is stale), the user's audit
# stream, and (one server) the deployment's. ARGV: n_ops, (key index, field, expected, new, min ttl
# ms)*n_ops (expected/new a single NUL byte: absent/delete), the user stream's cap, the
# deployment stream's cap, the TTL (ms), then the entry's fields and values. Returns
# {0} when a field changed since the snapshot (nothing written), else {1, id}.
AMEND = b"""
local n = tonumber(ARGV[1])
local NUL = string.char(0)
for i = 0, n - 1 do
  local a = 2 + 5 * i
  local v = redis.call('HGET', KEYS[tonumber(ARGV[a])], ARGV[a + 1])
  local expected = ARGV[a + 2]
  if expected == NUL then
    if v then return { 0 } end
  elseif v ~= expected then
    return { 0 }
  end
end
for i = 0, n - 1 do
  local a = 2 + 5 * i
  local key, field, new = KEYS[tonumber(ARGV[a])], ARGV[a + 1], ARGV[a + 3]
  if new == NUL then
    redis.call('HDEL', key, field)
  else
    redis.call('HSET', key, field, new)
    if redis.call('PTTL', key) < tonumber(ARGV[a + 4]) then
      redis.call('PEXPIRE', key, ARGV[a + 4])
    end
  end
end
redis.call('HDEL', KEYS[4], '@')
local a = 2 + 5 * n
local caps, ttl = { ARGV[a], ARGV[a + 1] }, ARGV[a + 2]
local entry = {}
for i = a + 3, #ARGV do entry[#entry + 1] = ARGV[i] end
local id = nil
for s = 5, #KEYS do
  local got = redis.call('XADD', KEYS[s], 'MAXLEN', '~', caps[s - 4], '*', unpack(entry))
  if id == nil then id = got end
  redis.call('PEXPIRE', KEYS[s], ttl)
end
return { 1, id }
"""

# The deployment's stream without the entries of one user (``user`` field): read whole
# (at most AUDIT_ALL entries) and, only when one is the user's, rewritten without them
# under the same ids (XDEL would leave the deleted entries' bytes in the stream's
# nodes), then the erasure's own entry, anonymous, appended.
_ERASE = b"""
local function erase_and_add(stream, user, cap, ttl, entry)
  local all = redis.call('XRANGE', stream, '-', '+')
  local keep, hit = {}, false
  for _, e in ipairs(all) do
    local f, mine = e[2], false
    for i = 1, #f, 2 do
      if f[i] == 'user' then mine = f[i + 1] == user; break end
    end
    if mine then hit = true else keep[#keep + 1] = e end
  end
  if hit then
    redis.call('DEL', stream)
    for _, e in ipairs(keep) do redis.call('XADD', stream, e[1], unpack(e[2])) end
  end
  local id = redis.call('XADD', stream, 'MAXLEN', '~', cap, '*', unpack(entry))
  redis.call('PEXPIRE', stream, ttl)
  return id
end
"""

# forget_user: delete the sender's keys and audit stream (the apps index, last of the
# sender's keys, is returned: the apps' sets are in other slots), and on one server
# erase the sender from the deployment's stream. KEYS: the sender's keys (``all``), the
# user's audit stream, then (one server) the deployment's. ARGV: the user key, the
# deployment stream's cap, the TTL (ms), the entry's fields and values. Returns {the
# entry's id or false (a cluster: ERASE_ALL next), apps}.
FORGET_AUDITED = _ERASE + b"""
local has_all = ARGV[1] == '1'
local nk = #KEYS - 1 - (has_all and 1 or 0) -- the sender's keys
local apps = redis.call('SMEMBERS', KEYS[nk])
for i = 1, nk + 1 do redis.call('DEL', KEYS[i]) end
local id = false
if has_all then
  local entry = {}
  for i = 5, #ARGV do entry[#entry + 1] = ARGV[i] end
  id = erase_and_add(KEYS[#KEYS], ARGV[2], ARGV[3], ARGV[4], entry)
end
return { id, apps }
"""

# The same erasure on a cluster's deployment stream (another slot). KEYS: the stream.
# ARGV: the user key, the cap, the TTL (ms), the entry's fields and values.
ERASE_ALL = _ERASE + b"""
local entry = {}
for i = 4, #ARGV do entry[#entry + 1] = ARGV[i] end
return erase_and_add(KEYS[1], ARGV[1], ARGV[2], ARGV[3], entry)
"""


def f2s(x: float) -> bytes:
    """A time or a float field as the Lua writes it (``f2s``: '%.17g', exact)."""
    return f"{x:.17g}".encode()


def decode_state(raw: Sequence[Any], rules: tuple[Rule, ...]) -> SenderState | None:
    """The ``SNAPSHOT`` reply's five hashes (flat field, value lists, in ``SenderKeys.state``
    order) as a ``SenderState`` (None when nothing is kept)."""
    return decode_hashes([_pairs(h) for h in raw], rules)


def decode_hashes(hashes: Sequence[dict[str, bytes]], rules: tuple[Rule, ...]
                  ) -> SenderState | None:
    """The five hashes (field -> value, in ``SenderKeys.state`` order) as a ``SenderState``."""
    quota_raw, cooldown_raw, revoked_raw, trace_raw, slices_raw = hashes
    state = SenderState()
    for name, blob in quota_raw.items():
        state.quota[name] = decode_quota(blob)
    for name, value in cooldown_raw.items():
        state.cooldown[name] = float(value)
    for app, value in revoked_raw.items():
        state.revoked[app] = float(value)
    for name, blob in trace_raw.items():
        if name == "#":
            state.next_seq = int(blob)
        else:
            state.traces[name] = decode_trace(blob)
    by_name = {rule.name: rule for rule in rules}
    for name, blob in slices_raw.items():
        if name == CHALLENGE_FIELD:  # a passed challenge (policy/challenge.py)
            state.challenge_passed = float(blob)
            continue
        rule = by_name.get(name)
        decode = getattr(rule.module, "decode_slice", None) if rule is not None else None
        if decode is not None:
            state.slices[name] = decode(blob)
    if state.is_empty() and not state.next_seq:
        return None
    state.expires_at = state.latest_until()
    return state


def _pairs(flat: Sequence[Any]) -> dict[str, bytes]:
    out = {}
    for i in range(0, len(flat), 2):
        name = flat[i]
        out[name.decode("utf-8", "surrogatepass") if isinstance(name, bytes) else str(name)] = (
            flat[i + 1] if isinstance(flat[i + 1], bytes) else str(flat[i + 1]).encode())
    return out


def decode_quota(blob: bytes) -> tuple[float, dict[int, int]]:
    """A quota field, ``<total>;<newest>;<bucket seconds>;<entries>`` (``quota.lua``)."""
    _total, _newest, size, body = blob.decode().split(";")
    buckets: dict[int, int] = {}
    prev = None
    for item in body.split(",") if body else ():
        x, _, y = item.partition(":")
        if prev is None:
            bucket, n = int(x), int(y)
        elif y == "":
            bucket, n = prev + 1, int(x)
        else:
            bucket, n = prev + int(x), int(y)
        buckets[bucket] = n
        prev = bucket
    return float(size), buckets


def encode_quota(size: float, buckets: dict[int, int]) -> bytes:
    """The twin of ``decode_quota`` (the entries ascending, as ``quota.lua`` writes them)."""
    parts, prev = [], None
    for bucket in sorted(buckets):
        n = buckets[bucket]
        if prev is None:
            parts.append(f"{bucket}:{n}")
        elif bucket == prev + 1:
            parts.append(str(n))
        else:
            parts.append(f"{bucket - prev}:{n}")
        prev = bucket
    return (f"{sum(buckets.values())};{max(buckets)};{size:.17g};" + ",".join(parts)).encode()


def decode_trace(blob: bytes) -> tuple[Cluster, ...]:
    """A duplicates field (``duplicates.lua``): a header ('!', the widths of last and seq,
    the count), fixed-width records, then each record's units, 8 bytes each."""
    (lw, sw), count = trace_widths(blob), int(blob[3:6])
    size = lw + sw + 2 + 32
    at, units_at, out = 6, 6 + count * size, []
    for _ in range(count):
        rec = blob[at:at + size]
        n = int.from_bytes(rec[lw + sw:lw + sw + 2], "big")
        units = tuple(blob[units_at + 8 * k:units_at + 8 * k + 8].hex() for k in range(n))
        seq = rec[lw:lw + sw]  # " +12": a contact's cluster (Cluster.contact), seq 12
        out.append(Cluster(rec[lw + sw + 2:], units, read_time(rec, 0), int(seq), b"+" in seq,
                           _friendly(seq)))
        at, units_at = at + size, units_at + 8 * n
    return tuple(out)


# duplicates.lua's MIN_LW, MIN_SW: last is a time_field (8 bytes), seq 2 characters or more
TRACE_MIN_WIDTHS = (TIME_WIDTH, 2)


def trace_order(clusters: Sequence[Cluster]) -> tuple[Cluster, ...]:
    """The records in the order the Lua keeps them (last, then seq, descending)."""
    return tuple(sorted(clusters, key=_last_seq, reverse=True))


def encode_trace(clusters: Sequence[Cluster], widths: tuple[int, int] = TRACE_MIN_WIDTHS,
                 ordered: bool = False) -> bytes:
    """The twin of ``decode_trace`` (``duplicates.lua``'s ``encode_trace``): the records in
    ``trace_order`` (``ordered``: already in it), at the widths given, seq's wider where a
    value needs it (the Lua's: never narrower but when the field goes; last is always
    ``TIME_WIDTH`` bytes)."""
    if not ordered:
        clusters = trace_order(clusters)
    lasts = [_last(c) for c in clusters]
    seqs = [_seq(c) for c in clusters]
    lw = widths[0]  # last is always TIME_WIDTH bytes: only seq widens
    sw = max([widths[1], *map(len, seqs)])
    recs = b"".join(_record(c, last, seq, lw, sw)
                    for c, last, seq in zip(clusters, lasts, seqs, strict=True))
    return (b"!" + bytes((48 + lw, 48 + sw)) + b"%3d" % len(clusters) + recs
            + b"".join(map(_units, clusters)))


def encode_trace_after(ordered: Sequence[Cluster], before: bytes | None,
                       known: Sequence[Cluster] | None) -> bytes:
    """``encode_trace(ordered, trace_widths(before), True)``, the records of clusters
    ``known`` had (the same objects: the transition shares what it does not change) copied
    from ``before``, the field ``known`` was read from, instead of written again: a
    decision changes one cluster or two of up to 32 (``policy/storage/redis/statecache.py``
    runs this for every decision made on a copy)."""
    widths = trace_widths(before)
    if not before or not known or int(before[3:6]) != len(known):
        return encode_trace(ordered, widths, True)
    lw, sw = widths
    size = lw + sw + 2 + 32
    where: dict[int, tuple[int, int, int]] = {}  # id -> (record offset, units offset, n)
    at, units_at = 6, 6 + len(known) * size
    for c in known:
        n = len(c.units)
        where[id(c)] = (at, units_at, n)
        at, units_at = at + size, units_at + 8 * n
    recs: list[bytes] = []
    units: list[bytes] = []
    for c in ordered:
        old = where.get(id(c))
        if old is not None:
            at, units_at, n = old
            rec = before[at:at + size]
            if rec[lw + sw + 2:] == c.signature:  # (a check: the same record)
                recs.append(rec)
                units.append(before[units_at:units_at + 8 * n])
                continue
        last, seq = _last(c), _seq(c)
        if len(seq) > sw:  # seq widens: every record is written anew
            return encode_trace(ordered, widths, True)
        recs.append(_record(c, last, seq, lw, sw))
        units.append(_units(c))
    return before[:3] + b"%3d" % len(ordered) + b"".join(recs) + b"".join(units)


def _last(c: Cluster) -> bytes:
    return time_field(c.last)


def _seq(c: Cluster) -> str:
    """A record's seq field: "+" for a contact's cluster, "0" before a friendly one's."""
    return ("+" if c.contact else "") + ("0" if c.friendly else "") + str(c.seq)


def _record(c: Cluster, last: bytes, seq: str, lw: int, sw: int) -> bytes:
    """One fixed-width record: last, seq, the unit count, the signature."""
    return (last.rjust(lw) + seq.rjust(sw).encode()
            + len(c.units).to_bytes(2, "big") + c.signature)


def _friendly(seq: bytes) -> bool:
    """Cluster.friendly: a '0' before the number ("  012", " +00"): read as the number."""
    digits = seq.lstrip(b" +")
    return len(digits) > 1 and digits[:1] == b"0"


def _units(c: Cluster) -> bytes:
    return bytes.fromhex("".join(c.units))


def _last_seq(c: Cluster) -> tuple[float, int]:
    return c.last, c.seq


def trace_widths(blob: bytes | None) -> tuple[int, int]:
    """The widths of a stored trace field (the minimums where there is none)."""
    if not blob:
        return TRACE_MIN_WIDTHS
    return blob[1] - 48, blob[2] - 48


def ttl_ms(until: float, now: float) -> int:
    return max(1, math.ceil((until - now) * 1000))
