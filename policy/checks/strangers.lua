-- strangers (policy/checks/strangers.py): the strangers reached, in the sender's slices
-- hash, KEYS[5]: one field per strangers rule, fixed-width records most recent first,
-- each the unit (8 bytes) then its last time ('%.17g', right-aligned in 24 spaces:
-- tonumber skips them).
do
  local X = KEYS[5]
  local REC = UNIT + 24
  local found = {} -- rule name -> { kept = { {unit, last}... }, strangers = {unit...} }
  local stored = {} -- rule name -> the stored field (nil: none)
  local touched = false

  local function decode(blob)
    local out = {}
    if blob == nil then return out end
    for at = 1, #blob, REC do
      out[#out + 1] = { sub(blob, at, at + UNIT - 1), tonumber(sub(blob, at + UNIT, at + REC - 1)) }
    end
    return out
  end

  local function encode(list)
    local parts = {}
    for i, e in ipairs(list) do
      local last = f2s(e[2])
      parts[i] = e[1] .. string.rep(' ', 24 - #last) .. last
    end
    return table.concat(parts)
  end

  KIND.strangers = {
    load = function()
      for name in pairs(rules_of('strangers')) do
        local v = redis.call('HGET', X, name)
        if v then stored[name] = v end
      end
    end,
    step = function(rule)
      local cutoff = now - rule.window
      local kept = {}
      for _, e in ipairs(decode(stored[rule.name])) do
        if e[2] > cutoff then kept[#kept + 1] = e end
      end
      local strangers, seen_s = {}, {}
      for _, u in ipairs(people) do
        if not u.evidence and not seen_s[u.unit] then
          seen_s[u.unit] = true
          strangers[#strangers + 1] = u.unit
        end
      end
      found[rule.name] = { kept = kept, strangers = strangers }
      if #strangers == 0 then return nil end
      local seen, new = {}, 0
      for _, e in ipairs(kept) do seen[e[1]] = true end
      for _, u in ipairs(strangers) do
        if not seen[u] then new = new + 1 end
      end
      local excess = #kept + new - rule.limit
      if new == 0 or excess <= 0 then return nil end
      if new > rule.limit then return 'too_many_strangers' end
      local lasts = {}
      for i, e in ipairs(kept) do lasts[i] = e[2] end
      table.sort(lasts)
      return 'too_many_strangers', lasts[excess] + rule.window - now
    end,
    settle = function(rule)
      local f = found[rule.name]
      if f == nil then return end
      local kept = f.kept
      if #f.strangers > 0 and not refused then
        local fresh, out = {}, {}
        for _, u in ipairs(f.strangers) do
          fresh[u] = true
          if #out < rule.limit then out[#out + 1] = { u, now } end
        end
        for _, e in ipairs(kept) do
          if #out >= rule.limit then break end
          if not fresh[e[1]] then out[#out + 1] = e end
        end
        kept = out
      end
      local blob = encode(kept)
      if blob ~= (stored[rule.name] or '') then
        touched = true
        if blob == '' then
          redis.call('HDEL', X, rule.name)
        else
          redis.call('HSET', X, rule.name, blob)
        end
      end
      if #kept > 0 then
        local newest = kept[1][2]
        for _, e in ipairs(kept) do if e[2] > newest then newest = e[2] end end
        found[rule.name].ends = newest + rule.window
      end
    end,
    commit = function()
      if not touched then return end
      local ends = nil
      for _, f in pairs(found) do
        if f.ends ~= nil and (ends == nil or f.ends > ends) then ends = f.ends end
      end
      if ends ~= nil then pexpire_until(X, ends, true) end
    end,
  }
end
