"""A toy stateful rule kind, written as a deployment would add one: this module, its Lua
section (``LUA`` below) and a rules file (``tests/rules/toy-refusals.toml``), nothing
else. It counts a sender's refused attempts; at ``max_refusals`` within ``window`` it
refuses everything until the window has passed since the last refusal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policy.checks.base import Finding, Fired, Step
from policy.checks.params import ParamReader
from policy.decision import Verdict
from policy.lua import lua_int, lua_num
from policy.state import SenderState

KIND = "toy_refusals"
STATEFUL = True


@dataclass(frozen=True, slots=True)
class Params:
    max_refusals: int
    window: float


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


def expires_at(rule: Any, state: SenderState) -> float | None:
    kept = state.slices.get(rule.name)
    return kept[1] if kept else None  # type: ignore[index]


def finding(params: Params, code: str, retry_after: float | None) -> Finding:
    return Finding(code, Verdict.THROTTLE, "Too many refused attempts.", retry_after)


def lua_params(rule: Any, rules: tuple[Any, ...]) -> list[tuple[str, str]]:
    return [("max_refusals", lua_int(rule.params.max_refusals)),
            ("window", lua_num(rule.params.window))]


LUA = """
-- toy_refusals (tests/checks/toy_refusals.py): "<count>;<until>" per rule in KEYS[5]
do
  local X = KEYS[5]
  local kept = {}
  local function live(name)
    local k = kept[name]
    if k ~= nil and k[2] > now then return k[1], k[2] end
    return 0, 0.0
  end
  KIND.toy_refusals = {
    load = function()
      for name in pairs(rules_of('toy_refusals')) do
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
