"""A deployment's own stateful kind, as ``docs/development.md`` describes one: loadable
once (``LUA_ONCE``: a Redis function), its state a field of the slices hash that
``decode_slice`` reads back, and, from ``make(encoder=True)``, ``encode_slice`` too.
Counts a sender's refused attempts; at ``max_refusals`` within ``window`` it refuses.
For the state cache's tests (after an outside reviewer's reproducer)."""

from __future__ import annotations

import types

from tests.checks import toy_refusals


def _loadable_once(source: str) -> str:
    """The toy kind's Lua, setting what one call reads in ``begin`` (its key, its table):
    what ``LUA_ONCE`` promises, so that the rule set runs as a Redis function."""
    out = source
    for old, new in (("  local X = KEYS[5]\n  local kept = {}\n", "  local X, kept\n"),
                     ("KIND.toy_refusals = {\n",
                      "KIND.@KIND@ = {\n    begin = function() X, kept = KEYS[5], {} end,\n"),
                     ("rules_of('toy_refusals')", "rules_of('@KIND@')")):
        assert old in out, f"the toy kind's Lua changed: {old!r}"
        out = out.replace(old, new)
    return out


_LUA = _loadable_once(toy_refusals.LUA)


def make(kind: str, encoder: bool) -> types.ModuleType:
    """The toy kind (``tests/checks/toy_refusals.py``: the same Python hooks) as a
    module named ``kind``, loadable once, with ``decode_slice`` and maybe ``encode_slice``."""
    mod = types.ModuleType(kind)
    for name in ("Params", "parse", "needs", "step", "settle", "expires_at", "finding",
                 "lua_params"):
        setattr(mod, name, getattr(toy_refusals, name))
    mod.KIND, mod.STATEFUL, mod.LUA_ONCE = kind, True, True  # type: ignore[attr-defined]
    mod.LUA = _LUA.replace("@KIND@", kind)  # type: ignore[attr-defined]

    def decode_slice(blob: bytes) -> tuple[int, float]:
        n, u = blob.split(b";")
        return int(n), float(u)

    def encode_slice(value: tuple[int, float]) -> bytes:
        return f"{value[0]};{value[1]:.17g}".encode()

    mod.decode_slice = decode_slice  # type: ignore[attr-defined]
    if encoder:
        mod.encode_slice = encode_slice  # type: ignore[attr-defined]
    return mod
