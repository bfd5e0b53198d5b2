-- reports (policy/checks/reports.py): the counted reports and the strangers reached, in
-- the sender's slices hash, KEYS[5]: one field per reports rule, the counts of strangers
-- reached as "<bucket>:<count>," (oldest first), ';', then the reports most recent first,
-- each the reporter's unit (8 bytes) and its time (`time_field`, 8 bytes).
do
  local REC = UNIT + TIME_WIDTH
  local BUCKETS = 7
  local X, found -- the slices hash; rule name -> what step read, for settle (set by begin)

  -- The live reports and counts of a rule's field; `pruned`: some were dropped
  local function read(rule)
    local reports, reached = {}, {}
    local blob = redis.call('HGET', X, rule.name)
    if not blob then return reports, reached, false, false end
    local p = string.find(blob, ';', 1, true)
    local head, body, pruned = sub(blob, 1, p - 1), sub(blob, p + 1), false
    local cutoff = now - rule.window
    for at = 1, #body, REC do
      local t = read_time(body, at + UNIT)
      if t > cutoff then
        reports[#reports + 1] = { unit = sub(body, at, at + UNIT - 1), t = t }
      else
        pruned = true
      end
    end
    local first = math.floor(now / (rule.window / BUCKETS)) - BUCKETS
    for b, c in string.gmatch(head, '(%-?%d+):(%d+),') do
      b = tonumber(b)
      if b > first then
        reached[#reached + 1] = { b = b, c = tonumber(c) }
      else
        pruned = true
      end
    end
    return reports, reached, true, pruned
  end

  local function keep(rule, reports, reached, existed)
    if #reports == 0 and #reached == 0 then
      if existed then drop_slice(rule.name) end
      return
    end
    local parts, ends, size = {}, nil, rule.window / BUCKETS
    for _, r in ipairs(reached) do
      parts[#parts + 1] = i2s(r.b) .. ':' .. i2s(r.c) .. ','
      local e = (r.b + BUCKETS) * size
      if ends == nil or e > ends then ends = e end
    end
    parts[#parts + 1] = ';'
    for _, r in ipairs(reports) do
      parts[#parts + 1] = r.unit .. time_field(r.t)
      local e = r.t + rule.window
      if ends == nil or e > ends then ends = e end
    end
    write_slice(rule.name, table.concat(parts), ends)
  end

  KIND.reports = {
    begin = function() X, found = KEYS[5], {} end,
    step = function(rule)
      local reports, reached, existed, pruned = read(rule)
      found[rule.name] = { reports = reports, reached = reached, existed = existed,
                           pruned = pruned }
      local n = #reports
      if n < rule.min_reports then return nil end
      local total = 0
      for _, r in ipairs(reached) do total = total + r.c end
      if n < rule.share * total then return nil end
      if #new_strangers(people, {}) == 0 then return nil end -- friends only
      local times = {}
      for i, r in ipairs(reports) do times[i] = r.t end
      table.sort(times)
      return 'reported_as_spam', times[n - rule.min_reports + 1] + rule.window - now
    end,
    settle = function(rule)
      local f = found[rule.name]
      local changed = f.pruned
      if not refused then
        local new = KIND.strangers.newly_reached(rule.strangers)
        if new > 0 then
          local bucket, hit = math.floor(now / (rule.window / BUCKETS)), false
          for _, r in ipairs(f.reached) do
            if r.b == bucket then r.c, hit = r.c + new, true end
          end
          if not hit then f.reached[#f.reached + 1] = { b = bucket, c = new } end
          changed = true
        end
      end
      if changed then keep(rule, f.reports, f.reached, f.existed) end
    end,
    report = function(rule)
      local reports, reached, existed, changed = read(rule)
      local u = units[1]
      local outcome = 'counted'
      if u.evidence then
        outcome = 'replied'
      else
        for _, r in ipairs(reports) do
          if r.unit == u.unit then outcome = 'repeated' end
        end
        if outcome == 'counted' then
          local srule = rules_of('strangers')[rule.strangers]
          if srule == nil or not KIND.strangers.reached(srule, u.unit) then
            outcome = 'not_reached'
          end
        end
      end
      if outcome == 'counted' then
        table.insert(reports, 1, { unit = u.unit, t = now })
        while #reports > rule.max_reports do table.remove(reports) end
        changed = true
      end
      if changed then keep(rule, reports, reached, existed) end
      return outcome
    end,
  }
end
