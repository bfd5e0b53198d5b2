-- strangers (policy/checks/strangers.py): the strangers reached, in the sender's slices
-- hash, KEYS[5]: one field per strangers rule, "<oldest>;" then fixed-width records most
-- recent first, each the unit (8 bytes) then its last time (`time_field`, 18
-- characters). <oldest> is at or before every record's time, so
-- while it is inside the window no record needs reading: the usual decision finds this
-- send's people with string.find and splices records, never decoding the others.
do
  local REC = UNIT + TIME_WIDTH
  -- (set by begin: one call's) the slices hash; rule name -> what step saw, for settle;
  -- rule name -> the stored field (nil: none); this send's people each rule counts,
  -- each once, by count_followed (the same for every rule of the same count_followed)
  local X, found, stored, sent

  -- The record of `unit` in `body` (its start), or nil: found at a record boundary only
  local function find_unit(body, unit)
    local at = 1
    while true do
      local s = string.find(body, unit, at, true)
      if s == nil then return nil end
      if (s - 1) % REC == 0 then return s end
      at = s + 1
    end
  end

  local function lasts_of(body)
    local out = {}
    for at = 1, #body, REC do out[#out + 1] = tonumber(sub(body, at + UNIT, at + REC - 1)) end
    return out
  end

  KIND.strangers = {
    begin = function() X, found, stored, sent = KEYS[5], {}, {}, {} end,
    load = function()
      local names = {}
      for name in pairs(rules_of('strangers')) do names[#names + 1] = name end
      if #names == 0 then return end
      local values = redis.call('HMGET', X, unpack(names)) -- one call for every rule
      for i, name in ipairs(names) do
        if values[i] then stored[name] = values[i] end
      end
    end,
    step = function(rule)
      local cutoff, blob = now - rule.window, stored[rule.name]
      local body, oldest, pruned, newest = '', nil, false, nil
      if blob ~= nil then
        local p = string.find(blob, ';', 1, true)
        oldest, body = tonumber(sub(blob, 1, p - 1)), sub(blob, p + 1)
        if not (oldest > cutoff) then -- some may be out of the window: read them all
          local parts = {}
          oldest = nil
          for at = 1, #body, REC do
            local last = tonumber(sub(body, at + UNIT, at + REC - 1))
            if last > cutoff then
              parts[#parts + 1] = sub(body, at, at + REC - 1)
              if oldest == nil or last < oldest then oldest = last end
              if newest == nil or last > newest then newest = last end
            end
          end
          pruned, body = true, table.concat(parts)
        end
      end
      local strangers = sent[rule.count_followed]
      if strangers == nil then
        strangers = new_strangers(people, {}, rule.count_followed)
        sent[rule.count_followed] = strangers
      end
      if rule.with_contact and not contact then strangers = {} end -- not counted by this rule
      local new = 0
      for _, u in ipairs(strangers) do
        if find_unit(body, u) == nil then new = new + 1 end
      end
      local f = { body = body, oldest = oldest, pruned = pruned, newest = newest,
                  strangers = strangers, new = new }
      found[rule.name] = f
      if #strangers == 0 or new == 0 then return nil end
      local n = #body / REC
      if n + new > rule.limit then
        if new > rule.limit then return rule.code end
        local lasts = lasts_of(body)
        table.sort(lasts)
        return rule.code, lasts[n + new - rule.limit] + rule.window - now
      end
      if rule.armed_by == nil or n + new <= rule.armed_limit then return nil end
      -- armed: the with_contact rule named is full with this send (its step ran first)
      local o = found[rule.armed_by]
      if o == nil then return nil end -- not stepped for this send
      local on = #o.body / REC
      local over = on + o.new - rule.armed_by_limit -- full at 0: one more must leave
      if over < 0 then return nil end
      local wait, lifts = nil, nil
      if new <= rule.armed_limit then
        local lasts = lasts_of(body)
        table.sort(lasts)
        wait = lasts[n + new - rule.armed_limit] + rule.window - now
      end
      if over < on then
        local olasts = lasts_of(o.body)
        table.sort(olasts)
        lifts = olasts[over + 1] + rule.armed_by_window - now
        if wait == nil or lifts < wait then wait = lifts end
      end
      return 'links_to_strangers', wait
    end,
    settle = function(rule)
      local f = found[rule.name]
      local body, changed = f.body, f.pruned
      if #f.strangers > 0 and not refused then
        local now_s, parts = time_field(now), {}
        for _, u in ipairs(f.strangers) do
          local s = find_unit(body, u) -- written to again: moved to the front
          if s ~= nil then body = sub(body, 1, s - 1) .. sub(body, s + REC) end
          if #parts < rule.limit then parts[#parts + 1] = u .. now_s end
        end
        body = table.concat(parts) .. sub(body, 1, (rule.limit - #parts) * REC)
        if f.oldest == nil or now < f.oldest then f.oldest = now end -- still at or before all
        if f.newest == nil or now > f.newest then f.newest = now end
        changed = true
      end
      if not changed then return end
      if body == '' then
        if stored[rule.name] ~= nil then drop_slice(rule.name) end
        return
      end
      -- the newest record's window end (the key's existing TTL covers what it held)
      write_slice(rule.name, f2s(f.oldest) .. ';' .. body,
                  f.newest ~= nil and f.newest + rule.window or nil)
    end,
  }

  -- strangers.reached: is `unit` recorded by `rule` as reached inside its window?
  KIND.strangers.reached = function(rule, unit)
    local blob = redis.call('HGET', X, rule.name)
    if not blob then return false end
    local body = sub(blob, string.find(blob, ';', 1, true) + 1)
    local s = find_unit(body, unit)
    if s == nil then return false end
    return tonumber(sub(body, s + UNIT, s + REC - 1)) > now - rule.window
  end
  -- strangers.newly_reached: this send's strangers the rule `name` had not recorded
  KIND.strangers.newly_reached = function(name)
    local f = found[name]
    if f == nil then return 0 end
    return f.new -- counted by its step
  end
end
