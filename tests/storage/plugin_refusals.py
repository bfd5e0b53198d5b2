"""A deployment's own stateful kind, as ``docs/development.md`` describes one: loadable
once (``LUA_ONCE``: a Redis function), its state a field of the slices hash that
``decode_slice`` reads back, and, from ``make(encoder=True)``, ``encode_slice`` too.
Counts a sender's refused attempts; at ``max_refusals`` within ``window`` it refuses.
For the state cache's tests (after an outside reviewer's reproducer)."""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Any

from policy.checks.base import Finding, Fired, Step
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.lua import lua_int, lua_num

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


@dataclass(frozen=True, slots=True)
class Params:
    max_refusals: int
    window: float


def make(kind: str, encoder: bool) -> types.ModuleType:
    mod = types.ModuleType(kind)
    mod.KIND, mod.STATEFUL, mod.LUA_ONCE = kind, True, True  # type: ignore[attr-defined]
    mod.Params = Params  # type: ignore[attr-defined]
    mod.LUA = _LUA.replace("@KIND@", kind)  # type: ignore[attr-defined]

    def parse(reader: ParamReader) -> Params:
        return Params(reader.integer("max_refusals", 3, minimum=1),
                      reader.duration("window", "10m"))

    def needs(params: Params) -> dict[str, object]:
        return {}

    def _live(ctx: Step, name: str) -> tuple[int, float]:
        count, until = ctx.before.slices.get(name, (0, 0.0))  # type: ignore[misc]
        return (count, until) if until > ctx.now else (0, 0.0)

    def step(rule: Any, ctx: Step) -> Fired | None:
        count, until = _live(ctx, rule.name)
        if count >= rule.params.max_refusals:
            return Fired(rule.name, "too_many_refusals", until - ctx.now)
        return None

    def settle(rule: Any, ctx: Step) -> None:
        count, _ = _live(ctx, rule.name)
        if ctx.refused:
            ctx.after.slices[rule.name] = (count + 1, ctx.now + rule.params.window)
        elif count == 0:
            ctx.after.slices.pop(rule.name, None)

    def expires_at(rule: Any, state: Any) -> float | None:
        kept = state.slices.get(rule.name)
        return kept[1] if kept else None

    def decode_slice(blob: bytes) -> tuple[int, float]:
        n, u = blob.split(b";")
        return int(n), float(u)

    def encode_slice(value: tuple[int, float], memo: Any = None) -> bytes:
        return f"{value[0]};{value[1]:.17g}".encode()

    def finding(params: Params, code: str, retry_after: float | None) -> Finding:
        return Finding(code, Verdict.THROTTLE, "Too many refused attempts.", retry_after)

    def lua_params(rule: Any, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
        return [("max_refusals", lua_int(rule.params.max_refusals)),
                ("window", lua_num(rule.params.window))]

    hooks = [parse, needs, step, settle, expires_at, decode_slice, finding, lua_params]
    if encoder:
        hooks.append(encode_slice)
    for hook in hooks:
        setattr(mod, hook.__name__, hook)
    return mod
