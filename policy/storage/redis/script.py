"""The Redis storage's Lua: the transition script of a rule set and the admin scripts.

One script per rule set: the rules as a Lua table (``_encode_rules``), then the
frame ``transition.lua`` (beside this file) with the Lua section of each kind the
rules use (``policy/checks/<kind>.lua``) where the frame marks them
(``assemble_script``). ``encode_args`` and ``decode_result`` are the two ends of
its wire format (ARGV and the reply, described at the top of transition.lua).
The small scripts of the administrative calls (off the hot path) are here too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from policy.core import Fired, Standing, TransitionInput, TransitionResult
from policy.errors import StorageError
from policy.fingerprint import SIGNATURE_BYTES
from policy.lua import lua_bool, lua_int, lua_str
from policy.rules import Mode, PerRules, Rule, triggered
from policy.storage.redis.keys import unit_bytes

_SPEC_CACHE_SIZE = 16  # rule sets kept encoded (one per reload, a few at most)
_KINDS_MARK = b"--@KINDS@--"
_CALL_MARK = b"--@CALL@--"
# The library's name and its one function's: the prefix, then the script's SHA1 (one
# library per rule set; a reload with other rules loads another).
FUNCTION_PREFIX = "dmpolicy_"


def _load_script(name: str) -> bytes:
    return resources.files("policy.storage.redis").joinpath(name).read_bytes()


class _Script:
    """A script and its SHA1, run by the driver as EVALSHA, then EVAL after NOSCRIPT;
    for a transition, also as a Redis 7 function (``function``: its name, ``library``:
    the FUNCTION LOAD source; None where a kind's Lua cannot be loaded once).

    Hand-kept rather than redis-py's ``register_script`` (``commands.core.Script`` and
    ``AsyncScript``): those answer NOSCRIPT with SCRIPT LOAD and a second EVALSHA, two
    round trips where EVAL is one, and on a cluster redis-py sends SCRIPT LOAD to every
    primary, so that a flushed or failed-over node could not run a decision while any
    other primary is unreachable. They are also bound to one client, where the driver
    makes its clients lazily, one per event loop, and rebuilds a failed cluster client.
    """

    __slots__ = ("function", "library", "sha", "source")

    def __init__(self, source: bytes, library: bytes | None = None) -> None:
        self.source = source
        self.sha = hashlib.sha1(source).hexdigest()
        self.function = FUNCTION_PREFIX + self.sha if library is not None else None
        # FUNCTION LOAD takes text: decoded here, once, not at every load
        self.library = (None if library is None else f"#!lua name={self.function}\n"
                        + library.decode("utf-8").replace("@FUNCTION@", self.function))


# Small scripts for the administrative calls (off the hot path).
_REVOKE = b"""
local now = ARGV[3]
if now == '' then local t = redis.call('TIME'); now = tonumber(t[1]) + tonumber(t[2]) / 1000000
else now = tonumber(now) end
local untill = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], ARGV[1], string.format('%.17g', untill))
redis.call('HDEL', KEYS[2], '@') -- a state cache's copy of this sender is stale
local ends = untill
local flat = redis.call('HGETALL', KEYS[1])
for i = 2, #flat, 2 do local u = tonumber(flat[i]); if u > ends then ends = u end end
redis.call('PEXPIRE', KEYS[1], string.format('%d', math.ceil((ends - now) * 1000)))
return 1
"""

_SIGNAL = b"""
local now = ARGV[3]
if now == '' then local t = redis.call('TIME'); now = tonumber(t[1]) + tonumber(t[2]) / 1000000
else now = tonumber(now) end
local window = tonumber(ARGV[2])
local cut = string.format('%.17g', now - window)
if ARGV[4] == '1' then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', cut)
  redis.call('ZADD', KEYS[1], string.format('%.17g', now), ARGV[1])
  local extra = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[5])
  if extra > 0 then
    redis.call('ZREMRANGEBYRANK', KEYS[1], '0', string.format('%d', extra - 1))
  end
  redis.call('PEXPIRE', KEYS[1], string.format('%d', math.ceil(window * 1000)))
end
return redis.call('ZCOUNT', KEYS[1], '(' .. cut, '+inf')
"""

# The sender's index of apps it signalled, kept long enough to outlive its
# members in the apps' sets (a member lives at most two windows there).
_INDEX_APP = b"""
redis.call('SADD', KEYS[1], ARGV[1])
local ms = tonumber(ARGV[2])
if redis.call('PTTL', KEYS[1]) < ms then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1
"""

# A passed challenge (policy/challenge.py): the pass's end in the sender's slices hash,
# whose TTL never shrinks (another field may need it).
_PASS = b"""
local now = ARGV[2]
if now == '' then local t = redis.call('TIME'); now = tonumber(t[1]) + tonumber(t[2]) / 1000000
else now = tonumber(now) end
local untill = now + tonumber(ARGV[1])
redis.call('HSET', KEYS[1], ARGV[3], string.format('%.17g', untill))
redis.call('HDEL', KEYS[1], '@') -- a state cache's copy of this sender is stale
local ms = math.ceil(tonumber(ARGV[1]) * 1000)
if redis.call('PTTL', KEYS[1]) < ms then redis.call('PEXPIRE', KEYS[1], string.format('%d', ms)) end
return string.format('%.17g', untill)
"""

# An app restored: KEYS the revoked and the slices hashes, ARGV the app.
_RESTORE = b"""
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], '@') -- a state cache's copy of this sender is stale
return 1
"""

_FORGET = b"""
local apps = redis.call('SMEMBERS', KEYS[#KEYS])
redis.call('DEL', unpack(KEYS))
return apps
"""


def _num(value: float) -> bytes:
    """An exact decimal of a float: Lua's tonumber reads back the same double."""
    return repr(float(value)).encode()


def _encode_rules(rules: tuple[Rule, ...]) -> bytes:
    """The rules as a Lua table literal, ``local RULES = {...}`` (the header of the script):
    each rule's name, kind, mode, the rules it triggers, and its kind's ``lua_params``."""
    items: list[str] = []
    starts = triggered(rules)
    for rule in rules:
        if rule.mode not in (Mode.ENFORCE, Mode.SHADOW):
            raise ValueError(f"rule {rule.name!r} is off: it is not evaluated")
        if not rule.stateful:
            raise ValueError(f"rule {rule.name!r}: {rule.kind} is not a stateful check")
        triggers = [i + 1 for i in starts.get(rule.name, ())]  # Lua counts from 1
        fields = [f"name = {lua_str(rule.name)}", f"kind = {lua_str(rule.kind)}",
                  f"enforce = {lua_bool(rule.mode is Mode.ENFORCE)}",
                  "triggers = {" + ", ".join(lua_int(i) for i in triggers) + "}"]
        if rule.challenge:  # the codes it answers with a challenge (policy/challenge.py)
            fields.append("challenge = {" + ", ".join(
                f"[{lua_str(code)}] = true" for code in sorted(rule.challenge)) + "}")
        fields += [f"{name} = {value}" for name, value in rule.module.lua_params(rule, rules)]
        items.append("  { " + ", ".join(fields) + " },\n")
    return ("local RULES = {\n" + "".join(items) + "}\n").encode("ascii")


def _kind_source(module: Any) -> bytes:
    """A kind's Lua section: ``LUA`` (source text) if the module has one, else
    ``<kind>.lua`` beside the module."""
    source = getattr(module, "LUA", None)
    if source is None:
        source = Path(module.__file__).with_name(f"{module.KIND}.lua").read_text("utf-8")
    return source.encode("utf-8")


# The two ends of the text: an EVAL script reads Redis's KEYS and ARGV and runs at once;
# a library keeps them in locals that its function sets at every FCALL.
_EVAL_HEAD = b"local KEYS, ARGV = KEYS, ARGV\n"
_EVAL_CALL = b"return run(0)\n"
_LIBRARY_HEAD = b"local KEYS, ARGV\n"
# Two functions: the transition, and the state cache's call (``CACHED_SUFFIX``)
CACHED_SUFFIX = "_c"
_LIBRARY_CALL = (b"redis.register_function('@FUNCTION@', function(keys, args)\n"
                 b"  KEYS, ARGV = keys, args\n  return run(0)\nend)\n"
                 b"redis.register_function('@FUNCTION@" + CACHED_SUFFIX.encode()
                 + b"', function(keys, args)\n"
                 b"  KEYS, ARGV = keys, args\n  return cached()\nend)\n")


def _modules(rules: tuple[Rule, ...]) -> list[Any]:
    modules: list[Any] = []
    for rule in rules:
        if rule.module not in modules:
            modules.append(rule.module)
    return modules


def assemble_script(rules: tuple[Rule, ...], frame: bytes | None = None, *,
                    library: bool = False) -> bytes:
    """The transition script of ``rules``: their table, the frame (``transition.lua``)
    with the Lua sections of the kinds they use where the frame marks them.
    ``library``: the body of a Redis function library instead (``_Script.library``
    adds its name): the same text, loaded once."""
    return _assemble(rules, _encode_rules(rules), frame, library)


def _assemble(rules: tuple[Rule, ...], encoded: bytes, frame: bytes | None,
              library: bool) -> bytes:
    frame = frame if frame is not None else _load_script("transition.lua")
    sections = b"\n".join(_kind_source(m) for m in _modules(rules))
    head, mark, tail = frame.partition(_KINDS_MARK)
    if not mark or _CALL_MARK not in tail:
        raise ValueError("the transition frame has no kinds mark or no call mark")
    first, call = (_LIBRARY_HEAD, _LIBRARY_CALL) if library else (_EVAL_HEAD, _EVAL_CALL)
    return first + encoded + head + sections + tail.replace(_CALL_MARK, call)


def loads_once(rules: tuple[Rule, ...]) -> bool:
    """Whether every kind's Lua section sets what one call reads in its ``begin``
    (``LUA_ONCE = True`` in its module), so that the script may be a Redis function,
    its definitions loaded once; a kind written for EVAL alone keeps the rule set on
    EVAL (the same decisions, every definition run at every call)."""
    return all(getattr(m, "LUA_ONCE", False) for m in _modules(rules))


def transition_script(rules: tuple[Rule, ...], frame: bytes | None = None) -> _Script:
    """The transition of ``rules`` as an EVAL script and, where its kinds allow, a
    function library."""
    encoded = _encode_rules(rules)  # once for both forms
    library = _assemble(rules, encoded, frame, True) if loads_once(rules) else None
    return _Script(_assemble(rules, encoded, frame, False), library)


class TransitionScripts:
    """The transition script of each rule set, assembled once (``PerRules``)."""

    def __init__(self) -> None:
        frame = _load_script("transition.lua")
        self.get = PerRules(lambda rules: transition_script(rules, frame),
                            _SPEC_CACHE_SIZE).get


# A unit's evidence as the script reads it (policy.checks.base: NONE, FOLLOWED, WROTE;
# True, from callers of the bool era, is FOLLOWED).
_EVIDENCE = {0: b"0", 1: b"1", 2: b"2"}


def encode_args(inp: TransitionInput, now: float | None) -> list[bytes]:
    """The transition script's ARGV for ``inp`` (``now`` None: Redis TIME)."""
    f = inp.features
    if f.signature is not None and len(f.signature) != SIGNATURE_BYTES:
        # The stored trace has fixed-width records (transition.lua): refuse, never corrupt.
        raise ValueError(f"a text signature must be {SIGNATURE_BYTES} bytes "
                         f"(policy.fingerprint), got {len(f.signature)}")
    args: list[bytes] = [
        b"" if now is None else _num(now),
        b"1" if inp.refused_before else b"0",
        b"0" if f.app is None else b"1",
        (f.app or "").encode("utf-8", "surrogatepass"),
        b"1" if f.self_message else b"0",
        b"0" if f.signature is None else b"1",
        f.signature or b"",
        str(f.text_chars).encode(),
        str(f.cost).encode(),
        b"1" if f.contact else b"0",
        str(len(f.units)).encode(),
    ]
    for unit, evidence in f.units:
        args.append(unit_bytes(unit))
        args.append(_EVIDENCE[evidence])
    if f.people is None:  # the same as the units (no conversation): not sent twice
        args.append(b"=")
    else:
        args.append(str(len(f.people)).encode())
        for unit, evidence in f.people:
            args.append(unit_bytes(unit))
            args.append(_EVIDENCE[evidence])
    args.append(str(len(f.contacts)).encode())
    args.extend(unit_bytes(contact) for contact in f.contacts)
    inactive = inp.inactive
    args.append(b"".join(b"0" if r.name in inactive else b"1" for r in inp.rules)
                if inactive else b"")
    if f.report is not None:  # a recipient's report (the frame's report mode)
        args.append(f.report.encode("ascii"))
    return args


def decode_result(inp: TransitionInput, raw: Sequence[Any], kind: str) -> TransitionResult:
    """The transition script's reply as a result (nonsense: ``StorageError``)."""
    try:
        now = float(raw[0])
        allowed, revoked = int(raw[1]) == 1, int(raw[2]) == 1
        i = 3
        fired = []
        for _ in range(int(raw[i])):
            rule = inp.rules[int(raw[i + 1]) - 1]
            retry = raw[i + 3]
            fired.append(Fired(rule.name, raw[i + 2].decode(),
                               float(retry) if retry else None))
            i += 3
        i += 1
        standings = []
        for _ in range(int(raw[i])):
            rule = inp.rules[int(raw[i + 1]) - 1]
            standings.append((rule.name, Standing(int(raw[i + 2]), int(raw[i + 3]),
                                                  float(raw[i + 4]))))
            i += 4
    except (TypeError, ValueError, IndexError, AttributeError) as exc:
        raise StorageError(f"{kind} storage answered nonsense: {exc}") from exc
    return TransitionResult(now, tuple(fired), tuple(standings), allowed, revoked)
