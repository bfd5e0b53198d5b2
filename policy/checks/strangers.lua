-- strangers (policy/checks/strangers.py): the strangers reached, in the sender's slices
-- hash, KEYS[5]: one field per strangers rule, fixed-width records most recent first,
-- each the unit (8 bytes) then its last time ('%.17g', right-aligned in 24 spaces:
-- tonumber skips them). Kept records are copied as they are, never formatted again.
do
  local X = KEYS[5]
  local REC = UNIT + 24
  local found = {} -- rule name -> { kept = { {unit, last, record}... }, strangers = {unit...} }
  local stored = {} -- rule name -> the stored field (nil: none)
  local sets, dels, ends = {}, {}, nil -- what commit writes

  KIND.strangers = {
    load = function()
      for name in pairs(rules_of('strangers')) do
        local v = redis.call('HGET', X, name)
        if v then stored[name] = v end
      end
    end,
    step = function(rule)
      local cutoff, blob, kept = now - rule.window, stored[rule.name], {}
      if blob ~= nil then
        for at = 1, #blob, REC do
          local last = tonumber(sub(blob, at + UNIT, at + REC - 1))
          if last > cutoff then
            kept[#kept + 1] = { sub(blob, at, at + UNIT - 1), last, sub(blob, at, at + REC - 1) }
          end
        end
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
      local kept, parts, newest = f.kept, {}, nil
      if #f.strangers > 0 and not refused then
        local fresh, now_s = {}, f2s(now)
        now_s = string.rep(' ', 24 - #now_s) .. now_s
        for _, u in ipairs(f.strangers) do
          fresh[u] = true
          if #parts < rule.limit then parts[#parts + 1] = u .. now_s end
        end
        newest = now
        for _, e in ipairs(kept) do
          if #parts >= rule.limit then break end
          if not fresh[e[1]] then
            parts[#parts + 1] = e[3]
            if e[2] > newest then newest = e[2] end
          end
        end
      else
        for i, e in ipairs(kept) do
          parts[i] = e[3]
          if newest == nil or e[2] > newest then newest = e[2] end
        end
      end
      local blob = table.concat(parts)
      if blob ~= (stored[rule.name] or '') then
        if blob == '' then
          dels[#dels + 1] = rule.name
        else
          sets[#sets + 1] = rule.name
          sets[#sets + 1] = blob
        end
        if newest ~= nil and (ends == nil or newest + rule.window > ends) then
          ends = newest + rule.window
        end
      end
    end,
    commit = function()
      if #dels > 0 then redis.call('HDEL', X, unpack(dels)) end
      if #sets > 0 then
        redis.call('HSET', X, unpack(sets)) -- one call for every strangers rule
        pexpire_until(X, ends, true)
      end
    end,
  }
end
