-- The state transition of policy.core.transition (apps, cooldown, duplicates,
-- quota) for one sender, checked and committed atomically in one round trip.
--
-- This is the twin of policy/core.py and policy/checks/*.py, step for step: the
-- same order of rules, pruning, tie-breaks and arithmetic (only the storage
-- layout differs, shaped so that a busy sender's state is cheap to read). Floats cross
-- the wire as exact decimals (Python's repr, '%.17g' back), and Lua numbers are
-- IEEE doubles like Python floats, so every comparison and every retry_after
-- comes out bit for bit the same. No bit/struct libraries: fakeredis lacks them.
--
-- KEYS: 1 quota hash, 2 cooldown hash, 3 revoked hash, 4 trace hash
--       (layout in policy/storage/redis_keys.py)
-- RULES: the stateful rules, in order, as a Lua table the driver prepends to this
--        body (one script per rule set, so the rules are neither sent nor parsed per
--        call); each { name = ..., kind = ..., enforce = true|false, parameters }:
--         apps:       revoke, ttl
--         cooldown:   duration, restart
--         duplicates: similarity, recipients, window, max_texts, min_chars,
--                     triggers (indexes of the cooldown rules it triggers)
--         quota:      limit, window, bucket_seconds
-- ARGV: now ('' = Redis TIME), refused_before, has_app, app, self_message,
--       has_signature, signature, text_chars, cost, n_units, (unit, evidence)*n
-- Returns: now, allowed, revoked_app, n_fired, (rule index, code, retry_after|'')*,
--          n_standings, (rule index, limit, remaining, reset)*

local QUOTA, COOLDOWN, REVOKED, TRACE = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local UNIT = 8 -- bytes per recipient unit (policy/storage/redis_keys.py)
local SEQ_FIELD = '#'

local function f2s(x) return string.format('%.17g', x) end
local function i2s(x) return string.format('%d', x) end

local argi = 0
local function arg()
  argi = argi + 1
  return ARGV[argi]
end
local function argnum()
  local v = tonumber(arg())
  if v == nil then error('dm-policy transition: a number argument is missing') end
  return v
end

-- Inputs ------------------------------------------------------------------

local now
do
  local given = arg()
  if given == '' then
    local t = redis.call('TIME')
    now = tonumber(t[1]) + tonumber(t[2]) / 1000000
  else
    now = tonumber(given)
  end
end
local refused = arg() == '1'
local has_app = arg() == '1'
local app = arg()
local self_message = arg() == '1'
local has_signature = arg() == '1'
local signature = arg()
local text_chars = argnum()
local cost = argnum()
local units = {}
for i = 1, argnum() do
  local unit = arg()
  local evidence = arg() == '1'
  units[i] = { unit = unit, evidence = evidence }
end

local rules = RULES -- prepended by the driver (policy/storage/redis.py, _encode_rules)
local quota_rules, dup_rules = {}, {}
for i, r in ipairs(rules) do
  r.index = i
  if r.kind == 'duplicates' then
    dup_rules[r.name] = r
  elseif r.kind == 'quota' then
    quota_rules[r.name] = r
  end
end

-- State -------------------------------------------------------------------

local function hash_numbers(key)
  local flat = redis.call('HGETALL', key)
  local out = {}
  for i = 1, #flat, 2 do out[flat[i]] = tonumber(flat[i + 1]) end
  return out
end

-- Quota buckets: one field per quota rule, "<total>;<newest bucket>;<entries>", the
-- entries in ascending bucket order, comma-separated: the first "<bucket>:<count>",
-- each next one "<count>" when its bucket follows the previous one (the usual case)
-- or "<gap>:<count>". Short (about 3 bytes a bucket instead of 11), and still the
-- expired buckets are a prefix and the newest bucket is in the header, so a decision
-- reads only that prefix and the last count, however many buckets there are.
-- Fields of rules not given here (a rule turned off) are kept untouched.

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

local quota_before, other_quota = {}, false
do
  local flat = redis.call('HGETALL', QUOTA)
  for i = 1, #flat, 2 do
    local name, blob = flat[i], flat[i + 1]
    if quota_rules[name] ~= nil then
      local total, newest, body = string.match(blob, '^(%d+);(%-?%d+);(.*)$')
      if total == nil then -- the older layout "<total>;<bucket>:<count>,...": convert it
        local list = {}
        total = string.match(blob, '^(%d+);')
        for b, n in string.gmatch(blob, '(%-?%d+):(%d+)') do
          list[#list + 1] = { tonumber(b), tonumber(n) }
        end
        body = encode_buckets(list)
        newest = list[#list] and list[#list][1]
      end
      quota_before[name] = { total = tonumber(total), newest = tonumber(newest), body = body }
    else
      other_quota = true
    end
  end
end

local cooldown_before = hash_numbers(COOLDOWN)
local revoked_before = hash_numbers(REVOKED)

-- A trace is stored most recent first; a cluster's recipients are split only when needed.
-- A cluster is positions in the blob (no substrings): eight fields, a small table.
local function unpack_trace(blob)
  local clusters = {}
  local p, size = 1, #blob
  while p <= size do
    local _, e, siglen, last, seq, n = string.find(blob, '^(%d+),([^,;]+),(%-?%d+),(%d+);', p)
    if e == nil then error('dm-policy transition: corrupt trace') end
    siglen = siglen == '32' and 32 or tonumber(siglen) -- the usual length, without a parse
    n = tonumber(n)
    local stop = e + siglen + n * UNIT
    clusters[#clusters + 1] = {
      sig_at = e + 1, siglen = siglen, last = tonumber(last), seq = tonumber(seq), n = n,
      blob = blob, from = p, to = stop, -- reused as is while the cluster is unchanged
    }
    p = stop + 1
  end
  return clusters
end

-- A cluster's signature as a string (taken out of the blob only when needed)
local function sig_of(c)
  if c.sig == nil then c.sig = string.sub(c.blob, c.sig_at, c.sig_at + c.siglen - 1) end
  return c.sig
end

local function units_of(c)
  if c.units == nil then
    local units = {}
    for k = 1, c.n do
      local at = c.sig_at + c.siglen + (k - 1) * UNIT
      units[k] = string.sub(c.blob, at, at + UNIT - 1)
    end
    c.units = units
  end
  return c.units
end

-- Unchanged clusters that were next to each other in the stored blob are copied as
-- one substring: a decision writes its touched cluster, not 32 re-packed ones.
local function pack_trace(clusters)
  local parts = {}
  local run = nil -- the unchanged run being extended: blob, from, to
  for _, c in ipairs(clusters) do
    if c.blob ~= nil and run ~= nil and run.blob == c.blob and run.to + 1 == c.from then
      run.to = c.to
    else
      if run ~= nil then parts[#parts + 1] = string.sub(run.blob, run.from, run.to) end
      run = nil
      if c.blob ~= nil then
        run = { blob = c.blob, from = c.from, to = c.to }
      else
        parts[#parts + 1] = string.format('%d,%s,%d,%d;', #c.sig, f2s(c.last), c.seq, #c.units)
                            .. c.sig .. table.concat(c.units)
      end
    end
  end
  if run ~= nil then parts[#parts + 1] = string.sub(run.blob, run.from, run.to) end
  return table.concat(parts)
end

local traces_before, other_traces, next_seq = {}, false, 0
do
  local flat = redis.call('HGETALL', TRACE)
  for i = 1, #flat, 2 do
    local field = flat[i]
    if field == SEQ_FIELD then
      next_seq = tonumber(flat[i + 1])
    elseif dup_rules[field] ~= nil then
      traces_before[field] = unpack_trace(flat[i + 1])
    else
      other_traces = true
    end
  end
end

-- The checks (policy/checks/*.py) ---------------------------------------------

-- duplicates.live_clusters: unexpired, most recent first (ties: newest creation first)
local function more_recent(x, y)
  if x.last ~= y.last then return x.last > y.last end
  return x.seq > y.seq
end

local function in_order(list)
  for k = 2, #list do
    if not more_recent(list[k - 1], list[k]) then return false end
  end
  return true
end

local function live_clusters(clusters, window)
  local cut = now - window
  local live = {}
  for _, c in ipairs(clusters or {}) do
    if c.last > cut then live[#live + 1] = c end
  end
  if not in_order(live) then table.sort(live, more_recent) end -- stored in order: rarely
  return live
end

local function bytes_of(s)
  if #s <= 64 then return { string.byte(s, 1, -1) } end
  local out = {}
  for i = 1, #s, 64 do -- string.byte returns at most what the C stack holds: in slices
    local slice = { string.byte(s, i, math.min(i + 63, #s)) }
    for k = 1, #slice do out[i + k - 1] = slice[k] end
  end
  return out
end

-- rapidfuzz Hamming.normalized_similarity (pad=True): 1 - differing / longest
local function similarity(a, b)
  local la, lb = #a, #b
  local longest, shortest = la, lb
  if lb > la then longest, shortest = lb, la end
  if longest == 0 then return 1.0 end
  local differing = longest - shortest
  for i = 1, shortest do
    if a[i] ~= b[i] then differing = differing + 1 end
  end
  return 1.0 - differing / longest
end

local signature_bytes = nil

-- duplicates.best_match: process.extractOne keeps the first of equal best scores.
-- The usual case, two 32-byte signatures, is unrolled: the new signature's bytes
-- are locals read once, each stored one is read straight from the blob in two calls:
-- no table per signature, no loop, no call and no upvalue (3 x cheaper in Redis's Lua).
local function best_match(live, threshold)
  local byte = string.byte
  local n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, n12, n13, n14, n15, n16
    = byte(signature, 1, 16)
  local n17, n18, n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32
    = byte(signature, 17, 32)
  local best, best_score = nil, nil
  for _, c in ipairs(live) do
    local score
    if c.siglen == 32 and #signature == 32 then
      local blob, at, d = c.blob, c.sig_at, 0
      do
        local b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16
          = byte(blob, at + 0, at + 15)
        if b1 ~= n1 then d = d + 1 end if b2 ~= n2 then d = d + 1 end
        if b3 ~= n3 then d = d + 1 end if b4 ~= n4 then d = d + 1 end
        if b5 ~= n5 then d = d + 1 end if b6 ~= n6 then d = d + 1 end
        if b7 ~= n7 then d = d + 1 end if b8 ~= n8 then d = d + 1 end
        if b9 ~= n9 then d = d + 1 end if b10 ~= n10 then d = d + 1 end
        if b11 ~= n11 then d = d + 1 end if b12 ~= n12 then d = d + 1 end
        if b13 ~= n13 then d = d + 1 end if b14 ~= n14 then d = d + 1 end
        if b15 ~= n15 then d = d + 1 end if b16 ~= n16 then d = d + 1 end
      end
      do
        local b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16
          = byte(blob, at + 16, at + 31)
        if b1 ~= n17 then d = d + 1 end if b2 ~= n18 then d = d + 1 end
        if b3 ~= n19 then d = d + 1 end if b4 ~= n20 then d = d + 1 end
        if b5 ~= n21 then d = d + 1 end if b6 ~= n22 then d = d + 1 end
        if b7 ~= n23 then d = d + 1 end if b8 ~= n24 then d = d + 1 end
        if b9 ~= n25 then d = d + 1 end if b10 ~= n26 then d = d + 1 end
        if b11 ~= n27 then d = d + 1 end if b12 ~= n28 then d = d + 1 end
        if b13 ~= n29 then d = d + 1 end if b14 ~= n30 then d = d + 1 end
        if b15 ~= n31 then d = d + 1 end if b16 ~= n32 then d = d + 1 end
      end
      score = 1.0 - d / 32 -- the same float as similarity()
    else
      signature_bytes = signature_bytes or bytes_of(signature)
      c.bytes = c.bytes or bytes_of(sig_of(c))
      score = similarity(signature_bytes, c.bytes)
    end
    if score >= threshold and (best == nil or score > best_score) then
      best, best_score = c, score
    end
  end
  return best
end

-- duplicates.new_units: no evidence, not already counted
local function new_units(cluster)
  local seen, added = {}, {}
  if cluster ~= nil then
    for _, u in ipairs(units_of(cluster)) do seen[u] = true end
  end
  for _, u in ipairs(units) do
    if not u.evidence and not seen[u.unit] then
      seen[u.unit] = true
      added[#added + 1] = u.unit
    end
  end
  return added
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
        body = i2s(b) .. ':' .. i2s(n) .. (nxt <= #body and (',' .. string.sub(body, nxt)) or '')
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

-- core._consume on one rule: add to the newest bucket, or append a newer one
-- (or, when the clock stepped back, insert it in order).
local function add_to_bucket(live, bucket)
  local body = live.body
  if body == '' then
    body = i2s(bucket) .. ':' .. i2s(cost)
    live.first, live.newest = bucket, bucket
  elseif bucket == live.newest then
    local s, _, n = string.find(body, '(%d+)$')
    body = string.sub(body, 1, s - 1) .. i2s(tonumber(n) + cost)
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

-- core.transition ---------------------------------------------------------

local cooldown_after, revoked_after = {}, {}
local cooldown_changed, revoked_changed = false, false
for name, untill in pairs(cooldown_before) do
  if untill > now then cooldown_after[name] = untill else cooldown_changed = true end
end
for key, untill in pairs(revoked_before) do
  if untill > now then revoked_after[key] = untill else revoked_changed = true end
end

local fired, standings = {}, {}
local quota_after = {}
local matches = {}
local revoked_app = false

for _, rule in ipairs(rules) do
  local hit_code, hit_retry = nil, nil
  if rule.kind == 'apps' then
    if has_app and (revoked_before[app] or 0.0) > now then
      hit_code = 'app_revoked'
    elseif self_message then
      hit_code = 'self_message'
      if rule.enforce and rule.revoke and has_app and app ~= '' then
        revoked_after[app] = now + rule.ttl
        revoked_changed = true
        revoked_app = true
      end
    end
  elseif rule.kind == 'cooldown' then
    local untill = cooldown_before[rule.name] or 0.0
    if untill > now then
      if rule.restart then
        untill = now + rule.duration
        cooldown_after[rule.name] = untill
        cooldown_changed = true
      end
      hit_code, hit_retry = 'cooldown_active', untill - now
    end
  elseif rule.kind == 'duplicates' then
    if has_signature and text_chars >= rule.min_chars then
      local live = live_clusters(traces_before[rule.name], rule.window)
      local match = best_match(live, rule.similarity)
      local added = new_units(match)
      matches[rule.name] = { match = match, added = added, live = live }
      if match ~= nil and match.n + #added >= rule.recipients then
        local retry = nil
        for _, ci in ipairs(rule.triggers) do
          local cool = rules[ci]
          -- A shadow rule never changes what the sender experiences.
          if (not cool.enforce) or rule.enforce then
            cooldown_after[cool.name] = now + cool.duration
            cooldown_changed = true
            if cool.enforce then retry = math.max(retry or 0.0, cool.duration) end
          end
        end
        hit_code, hit_retry = 'duplicate_content', retry
      end
    end
  elseif rule.kind == 'quota' then
    local live = live_buckets(quota_before[rule.name], rule)
    quota_after[rule.name] = live
    local used = live.total
    if used + cost > rule.limit then
      local at = capacity_at(live, rule)
      hit_code = 'quota_exceeded'
      if at ~= nil then hit_retry = at - now end
    end
    standings[#standings + 1] = { rule = rule, limit = rule.limit,
                                  remaining = math.max(0, rule.limit - used),
                                  reset = reset_at(live, rule) }
  end
  if hit_code ~= nil then
    fired[#fired + 1] = { rule = rule, code = hit_code, retry = hit_retry }
    if rule.enforce then refused = true end
  end
end

local allowed = not refused
local consumed = {} -- quota rule name -> bucket that received this send
local traces_after = {} -- duplicates rule name -> clusters (only where changed)
local seq_used = false

if allowed then
  -- core._consume
  for _, s in ipairs(standings) do
    local q = s.rule
    local live = quota_after[q.name]
    local bucket = math.floor(now / q.bucket_seconds)
    add_to_bucket(live, bucket)
    consumed[q.name] = bucket
    s.remaining = math.max(0, s.remaining - cost)
    s.reset = reset_at(live, q)
  end
  -- core._record_traces / duplicates.record
  for _, rule in ipairs(rules) do
    local m = matches[rule.name]
    if rule.kind == 'duplicates' and m ~= nil then
      local live = m.live -- the same snapshot and the same now: the same list
      local out = {}
      if m.match ~= nil then
        local merged = {}
        for _, u in ipairs(units_of(m.match)) do merged[#merged + 1] = u end
        for _, u in ipairs(m.added) do merged[#merged + 1] = u end
        local kept = {}
        for k = 1, math.min(#merged, rule.recipients) do kept[k] = merged[k] end
        out[1] = { sig = sig_of(m.match), units = kept, last = now, seq = m.match.seq }
        for _, c in ipairs(live) do
          if c.seq ~= m.match.seq then out[#out + 1] = c end
        end
      else
        local kept = {}
        for k = 1, math.min(#m.added, rule.recipients) do kept[k] = m.added[k] end
        out[1] = { sig = signature, units = kept, last = now, seq = next_seq }
        for _, c in ipairs(live) do out[#out + 1] = c end
        next_seq = next_seq + 1
        seq_used = true
      end
      while #out > rule.max_texts do out[#out] = nil end
      -- Stored most recent first (the order the next decision reads it in).
      if not in_order(out) then table.sort(out, more_recent) end
      traces_after[rule.name] = out
    end
  end
end
-- Not recorded this time: still drop what has expired.
for _, rule in ipairs(rules) do
  if rule.kind == 'duplicates' and traces_after[rule.name] == nil then
    local before = traces_before[rule.name]
    if before ~= nil then
      local live = live_clusters(before, rule.window)
      if #live ~= #before then traces_after[rule.name] = live end
    end
  end
end

-- Commit: each key keeps exactly what is live, and lives no longer than that --

local function pexpire_until(key, ends, keep_existing)
  local ms = math.ceil((ends - now) * 1000)
  if keep_existing then
    local existing = redis.call('PTTL', key)
    if existing > ms then ms = existing end
  end
  if ms > 0 then
    redis.call('PEXPIRE', key, i2s(ms))
  else
    redis.call('DEL', key)
  end
end

-- Quota: drop buckets that stopped counting, add this send.
do
  local ends = nil
  for name, q in pairs(quota_rules) do
    local live = quota_after[name]
    if consumed[name] ~= nil or live.pruned then
      if live.body ~= '' then
        redis.call('HSET', QUOTA, name,
                   i2s(live.total) .. ';' .. i2s(live.newest) .. ';' .. live.body)
      else
        redis.call('HDEL', QUOTA, name)
      end
    end
    if consumed[name] ~= nil then
      local e = drops_out_at(live.newest, q)
      if ends == nil or e > ends then ends = e end
    end
  end
  if ends ~= nil then pexpire_until(QUOTA, ends, other_quota) end
end

local function rewrite_until_hash(key, entries, changed)
  if not changed then return end
  redis.call('DEL', key)
  local flat, ends = {}, nil
  for field, untill in pairs(entries) do
    flat[#flat + 1] = field
    flat[#flat + 1] = f2s(untill)
    if ends == nil or untill > ends then ends = untill end
  end
  if ends ~= nil then
    redis.call('HSET', key, unpack(flat))
    pexpire_until(key, ends, false)
  end
end
rewrite_until_hash(COOLDOWN, cooldown_after, cooldown_changed)
rewrite_until_hash(REVOKED, revoked_after, revoked_changed)

-- Traces: one packed field per duplicates rule, and the shared sequence number.
if next(traces_after) ~= nil or seq_used then
  local ends, kept = nil, false
  for name, clusters in pairs(traces_after) do
    if #clusters > 0 then
      redis.call('HSET', TRACE, name, pack_trace(clusters))
    else
      redis.call('HDEL', TRACE, name)
    end
  end
  for name, rule in pairs(dup_rules) do
    local clusters = traces_after[name] or traces_before[name]
    if clusters ~= nil then
      for _, c in ipairs(clusters) do
        kept = true
        local e = c.last + rule.window
        if ends == nil or e > ends then ends = e end
      end
    end
  end
  if kept or other_traces then
    if seq_used then redis.call('HSET', TRACE, SEQ_FIELD, i2s(next_seq)) end
    if ends ~= nil then pexpire_until(TRACE, ends, other_traces) end
  else
    redis.call('DEL', TRACE) -- nothing left to trace: the sequence may start again
  end
end

-- Result ------------------------------------------------------------------

local out = { f2s(now), allowed and 1 or 0, revoked_app and 1 or 0, #fired }
for _, h in ipairs(fired) do
  out[#out + 1] = h.rule.index
  out[#out + 1] = h.code
  out[#out + 1] = h.retry ~= nil and f2s(h.retry) or ''
end
out[#out + 1] = #standings
for _, s in ipairs(standings) do
  out[#out + 1] = s.rule.index
  out[#out + 1] = s.limit
  out[#out + 1] = s.remaining
  out[#out + 1] = f2s(s.reset)
end
return out
