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
    for 0 and -0 in a chunk, so -0.0 is not written as a constant: it, the infinities and
    NaN are divisions by zero, which Lua 5.1 never folds into constants and computes at
    run time, reading no global (a Redis function library's load may read none)."""
    value = float(value)
    if math.isnan(value):
        return "(0 / 0)"
    if math.isinf(value):
        return "(1 / 0)" if value > 0 else "(-1 / 0)"
    if value == 0.0 and math.copysign(1.0, value) < 0:
        return "(-1 / (1 / 0))"
    return f"({value!r})"


def lua_int(value: int) -> str:
    return f"({int(value)})"


def lua_bool(value: bool) -> str:
    return "true" if value else "false"
