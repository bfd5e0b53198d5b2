"""A deployment's own stateful kind, as ``docs/development.md`` describes one: loadable
once (``LUA_ONCE``: a Redis function), its state a field of the slices hash that
``decode_slice`` reads back, and, from ``make(encoder=True)``, ``encode_slice`` too.
Counts a sender's refused attempts; at ``max_refusals`` within ``window`` it refuses.
For the state cache's tests (after an outside reviewer's reproducer)."""

from __future__ import annotations

import types
from typing import Any

from tests.checks import toy_refusals

_LUA = """
do
  local X, kept
  local function live(name)
    local k = kept[name]
    if k ~= nil and k[2] > now then return k[1], k[2] end
    return 0, 0.0
  end
  KIND.@KIND@ = {
    begin = function() X, kept = KEYS[5], {} end,
    load = function()
      for name in pairs(rules_of('@KIND@')) do
        local v = redis.call('HGET', X, name)
        if v then
          local n, u = string.match(v, '^(%d+);(.+)$')
          kept[name] = { tonumber(n), tonumber(u) }
        end
      end
    end,
    step = function(rule)
      local n, u = live(rule.name)
      if n >= rule.max_refusals then return 'too_many_refusals', u - now end
      return nil
    end,
    settle = function(rule)
      local n = live(rule.name)
      if refused then
        write_slice(rule.name, i2s(n + 1) .. ';' .. f2s(now + rule.window), now + rule.window)
      elseif n == 0 and kept[rule.name] ~= nil then
        drop_slice(rule.name)
      end
    end,
  }
end
"""


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

    def encode_slice(value: tuple[int, float], memo: Any = None) -> bytes:
        return f"{value[0]};{value[1]:.17g}".encode()

    mod.decode_slice = decode_slice  # type: ignore[attr-defined]
    if encoder:
        mod.encode_slice = encode_slice  # type: ignore[attr-defined]
    return mod
