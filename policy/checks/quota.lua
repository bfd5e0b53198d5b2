-- quota (policy/checks/quota.py): buckets in the sender's quota hash, KEYS[1]: one
-- field per quota rule, "<total>;<newest bucket>;<bucket seconds>;<entries>" (the
-- bucket length they count in, an exact decimal: a reload that changes it converts
-- them, quota.convert), the entries in ascending
-- bucket order, comma-separated: the first "<bucket>:<count>", each next one
-- "<count>" when its bucket follows the previous one (the usual case) or
-- "<gap>:<count>". Short (about 3 bytes a bucket instead of 11), and still the
-- expired buckets are a prefix and the newest bucket is in the header, so a decision
-- reads only that prefix and the last count, however many buckets there are.
-- Fields of rules not given here (a rule turned off) are kept untouched, but for those a
-- rule `carries` (a renamed rule): merged into that rule's, and deleted.
do
  -- (set by begin: one call's) the quota hash; the rules; former names, their fields,
  -- to delete; fields of rules not in this rule set; rule name -> its standing (the used
  -- count before this send)
  local QUOTA, quota_rules, before, after, consumed
  local carried_names, carried, dropped
  local other_quota
  local found

  -- The entry at p after the bucket prev (nil: the first entry) -> bucket, count, next p
  local function next_entry(body, p, prev)
    local _, e, x, y = string.find(body, '^(%-?%d+):?(%d*),?', p)
    if e == nil then return nil end
    if prev == nil then return tonumber(x), tonumber(y), e + 1 end
    if y == '' then return prev + 1, tonumber(x), e + 1 end
    return prev + tonumber(x), tonumber(y), e + 1
  end

  -- The entries of an ascending list of {bucket, count}
  local function encode_buckets(list)
    local parts, prev = {}, nil
    for k, bn in ipairs(list) do
      local b, n = bn[1], bn[2]
      if prev == nil then
        parts[k] = i2s(b) .. ':' .. i2s(n)
      elseif b == prev + 1 then
        parts[k] = i2s(n)
      else
        parts[k] = i2s(b - prev) .. ':' .. i2s(n)
      end
      prev = b
    end
    return table.concat(parts, ',')
  end

  local function decode_buckets(body)
    local list, p, prev = {}, 1, nil
    while true do
      local b, n, nxt = next_entry(body, p, prev)
      if b == nil then return list end
      list[#list + 1] = { b, n }
      p, prev = nxt, b
    end
  end

  -- A decoded list as a field's record (total, newest, body), ascending
  local function record_of(list, total)
    table.sort(list, function(x, y) return x[1] < y[1] end)
    return { total = total, newest = list[#list][1], body = encode_buckets(list) }
  end

  -- quota.convert: the stored buckets in q's bucket length, each count moved to the new
  -- bucket that holds the old bucket's end (never earlier out, one new bucket later
  -- at most)
  local function convert(rec, q)
    local size, new = rec.size, q.bucket_seconds
    if size == new then return rec end
    local at, list = {}, {}
    for _, bn in ipairs(decode_buckets(rec.body)) do
      local e = (bn[1] + 1) * size
      local b = math.floor(e / new)
      if b * new >= e then b = b - 1 end
      while (b + 1) * new < e do b = b + 1 end
      if at[b] == nil then
        list[#list + 1] = { b, bn[2] }
        at[b] = #list
      else
        list[at[b]][2] = list[at[b]][2] + bn[2]
      end
    end
    local out = record_of(list, rec.total)
    out.size = new
    return out
  end

  -- Two records of one bucket length, summed bucket by bucket
  local function merge(a, b)
    local at, list = {}, {}
    for _, rec in ipairs({ a, b }) do
      for _, bn in ipairs(decode_buckets(rec.body)) do
        if at[bn[1]] == nil then
          list[#list + 1] = { bn[1], bn[2] }
          at[bn[1]] = #list
        else
          list[at[bn[1]]][2] = list[at[bn[1]]][2] + bn[2]
        end
      end
    end
    local out = record_of(list, a.total + b.total)
    out.size = a.size
    return out
  end

  -- quota.drops_out_at: one whole window after the bucket's end
  local function drops_out_at(bucket, q)
    return (bucket + 1) * q.bucket_seconds + q.window
  end

  -- quota.live_buckets: drop the expired prefix (drops_out_at grows with the bucket)
  local function live_buckets(rec, q)
    if rec == nil or rec.body == '' then
      return { total = 0, body = '', pruned = false }
    end
    local body, total, cut, prev = rec.body, rec.total, 1, nil
    while true do
      local b, n, nxt = next_entry(body, cut, prev)
      if b == nil then -- all expired
        return { total = total, body = '', pruned = true }
      end
      if drops_out_at(b, q) > now then
        if cut > 1 then -- the first kept entry becomes the absolute one
          body = i2s(b) .. ':' .. i2s(n) .. (nxt <= #body and (',' .. sub(body, nxt)) or '')
        end
        return { total = total, body = body, first = b, newest = rec.newest, pruned = cut > 1 }
      end
      total = total - n
      cut, prev = nxt, b
    end
  end

  -- quota.capacity_at: the oldest buckets drop out first
  local function capacity_at(live, q)
    if cost > q.limit then return nil end
    local excess = live.total + cost - q.limit
    if excess <= 0 then return nil end
    local p, prev = 1, nil
    while true do
      local b, n, nxt = next_entry(live.body, p, prev)
      if b == nil then return nil end
      excess = excess - n
      if excess <= 0 then return drops_out_at(b, q) end
      p, prev = nxt, b
    end
  end

  -- quota.reset_at: the oldest live bucket dropping out (now if none)
  local function reset_at(live, q)
    if live.first == nil then return now end
    return drops_out_at(live.first, q)
  end

  -- quota.settle: add to the newest bucket, or append a newer one (or, when the clock
  -- stepped back, insert it in order).
  local function add_to_bucket(live, bucket)
    local body = live.body
    if body == '' then
      body = i2s(bucket) .. ':' .. i2s(cost)
      live.first, live.newest = bucket, bucket
    elseif bucket == live.newest then
      local s = #body -- the newest count ends the body: its digits, read backwards
      while s > 1 do
        local c = byte(body, s - 1)
        if c < 48 or c > 57 then break end
        s = s - 1
      end
      body = sub(body, 1, s - 1) .. i2s(tonumber(sub(body, s)) + cost)
    elseif bucket > live.newest then
      local gap = bucket - live.newest
      body = body .. ',' .. (gap == 1 and '' or (i2s(gap) .. ':')) .. i2s(cost)
      live.newest = bucket
    else
      local list, added = decode_buckets(body), false
      for _, bn in ipairs(list) do
        if bn[1] == bucket then
          bn[2] = bn[2] + cost
          added = true
        end
      end
      if not added then
        list[#list + 1] = { bucket, cost }
        table.sort(list, function(x, y) return x[1] < y[1] end)
      end
      body = encode_buckets(list)
      live.first = list[1][1]
    end
    live.body = body
    live.total = live.total + cost
  end

  KIND.quota = {
    begin = function()
      QUOTA, quota_rules, before, after, consumed = KEYS[1], {}, {}, {}, {}
      carried_names, carried, dropped, other_quota, found = {}, {}, {}, false, {}
    end,
    load = function()
      quota_rules = rules_of('quota')
      for _, r in pairs(quota_rules) do
        if r.carries ~= '' then carried_names[r.carries] = true end
      end
      local flat = redis.call('HGETALL', QUOTA)
      for i = 1, #flat, 2 do
        local name, blob = flat[i], flat[i + 1]
        if quota_rules[name] ~= nil or carried_names[name] ~= nil then
          local total, newest, size, body = string.match(blob, '^(%d+);(%-?%d+);([^;]+);(.*)$')
          if total == nil then error('dm-policy transition: corrupt quota field') end
          local rec = { total = tonumber(total), newest = tonumber(newest),
                        size = tonumber(size), body = body }
          if quota_rules[name] ~= nil then before[name] = rec else carried[name] = rec end
        else
          other_quota = true
        end
      end
    end,
    step = function(rule)
      local rec = before[rule.name]
      if rec ~= nil then rec = convert(rec, rule) end
      local old = rule.carries ~= '' and carried[rule.carries] or nil
      if old ~= nil then -- a renamed rule: take the old name's counts over
        old = convert(old, rule)
        if rec == nil then rec = old else rec = merge(rec, old) end
        dropped[rule.carries] = true
      end
      local live = live_buckets(rec, rule)
      live.rewritten = rec ~= before[rule.name] -- converted or merged: write it back
      after[rule.name] = live
      local used = live.total
      local s = { rule = rule, limit = rule.limit, remaining = math.max(0, rule.limit - used),
                  reset = reset_at(live, rule) }
      standings[#standings + 1] = s
      found[rule.name] = s
      if used + cost > rule.limit then
        local at = capacity_at(live, rule)
        if at ~= nil then return 'quota_exceeded', at - now end
        return 'quota_exceeded'
      end
      return nil
    end,
    settle = function(rule)
      if refused then return end
      local s, live = found[rule.name], after[rule.name]
      local bucket = math.floor(now / rule.bucket_seconds)
      add_to_bucket(live, bucket)
      consumed[rule.name] = bucket
      s.remaining = math.max(0, s.remaining - cost)
      s.reset = reset_at(live, rule)
    end,
    -- Drop buckets that stopped counting, add this send.
    commit = function()
      local ends, any_consumed = nil, false
      for name, q in pairs(quota_rules) do
        local live = after[name]
        if live == nil then
          -- a rule that sat out this send (its `when` did not hold): its field stays as
          -- it is, and the key's life is never shortened under it
          other_quota = true
        elseif consumed[name] ~= nil or live.pruned or live.rewritten then
          if live.body ~= '' then
            redis.call('HSET', QUOTA, name, i2s(live.total) .. ';' .. i2s(live.newest) .. ';'
                       .. f2s(q.bucket_seconds) .. ';' .. live.body)
          else
            redis.call('HDEL', QUOTA, name)
          end
        end
        if consumed[name] ~= nil then any_consumed = true end
        if live ~= nil and (consumed[name] ~= nil or live.rewritten) and live.body ~= '' then
          local e = drops_out_at(live.newest, q)
          if ends == nil or e > ends then ends = e end
        end
      end
      for name in pairs(dropped) do redis.call('HDEL', QUOTA, name) end
      -- a rewrite without a send never shortens the key's life (other fields need it)
      if ends ~= nil then pexpire_until(QUOTA, ends, other_quota or not any_consumed) end
    end,
  }
end
