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
--       (layout in policy/storage/redis_keys.py; the trace's fixed-width records,
--       read at computable offsets and rewritten by splicing, under "Traces" below)
-- RULES: the stateful rules, in order, as a Lua table the driver prepends to this
--        body (one script per rule set, so the rules are neither sent nor parsed per
--        call); each { name = ..., kind = ..., enforce = true|false, parameters }:
--         apps:       revoke, ttl
--         cooldown:   duration, restart
--         duplicates: similarity, recipients, window, max_texts, min_chars,
--                     triggers (indexes of the cooldown rules it triggers)
--         quota:      limit, window, bucket_seconds
-- ARGV: now ('' = Redis TIME), refused_before, has_app, app, self_message,
--       has_signature, signature (32 bytes), text_chars, cost, n_units,
--       (unit (8 bytes), evidence)*n
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

-- Traces: one field per duplicates rule, most recent first, in fixed-width records so
-- that a decision reads only what it needs at computable offsets (no parse of every
-- cluster, no table per cluster):
--
--   header   '!', the width of `last` and of `seq` (each as the byte 48 + width), the
--            number of records K ('%3d')
--   records  K x (lw + sw + 2 + 32) bytes: last ('%.17g', exact, right-aligned in
--            spaces: tonumber skips them), seq (decimal, likewise), n (the number of
--            units, 2 bytes big-endian), the 32-byte signature
--   units    the units of record 1, then of record 2...: n x 8 bytes each
--
-- Records are kept in the order of duplicates.live_clusters (last, then seq,
-- descending), so the live ones are a prefix and the first one is the most recent.
-- The widths grow when a value needs it (a rare re-encode), never shrink but there.
-- A field in the older layout ("<siglen>,<last>,<seq>,<n>;" signature units, per
-- cluster; it starts with a digit) is converted when read.
local SIG = 32 -- bytes of a signature (policy/fingerprint.py SIGNATURE_BYTES)
local HEAD = 6 -- bytes of the header
local MIN_LW, MIN_SW = 18, 2 -- an epoch time to the microsecond fits 18 characters
local byte, sub = string.byte, string.sub

if has_signature and #signature ~= SIG then
  error('dm-policy transition: a signature must be ' .. SIG .. ' bytes')
end

-- The view of an encoded trace: its blob and the offsets into it
local function trace_view(blob)
  local lw, sw = byte(blob, 2, 3)
  lw, sw = lw - 48, sw - 48
  local k = tonumber(sub(blob, 4, HEAD))
  local rs = lw + sw + 2 + SIG
  return { blob = blob, lw = lw, sw = sw, rs = rs, k = k, u0 = HEAD + k * rs + 1 }
end

local function rec_at(t, j) return HEAD + (j - 1) * t.rs + 1 end
local function last_of(t, j)
  local s = rec_at(t, j)
  return tonumber(sub(t.blob, s, s + t.lw - 1))
end
local function seq_of(t, j)
  local s = rec_at(t, j) + t.lw
  return tonumber(sub(t.blob, s, s + t.sw - 1))
end
local function n_of(t, j)
  local hi, lo = byte(t.blob, rec_at(t, j) + t.lw + t.sw, rec_at(t, j) + t.lw + t.sw + 1)
  return hi * 256 + lo
end
local function sig_of(t, j)
  local s = rec_at(t, j) + t.lw + t.sw + 2
  return sub(t.blob, s, s + SIG - 1)
end

-- Bytes of the units of records 1..j-1 (summed from whichever end is nearer)
local function units_before(t, j)
  local sum = 0
  if j - 1 <= t.k - j + 1 then
    for i = 1, j - 1 do sum = sum + n_of(t, i) end
    return sum * UNIT
  end
  for i = j, t.k do sum = sum + n_of(t, i) end
  return (#t.blob - t.u0 + 1) - sum * UNIT
end

local function units_of(t, j)
  local at, out = t.u0 + units_before(t, j), {}
  for q = 1, n_of(t, j) do
    out[q] = sub(t.blob, at, at + UNIT - 1)
    at = at + UNIT
  end
  return out
end

local function pad(s, width) return string.rep(' ', width - #s) .. s end

local function header(lw, sw, k)
  return '!' .. string.char(48 + lw, 48 + sw) .. string.format('%3d', k)
end

local function record(last_s, seq_s, lw, sw, n, sig)
  return pad(last_s, lw) .. pad(seq_s, sw) .. string.char(math.floor(n / 256), n % 256) .. sig
end

-- The slow path: clusters as tables { last, seq, sig, units } and back
local function decode_trace(t, count)
  local list = {}
  for j = 1, count do
    list[j] = { last = last_of(t, j), seq = seq_of(t, j), sig = sig_of(t, j), units = units_of(t, j) }
  end
  return list
end

local function encode_trace(list)
  local lw, sw, lasts, seqs = MIN_LW, MIN_SW, {}, {}
  for i, c in ipairs(list) do
    lasts[i], seqs[i] = f2s(c.last), i2s(c.seq)
    if #lasts[i] > lw then lw = #lasts[i] end
    if #seqs[i] > sw then sw = #seqs[i] end
  end
  local recs, units = {}, {}
  for i, c in ipairs(list) do
    recs[i] = record(lasts[i], seqs[i], lw, sw, #c.units, c.sig)
    units[i] = table.concat(c.units)
  end
  return header(lw, sw, #list) .. table.concat(recs) .. table.concat(units)
end

-- duplicates.live_clusters order: most recent first (ties: newest creation first)
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

-- The older layout, decoded (then sorted and encoded as above)
local function decode_old_trace(blob)
  local list = {}
  local p, size = 1, #blob
  while p <= size do
    local _, e, siglen, last, seq, n = string.find(blob, '^(%d+),([^,;]+),(%-?%d+),(%d+);', p)
    if e == nil or tonumber(siglen) ~= SIG then error('dm-policy transition: corrupt trace') end
    n = tonumber(n)
    local units = {}
    for q = 1, n do
      local at = e + SIG + 1 + (q - 1) * UNIT
      units[q] = sub(blob, at, at + UNIT - 1)
    end
    list[#list + 1] = { last = tonumber(last), seq = tonumber(seq),
                        sig = sub(blob, e + 1, e + SIG), units = units }
    p = e + SIG + n * UNIT + 1
  end
  if not in_order(list) then table.sort(list, more_recent) end
  return list
end

local traces_before, other_traces, next_seq = {}, false, 0
if next(dup_rules) ~= nil then -- else the trace is neither read nor written
  local flat = redis.call('HGETALL', TRACE)
  for i = 1, #flat, 2 do
    local field = flat[i]
    if field == SEQ_FIELD then
      next_seq = tonumber(flat[i + 1])
    elseif dup_rules[field] ~= nil then
      local blob = flat[i + 1]
      if byte(blob, 1) ~= 33 then blob = encode_trace(decode_old_trace(blob)) end -- '!'
      traces_before[field] = trace_view(blob)
    else
      other_traces = true
    end
  end
end

-- The checks (policy/checks/*.py) ---------------------------------------------

-- duplicates.live_clusters: how many records (a prefix) are unexpired
local function live_count(t, window)
  if t == nil or t.k == 0 then return 0 end
  local cut = now - window
  if last_of(t, t.k) > cut then return t.k end -- the usual case: all of them
  if not (last_of(t, 1) > cut) then return 0 end
  local lo, hi = 1, t.k -- live at lo, expired at hi
  while hi - lo > 1 do
    local mid = math.floor((lo + hi) / 2)
    if last_of(t, mid) > cut then lo = mid else hi = mid end
  end
  return lo
end

-- duplicates.best_match over the first `count` records: the index of the best one.
-- process.extractOne keeps the first of equal best scores. The score of d differing
-- bytes, rapidfuzz Hamming.normalized_similarity, is 1 - d / 32: it falls as d grows,
-- so "score >= threshold" is d <= most (found once, with the same float arithmetic)
-- and "a better score" is a smaller d. Unrolled: the new signature's bytes are locals
-- read once, each stored one is read straight from the blob in four calls (no table,
-- no loop, no call, no upvalue), stopping as soon as d is past what could still win:
-- after 9, 17 and 25 bytes (two random signatures differ in almost every byte).
local function best_match(t, count, threshold)
  if count == 0 then return nil end
  local most = -1
  for d = 0, 32 do
    if 1.0 - d / 32 >= threshold then most = d end
  end
  if most < 0 then return nil end
  local n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, n12, n13, n14, n15, n16
    = byte(signature, 1, 16)
  local n17, n18, n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32
    = byte(signature, 17, 32)
  local blob, rs, first = t.blob, t.rs, HEAD + t.lw + t.sw + 3
  local best, bound = nil, most -- a candidate needs d <= bound
  for j = 1, count do
    local at, d = first + (j - 1) * rs, 0
    do
      local b1, b2, b3, b4, b5, b6, b7, b8, b9 = byte(blob, at, at + 8)
      if b1 ~= n1 then d = d + 1 end if b2 ~= n2 then d = d + 1 end
      if b3 ~= n3 then d = d + 1 end if b4 ~= n4 then d = d + 1 end
      if b5 ~= n5 then d = d + 1 end if b6 ~= n6 then d = d + 1 end
      if b7 ~= n7 then d = d + 1 end if b8 ~= n8 then d = d + 1 end
      if b9 ~= n9 then d = d + 1 end
    end
    if d <= bound then
      local b10, b11, b12, b13, b14, b15, b16, b17 = byte(blob, at + 9, at + 16)
      if b10 ~= n10 then d = d + 1 end if b11 ~= n11 then d = d + 1 end
      if b12 ~= n12 then d = d + 1 end if b13 ~= n13 then d = d + 1 end
      if b14 ~= n14 then d = d + 1 end if b15 ~= n15 then d = d + 1 end
      if b16 ~= n16 then d = d + 1 end if b17 ~= n17 then d = d + 1 end
      if d <= bound then
        local b18, b19, b20, b21, b22, b23, b24, b25 = byte(blob, at + 17, at + 24)
        if b18 ~= n18 then d = d + 1 end if b19 ~= n19 then d = d + 1 end
        if b20 ~= n20 then d = d + 1 end if b21 ~= n21 then d = d + 1 end
        if b22 ~= n22 then d = d + 1 end if b23 ~= n23 then d = d + 1 end
        if b24 ~= n24 then d = d + 1 end if b25 ~= n25 then d = d + 1 end
        if d <= bound then
          local b26, b27, b28, b29, b30, b31, b32 = byte(blob, at + 25, at + 31)
          if b26 ~= n26 then d = d + 1 end if b27 ~= n27 then d = d + 1 end
          if b28 ~= n28 then d = d + 1 end if b29 ~= n29 then d = d + 1 end
          if b30 ~= n30 then d = d + 1 end if b31 ~= n31 then d = d + 1 end
          if b32 ~= n32 then d = d + 1 end
          if d <= bound then -- the best so far: the next must beat it
            best, bound = j, d - 1
            if bound < 0 then return best end -- identical: nothing beats it
          end
        end
      end
    end
  end
  return best
end

-- duplicates.new_units: no evidence, not already counted
local function new_units(counted)
  local seen, added = {}, {}
  for _, u in ipairs(counted) do seen[u] = true end
  for _, u in ipairs(units) do
    if not u.evidence and not seen[u.unit] then
      seen[u.unit] = true
      added[#added + 1] = u.unit
    end
  end
  return added
end

-- duplicates.record: the new or updated cluster (sig, seq, units) in front of the other
-- live records (the matched one, mi, moved), cut at max_texts. Returns the new blob
-- and its first record's last. The usual case splices the stored blob; when a width
-- grows or the clock stepped back, the slow path decodes, sorts and encodes.
local function record_trace(t, live, mi, sig, seq, kept, max_texts)
  local last_s, seq_s = f2s(now), i2s(seq)
  local lw, sw = MIN_LW, MIN_SW
  if t ~= nil then lw, sw = t.lw, t.sw end
  local rest = live - (mi and 1 or 0) -- records kept besides the new one
  if rest > max_texts - 1 then rest = max_texts - 1 end
  local fast = #last_s <= lw and #seq_s <= sw
  if fast and rest > 0 then -- the new record must come first
    local first = mi == 1 and 2 or 1
    local l1 = last_of(t, first)
    fast = now > l1 or (now == l1 and seq > seq_of(t, first))
  end
  if not fast then
    local out = { { last = now, seq = seq, sig = sig, units = kept } }
    for j = 1, live do
      if j ~= mi then out[#out + 1] = { last = last_of(t, j), seq = seq_of(t, j),
                                         sig = sig_of(t, j), units = units_of(t, j) } end
    end
    while #out > max_texts do out[#out] = nil end
    if not in_order(out) then table.sort(out, more_recent) end
    return encode_trace(out), out[1].last
  end
  local head = header(lw, sw, rest + 1) .. record(last_s, seq_s, lw, sw, #kept, sig)
  if rest == 0 then return head .. table.concat(kept), now end
  local blob, rs, u0 = t.blob, t.rs, t.u0
  if mi == nil or mi > rest then -- records 1..rest
    return head .. sub(blob, HEAD + 1, HEAD + rest * rs) .. table.concat(kept)
           .. sub(blob, u0, u0 + units_before(t, rest + 1) - 1), now
  end
  -- records 1..mi-1 and mi+1..rest+1
  local before = units_before(t, mi)
  local after = before + n_of(t, mi) * UNIT
  local stop = units_before(t, rest + 2)
  return head .. sub(blob, HEAD + 1, HEAD + (mi - 1) * rs)
         .. sub(blob, HEAD + mi * rs + 1, HEAD + (rest + 1) * rs) .. table.concat(kept)
         .. sub(blob, u0, u0 + before - 1) .. sub(blob, u0 + after, u0 + stop - 1), now
end

-- The first `live` records of a trace (the expired ones cut off)
local function cut_trace(t, live)
  return header(t.lw, t.sw, live) .. sub(t.blob, HEAD + 1, HEAD + live * t.rs)
         .. sub(t.blob, t.u0, t.u0 + units_before(t, live + 1) - 1)
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
      local t = traces_before[rule.name]
      local live = live_count(t, rule.window)
      local mi = best_match(t, live, rule.similarity)
      local counted = mi and units_of(t, mi) or {}
      local added = new_units(counted)
      matches[rule.name] = { mi = mi, counted = counted, added = added, live = live }
      if mi ~= nil and #counted + #added >= rule.recipients then
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
local traces_after = {} -- duplicates rule name -> { blob ('': none), first record's last } where changed
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
      local t = traces_before[rule.name] -- the same snapshot and the same now: the same list
      local kept, sig, seq = {}, signature, next_seq
      if m.mi ~= nil then
        local merged = m.counted
        for _, u in ipairs(m.added) do merged[#merged + 1] = u end
        for k = 1, math.min(#merged, rule.recipients) do kept[k] = merged[k] end
        sig, seq = sig_of(t, m.mi), seq_of(t, m.mi)
      else
        for k = 1, math.min(#m.added, rule.recipients) do kept[k] = m.added[k] end
        next_seq = next_seq + 1
        seq_used = true
      end
      local blob, first = record_trace(t, m.live, m.mi, sig, seq, kept, rule.max_texts)
      traces_after[rule.name] = { blob = blob, first = first }
    end
  end
end
-- Not recorded this time: still drop what has expired.
for _, rule in ipairs(rules) do
  if rule.kind == 'duplicates' and traces_after[rule.name] == nil then
    local t = traces_before[rule.name]
    if t ~= nil then
      local live = live_count(t, rule.window)
      if live == 0 then
        traces_after[rule.name] = { blob = '' }
      elseif live ~= t.k then
        traces_after[rule.name] = { blob = cut_trace(t, live), first = last_of(t, 1) }
      end
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

-- Traces: one field per duplicates rule, and the shared sequence number.
if next(traces_after) ~= nil or seq_used then
  local ends, kept, sets, dels = nil, false, {}, {}
  for name, after in pairs(traces_after) do
    if after.blob ~= '' then
      sets[#sets + 1] = name
      sets[#sets + 1] = after.blob
    else
      dels[#dels + 1] = name
    end
  end
  for name, rule in pairs(dup_rules) do
    -- the first record is the most recent: the last to expire
    local after, first = traces_after[name], nil
    if after ~= nil then
      first = after.first
    elseif traces_before[name] ~= nil and traces_before[name].k > 0 then
      first = last_of(traces_before[name], 1)
    end
    if first ~= nil then
      kept = true
      local e = first + rule.window
      if ends == nil or e > ends then ends = e end
    end
  end
  if kept or other_traces then
    if seq_used then
      sets[#sets + 1] = SEQ_FIELD
      sets[#sets + 1] = i2s(next_seq)
    end
    if #dels > 0 then redis.call('HDEL', TRACE, unpack(dels)) end
    if #sets > 0 then redis.call('HSET', TRACE, unpack(sets)) end -- one call
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
