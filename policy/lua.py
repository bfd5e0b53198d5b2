"""Lua literals for the Redis transition script: each rule kind writes its parameters
with these (``lua_params`` in ``policy/checks/<kind>.py``), and the driver embeds them
in the script, so that the script reads back exactly the values Python has."""

from __future__ import annotations

import math

_SAFE_LUA_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_ -")


def lua_str(value: str) -> str:
    """A Lua string literal: every byte outside ``[A-Za-z0-9_ -]`` as a decimal escape."""
    return '"' + "".join(chr(b) if b in _SAFE_LUA_CHARS else f"\\{b:03d}"
                         for b in value.encode("utf-8", "surrogatepass")) + '"'


def lua_num(value: float) -> str:
    """A Lua expression for exactly this double: repr is exact. Lua 5.1 keeps one constant
    for 0 and -0 in a chunk, so neither -0.0 nor a division by a literal 0 is written:
    -0.0, the infinities and NaN come from math.huge at run time."""
    value = float(value)
    if math.isnan(value):
        return "(math.huge - math.huge)"
    if math.isinf(value):
        return "math.huge" if value > 0 else "(-math.huge)"
    if value == 0.0 and math.copysign(1.0, value) < 0:
        return "(-1 / math.huge)"
    return f"({value!r})"


def lua_int(value: int) -> str:
    return f"({int(value)})"


def lua_bool(value: bool) -> str:
    return "true" if value else "false"
