-- strangers (policy/checks/strangers.py): the strangers reached, in the sender's slices
-- hash, KEYS[5]: one field per strangers rule, <oldest> (`time_field`, 8 bytes) then
-- fixed-width records most recent first, each the unit (8 bytes) then its last time
-- (`time_field`). <oldest> is at or before every record's time, so
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

  -- A stored field's records (after <oldest>)
  local function body_of(blob)
    return sub(blob, TIME_WIDTH + 1)
  end

  -- Whether `body` (a stored field's records) has `unit` written to after `cutoff`
  local function recorded(body, unit, cutoff)
    local s = find_unit(body, unit)
    return s ~= nil and read_time(body, s + UNIT) > cutoff
  end

  -- In how long this send's `strangers` fit under `limit` with the people in `body` (nil:
  -- never, they alone are more). Only records of other people make room: the record of
  -- someone in this send that leaves the window makes them new again.
  local function wait_for(body, strangers, limit, window)
    local mine, others = {}, {}
    for _, u in ipairs(strangers) do mine[u] = true end
    for at = 1, #body, REC do
      if not mine[sub(body, at, at + UNIT - 1)] then
        others[#others + 1] = read_time(body, at + UNIT)
      end
    end
    local leave = #others + #strangers - limit -- at least 1 where the caller asks
    if leave > #others then return nil end
    table.sort(others)
    return others[leave] + window - now
  end

  -- The different sends (record times) `body` has strangers of once this send's
  -- `strangers` are in it (their records replaced by this send's); and in how long no
  -- more than `most` are left (0: already)
  local function sends_in(body, strangers, most, window)
    local mine, seen, times = {}, {}, {}
    for _, u in ipairs(strangers) do mine[u] = true end
    for at = 1, #body, REC do
      if not mine[sub(body, at, at + UNIT - 1)] then
        local last = read_time(body, at + UNIT)
        if not seen[last] then seen[last] = true; times[#times + 1] = last end
      end
    end
    local mine_n = (#strangers > 0) and 1 or 0
    local leave = #times - (most - mine_n)
    if leave <= 0 then return #times + mine_n, 0 end
    table.sort(times)
    return #times + mine_n, times[leave] + window - now
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
      -- record_of: another rule's record, the part inside this rule's window
      local cutoff, blob = now - rule.window, stored[rule.record_of or rule.name]
      local body, oldest, pruned, newest = '', nil, false, nil
      if blob ~= nil then
        oldest, body = read_time(blob, 1), body_of(blob)
        -- people who have written to the sender since are no longer strangers: dropped
        -- (not by a with_contact rule: the ways back stay counted)
        local wrote = nil -- their units with a record here (nil: none)
        if not rule.with_contact then
          for _, u in ipairs(people) do
            if u.wrote and find_unit(body, u.unit) ~= nil then
              wrote = wrote or {}
              wrote[u.unit] = true
            end
          end
        end
        if wrote ~= nil or not (oldest > cutoff) then -- some may go: read them all
          local parts = {}
          oldest = nil
          for at = 1, #body, REC do
            local last = read_time(body, at + UNIT)
            if last > cutoff and not (wrote and wrote[sub(body, at, at + UNIT - 1)]) then
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
      if rule.texts_under > 0 and (text_chars < 0 or text_chars >= rule.texts_under
                                   or people ~= units) then
        strangers = {} -- a longer text (traced instead), or not read (-1), or a
      end              -- conversation it did not start
      if rule.reached_by and #strangers > 0 then
        -- someone already written to, by any text (the other rule's record): no new contact
        local other = stored[rule.reached_by]
        if other ~= nil then
          local body2, cut2 = body_of(other), now - rule.reached_by_window
          local left = {}
          for _, u in ipairs(strangers) do
            if not recorded(body2, u, cut2) then left[#left + 1] = u end
          end
          strangers = left
        end
      end
      local new = 0
      for _, u in ipairs(strangers) do
        if find_unit(body, u) == nil then new = new + 1 end
      end
      local f = { body = body, oldest = oldest, pruned = pruned, newest = newest,
                  strangers = strangers, new = new }
      found[rule.name] = f
      if #strangers == 0 then return nil end
      if rule.at_once > 0 and people == units and #strangers > rule.at_once then
        return rule.code, nil -- a group the sender starts: too many strangers at once
      end
      local n = #body / REC
      local code, wait = nil, nil
      if new > 0 and n + new > rule.limit then
        code, wait = rule.code, wait_for(body, strangers, rule.limit, rule.window)
      end
      if rule.armed_by == nil or n + new <= rule.armed_limit then return code, wait end
      -- the lower limit, while the armed_by rule is full (its step ran first): for a new
      -- stranger, and for a way back to one already reached that fills it
      local o = found[rule.armed_by]
      if o == nil then return code, wait end -- not stepped
      local full = #o.body / REC + o.new >= rule.armed_by_limit
      local sends, sends_lift, arms = 0, 0, false
      if rule.armed_sends > 0 then -- ... or holds strangers of armed_sends messages
        sends, sends_lift = sends_in(o.body, o.strangers, rule.armed_sends - 1,
                                     rule.armed_by_window)
        -- a way back sent again to people it counted that arms it (one message more)
        arms = #o.strangers > 0 and sends >= rule.armed_sends
               and sends_in(o.body, {}, 0, 0) < rule.armed_sends
      end
      if new == 0 and o.new == 0 and not arms then return code, wait end
      if not full and not (rule.armed_sends > 0 and sends >= rule.armed_sends) then
        return code, wait
      end
      local w = wait_for(body, strangers, rule.armed_limit, rule.window)
      -- ... or until that rule arms it no more (not full, strangers of fewer messages)
      local lifts = 0
      if full then
        lifts = wait_for(o.body, o.strangers, rule.armed_by_limit - 1, rule.armed_by_window)
      end
      if lifts ~= nil and sends_lift > lifts then lifts = sends_lift end
      if lifts ~= nil and (w == nil or lifts < w) then w = lifts end
      if code ~= nil then -- over the plain limit too: both must lift
        if w == nil or wait == nil then w = nil elseif wait > w then w = wait end
      end
      return 'links_to_strangers', w
    end,
    settle = function(rule)
      if rule.record_of then
        -- the other rule records them; a record of its own (an earlier release's, or a
        -- process's without record_of during a deploy) is dropped once nobody in it is
        -- inside the window any more
        local own = stored[rule.name]
        if own ~= nil then
          local body, cutoff = body_of(own), now - rule.window
          for at = 1, #body, REC do
            if read_time(body, at + UNIT) > cutoff then return end
          end
          drop_slice(rule.name)
        end
        return
      end
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
      write_slice(rule.name, time_field(f.oldest) .. body,
                  f.newest ~= nil and f.newest + rule.window or nil)
    end,
  }

  -- strangers.reached: is `unit` recorded by `rule` as reached inside its window?
  KIND.strangers.reached = function(rule, unit)
    local blob = redis.call('HGET', X, rule.record_of or rule.name)
    if not blob then return false end
    return recorded(body_of(blob), unit, now - rule.window)
  end
  -- strangers.newly_reached: this send's strangers the rule `name` had not recorded
  KIND.strangers.newly_reached = function(name)
    local f = found[name]
    if f == nil then return 0 end
    return f.new -- counted by its step
  end
end
