"""Key layout of the Redis storage: every key of one sender under one hash tag.

A sender's state is a few keys, one per concern, all in the sender's cluster
slot (``{<sender>}``), so one Lua script reads and writes them atomically; the
names of the state that lasts about a day carry the layout's version (``LAYOUT``)::

    <prefix>:<layout>:{<sender>}:q   hash  quota rule -> "<total>;<newest bucket>;<bucket
                                     seconds>;<entries>": the entries oldest first, "<bucket>:<count>" then
                                     "<count>" for the next bucket or "<gap>:<count>"
                                     (transition.lua)
    <prefix>:<layout>:{<sender>}:c   hash  cooldown rule -> until (epoch seconds)
    <prefix>:{<sender>}:r            hash  revoked app key -> until (no version: a
                                     revocation lasts 90 days, its layout is unchanged)
    <prefix>:<layout>:{<sender>}:t   hash  duplicates rule -> trace: a 6-byte header ("!",
                                     the widths of `last` and `seq`, the count),
                                     fixed-width records most recent first (last, seq:
                                     "+<seq>" when a copy carried a contact, units
                                     count, 32-byte signature), then each record's
                                     units, 8 bytes each (transition.lua); "#" -> next
                                     sequence number
    <prefix>:<layout>:{<sender>}:x   hash  rule -> state of a kind without a key of its own;
                                     "@" -> the state cache's token (statecache.py):
                                     8 random bytes, changed or deleted by every write
    <prefix>:{<sender>}:a            set   apps this sender sent self-messages through
                                     (for forget; no version, like the revocations)

A layout change bumps ``LAYOUT``: keys of an older layout are never read (so never
misread) and expire by themselves within about a day, instead of being migrated.
Revocations and the apps index are left out of it: a change to their layout would
need a migration (none has been needed).

The audit trail (``policy/audit.py``), streams capped (``XADD MAXLEN ~``) with a TTL::

    <prefix>:{<sender>}:audit   stream  the sender's audited actions (hashed id, actor,
                                 reason, before and after: numbers, never text)
    <prefix>:audit              stream  every sender's, for the deployment-wide list

Per app, under the app's own tag (a separate slot, a separate round trip)::

    <prefix>:{a:<app>}:s    zset   sender -> time of its last self-message through the app

Ids reach the storage already hashed by the engine (hex); any other string is
made safe here: characters outside ``[0-9A-Za-z_-]`` (``{ } : *``, spaces,
non-ASCII...) would break the hash tag or collide, so such an id is replaced by
``~`` and a hash of it. ``~`` never appears in a kept id, so the mapping stays
one to one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_SAFE_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
_HEX_UNIT = re.compile(r"[0-9a-f]{16}")
UNIT_BYTES = 8
DEFAULT_PREFIX = "dmp"
# The layout's version, in every sender key: keys of an older layout are ignored (never
# misread) and expire by themselves, within about a day.
LAYOUT = "4"  # 4: times in the :x records as 8-byte doubles (3: 18-character decimals)


def safe_id(value: str) -> str:
    """``value`` if it is safe in a key and a hash tag, else ``~`` and a 128-bit hash of it."""
    if _SAFE_ID.fullmatch(value):
        return value
    digest = hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=16)
    return "~" + digest.hexdigest()


def unit_bytes(unit: str) -> bytes:
    """A recipient unit as 8 bytes: the engine's 16-hex-digit keys unpacked, others hashed."""
    if _HEX_UNIT.fullmatch(unit):
        return bytes.fromhex(unit)
    return hashlib.blake2b(b"unit\x00" + unit.encode("utf-8", "surrogatepass"),
                           digest_size=UNIT_BYTES).digest()


@dataclass(frozen=True, slots=True)
class SenderKeys:
    quota: str
    cooldown: str
    revoked: str
    trace: str
    slices: str
    apps: str

    @property
    def state(self) -> tuple[str, str, str, str, str]:
        """The keys the transition script reads and writes, in its KEYS order."""
        return (self.quota, self.cooldown, self.revoked, self.trace, self.slices)

    @property
    def all(self) -> tuple[str, ...]:
        return (self.quota, self.cooldown, self.revoked, self.trace, self.slices, self.apps)


class KeySpace:
    """Names the keys of one deployment (``prefix`` separates several on one Redis)."""

    def __init__(self, prefix: str = DEFAULT_PREFIX) -> None:
        if not isinstance(prefix, str) or not prefix or any(c in prefix for c in "{}"):
            raise ValueError(f"key_prefix must be a non-empty string without braces, got {prefix!r}")
        self.prefix = prefix

    def tag(self, sender: str) -> str:
        return "{" + safe_id(sender) + "}"

    def sender(self, sender: str) -> SenderKeys:
        base = f"{self.prefix}:{LAYOUT}:{self.tag(sender)}"
        lasting = f"{self.prefix}:{self.tag(sender)}"  # outlives a layout change
        return SenderKeys(f"{base}:q", f"{base}:c", f"{lasting}:r", f"{base}:t", f"{base}:x",
                          f"{lasting}:a")

    def audit(self, sender: str) -> str:
        """The sender's audit stream (``policy/audit.py``): in the sender's slot, so an
        action and its entry are written by one script; outside ``SenderKeys.all``, so
        ``forget`` keeps the record of itself (capped, with a TTL)."""
        return f"{self.prefix}:{self.tag(sender)}:audit"

    def audit_all(self) -> str:
        """The deployment's audit stream (every user's entries, capped, with a TTL)."""
        return f"{self.prefix}:audit"

    def app_signals(self, app: str) -> str:
        return f"{self.prefix}:{{a:{safe_id(app)}}}:s"

    def member(self, sender: str) -> str:
        """The sender as a member of an app's signal set."""
        return safe_id(sender)
