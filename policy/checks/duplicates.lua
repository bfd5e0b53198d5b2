-- duplicates (policy/checks/duplicates.py): traces in the sender's trace hash, KEYS[4]:
-- one field per duplicates rule, and "#" -> the next sequence number. A trace is
-- fixed-width records, most recent first, so that a decision reads only what it needs
-- at computable offsets (no parse of every cluster, no table per cluster):
--
--   header   '!', the width of `last` and of `seq` (each as the byte 48 + width), the
--            number of records K ('%3d')
--   records  K x (lw + sw + 2 + 32) bytes: last (`time_field`: the double's 8 bytes,
--            exact), seq (decimal, right-aligned in spaces: tonumber skips them; '+' before it:
--            Cluster.contact, which tonumber and a release without it read as the
--            plain number; '0' before the number, after any '+': Cluster.friendly,
--            read as the number too), n (the number of units, 2 bytes big-endian), the 32-byte
--            signature
--   units    the units of record 1, then of record 2...: n x 8 bytes each
--
-- Records are kept in the order of duplicates.live_clusters (last, then seq,
-- descending), so the live ones are a prefix and the first one is the most recent.
-- The widths grow when a value needs it (a rare re-encode), never shrink but there.
do
  local TRACE -- (set by begin)
  local SEQ_FIELD = '#'
  local SIG = 32 -- bytes of a signature (policy/fingerprint.py SIGNATURE_BYTES)
  local HEAD = 6 -- bytes of the header
  local MIN_LW, MIN_SW = TIME_WIDTH, 2 -- last is a time_field (8 bytes)


  local function trace_view(blob)
    local lw, sw = byte(blob, 2, 3)
    lw, sw = lw - 48, sw - 48
    local k = tonumber(sub(blob, 4, HEAD))
    local rs = lw + sw + 2 + SIG
    return { blob = blob, lw = lw, sw = sw, rs = rs, k = k, u0 = HEAD + k * rs + 1 }
  end

  local function rec_at(t, j) return HEAD + (j - 1) * t.rs + 1 end
  local function last_of(t, j)
    return read_time(t.blob, rec_at(t, j))
  end
  local function seq_of(t, j)
    local s = rec_at(t, j) + t.lw
    return tonumber(sub(t.blob, s, s + t.sw - 1))
  end
  local function n_of(t, j)
    local hi, lo = byte(t.blob, rec_at(t, j) + t.lw + t.sw, rec_at(t, j) + t.lw + t.sw + 1)
    return hi * 256 + lo
  end
  -- Cluster.contact: a '+' before seq (a trace written before it was kept reads false)
  local function contact_of(t, j)
    local s = rec_at(t, j) + t.lw
    return string.find(sub(t.blob, s, s + t.sw - 1), '+', 1, true) ~= nil
  end
  -- Cluster.friendly: a '0' before the number ("012", "+00"; a bare seq has none)
  local function friendly_of(t, j)
    local s = rec_at(t, j) + t.lw
    return string.find(sub(t.blob, s, s + t.sw - 1), '^ *%+?0%d') ~= nil
  end
  local function seq_s_of(seq, c, f) return (c and '+' or '') .. (f and '0' or '') .. i2s(seq) end
  -- duplicates.LOOSENS_FROM, TRACES_SHORT_FROM: a contact's record counts for the
  -- comparison from 1 unit, for tracing short texts from 2
  local LOOSENS_FROM, TRACES_SHORT_FROM = 1, 2
  local SHORT_FROM = 8 -- duplicates.SHORT_FROM
  -- whether one of the first `count` records is a contact's with `units` or more
  local function any_contact(t, count, units)
    for j = 1, count do
      if contact_of(t, j) and n_of(t, j) >= units then return true end
    end
    return false
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


  -- The slow path: clusters as tables { last, seq, sig, units, c } and back
  local function cluster_at(t, j)
    return { last = last_of(t, j), seq = seq_of(t, j), sig = sig_of(t, j), units = units_of(t, j),
             c = contact_of(t, j), f = friendly_of(t, j) }
  end

  local function encode_trace(list)
    local lw, sw, lasts, seqs = MIN_LW, MIN_SW, {}, {}
    for i, c in ipairs(list) do -- (last is always TIME_WIDTH bytes: only seq widens)
      lasts[i], seqs[i] = time_field(c.last), seq_s_of(c.seq, c.c, c.f)
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

  -- The most differing bytes a neighbour may have at `threshold`: "score >= threshold"
  -- with rapidfuzz's score, 1 - d / 32, in the same float arithmetic. A pure function
  -- of the rules' few thresholds: remembered (a loaded library keeps it between calls).
  local MOST = {}
  local function most_differing(threshold)
    local most = MOST[threshold]
    if most ~= nil then return most end
    most = -1
    for d = 0, 32 do
      if 1.0 - d / 32 >= threshold then most = d end
    end
    MOST[threshold] = most
    return most
  end

  -- duplicates.neighbourhood over the first `count` records: the index of the best one
  -- (the first of equal best scores) and the indexes of all at or above their threshold
  -- (`cthreshold` for a contact, in the text or the record; else `threshold`), in trace
  -- order. The score of d differing bytes, rapidfuzz Hamming.normalized_similarity, is
  -- 1 - d / 32: it falls as d grows, so "score >= threshold" is d <= most
  -- (most_differing) and "a better score" is a smaller d. Unrolled: the new signature's
  -- bytes are locals read once, each stored one is read straight from the blob in four
  -- calls (no table, no loop, no call, no upvalue), stopping as soon as d is past the
  -- looser bound: after 9, 17 and 25 bytes (two random signatures differ in almost every
  -- byte).
  local function neighbourhood(t, count, threshold, cthreshold, text_contact)
    local near = {}
    if count == 0 then return nil, near end
    local most = most_differing(text_contact and cthreshold or threshold)
    local cmost = most -- a contact record's bound: the same, but for a text without one
    if not text_contact and cthreshold ~= threshold then cmost = most_differing(cthreshold) end
    local loose = cmost > most and cmost or most
    if loose < 0 then return nil, near end
    local n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, n12, n13, n14, n15, n16
      = byte(signature, 1, 16)
    local n17, n18, n19, n20, n21, n22, n23, n24, n25, n26, n27, n28, n29, n30, n31, n32
      = byte(signature, 17, 32)
    local blob, rs, first = t.blob, t.rs, HEAD + t.lw + t.sw + 3
    local best, best_d, bound = nil, 33, loose -- a neighbour needs d <= bound
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
            if d <= bound and (cmost == most or d <= ((contact_of(t, j)
                and n_of(t, j) >= LOOSENS_FROM) and cmost or most)) then
              near[#near + 1] = j
              if d < best_d then best, best_d = j, d end -- ties: the first stays
            end
          end
        end
      end
    end
    return best, near
  end

  -- duplicates.knows: a recipient with evidence (count_followed: who wrote)
  local function knows(rule)
    for _, u in ipairs(units) do
      if (rule.count_followed and u.wrote) or (not rule.count_followed and u.evidence) then
        return true
      end
    end
    return false
  end

  -- duplicates.new_units: no evidence (count_followed: followed, never wrote), not counted yet
  local function new_units(rule, counted)
    return new_strangers(units, counted, rule.count_followed)
  end

  -- duplicates.bounded over the records 1..live but mi (moved to the front): the one to
  -- drop when one must go, the last with no unit of its own (each also in a later
  -- record but mi, or none) and not friendly, else the last. From the last one back: it
  -- usually stops at once (a text to friends holds no unit).
  local function victim(t, live, mi)
    -- units of the records after the one looked at (but mi), as a set: one pass
    local blob, last, older = t.blob, nil, {}
    local at_end = t.u0 + units_before(t, live + 1) -- where record j's units end (+1)
    for j = live, 1, -1 do
      local from = at_end - n_of(t, j) * UNIT
      if j ~= mi then
        if last == nil then last = j end
        local own = false
        for q = from, at_end - 1, UNIT do
          local u = sub(blob, q, q + UNIT - 1)
          if not older[u] then
            own = true
            older[u] = true
          end
        end
        if not own and not friendly_of(t, j) then return j end
      end
      at_end = from
    end
    return last
  end

  -- The same over tables (the slow path): out[2..]
  local function victim_of(out)
    local older = {}
    for j = #out, 2, -1 do
      local own = false
      for _, u in ipairs(out[j].units) do
        if not older[u] then own = true end
        older[u] = true
      end
      if not own and not out[j].f then return j end
    end
    return #out
  end

  -- The records 1..count but s1 and s2 (records, then their units), copied in runs
  local function without(t, count, s1, s2)
    local recs, us, off, start, start_off = {}, {}, 0, nil, 0
    for j = 1, count + 1 do
      local skip = j == s1 or j == s2 or j > count
      if skip and start ~= nil then
        recs[#recs + 1] = sub(t.blob, rec_at(t, start), rec_at(t, j) - 1)
        us[#us + 1] = sub(t.blob, t.u0 + start_off, t.u0 + off - 1)
        start = nil
      elseif not skip and start == nil then
        start, start_off = j, off
      end
      if j <= count then off = off + n_of(t, j) * UNIT end
    end
    return table.concat(recs), table.concat(us)
  end

  -- duplicates.record: the new or updated cluster (sig, seq, units) in front of the other
  -- live records (the matched one, mi, moved), bounded at max_texts (duplicates.bounded:
  -- the last with no unit of its own goes, else the last). Returns the new blob and its
  -- first record's last. The
  -- usual case splices the stored blob; when seq widens, the clock stepped back or
  -- more than one record must go, the slow path decodes, sorts and encodes.
  local function record_trace(t, live, mi, sig, seq, c, f, kept, max_texts)
    local last_s, seq_s = time_field(now), seq_s_of(seq, c, f)
    local lw, sw = MIN_LW, MIN_SW
    if t ~= nil then lw, sw = t.lw, t.sw end
    local rest = live - (mi and 1 or 0) -- records kept besides the new one
    local fast = #seq_s <= sw and rest <= max_texts
    if fast and rest > 0 then -- the new record must come first
      local first = mi == 1 and 2 or 1
      local l1 = last_of(t, first)
      fast = now > l1 or (now == l1 and seq > seq_of(t, first))
    end
    if not fast then
      local out = { { last = now, seq = seq, sig = sig, units = kept, c = c, f = f } }
      for j = 1, live do
        if j ~= mi then out[#out + 1] = cluster_at(t, j) end
      end
      while #out > max_texts do table.remove(out, victim_of(out)) end
      if not in_order(out) then table.sort(out, more_recent) end
      return encode_trace(out), out[1].last
    end
    if rest > max_texts - 1 then -- full: one record goes, the new one comes first
      local v = victim(t, live, mi)
      if v == (mi == live and live - 1 or live) then
        rest = rest - 1 -- the last one: cut as below
      else
        local recs, us = without(t, live, mi, v)
        return header(lw, sw, rest) .. record(last_s, seq_s, lw, sw, #kept, sig) .. recs
               .. table.concat(kept) .. us, now
      end
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

  -- (set by begin: one call's) the rules; their traces before and after; whether the
  -- hash has fields of other rules; the sequence; rule name -> { mi, own (its units),
  -- added, live }
  local dup_rules, before, after, other_traces, next_seq, seq_used, found

  KIND.duplicates = {
    begin = function()
      if has_signature and #signature ~= SIG then
        error('dm-policy transition: a signature must be ' .. SIG .. ' bytes')
      end
      TRACE, dup_rules, before, after = KEYS[4], {}, {}, {}
      other_traces, next_seq, seq_used, found = false, 0, false, {}
    end,
    load = function()
      dup_rules = rules_of('duplicates')
      local flat = redis.call('HGETALL', TRACE)
      for i = 1, #flat, 2 do
        local field = flat[i]
        if field == SEQ_FIELD then
          next_seq = tonumber(flat[i + 1])
        elseif dup_rules[field] ~= nil then
          local blob = flat[i + 1]
          if byte(blob, 1) ~= 33 then error('dm-policy transition: corrupt trace') end -- '!'
          before[field] = trace_view(blob)
        else
          other_traces = true
        end
      end
    end,
    step = function(rule)
      if not has_signature then return nil end
      local t = before[rule.name]
      local live = live_count(t, rule.window)
      local threshold, cthreshold, short = rule.similarity, rule.contact_similarity, false
      -- duplicates.Params.traces: a short text, with a contact or after one (any_contact);
      -- shorter still, near copies only (short_similarity)
      if not (text_chars >= rule.min_chars or text_chars >= rule.contact_min_chars)
         or (text_chars < rule.min_chars and not contact
             and not any_contact(t, live, TRACES_SHORT_FROM)) then
        if rule.short_similarity == 0 or text_chars < SHORT_FROM then return nil end
        threshold, cthreshold, short = rule.short_similarity, rule.short_similarity, true
      end
      local mi, near = neighbourhood(t, live, threshold, cthreshold, contact)
      local own = mi and units_of(t, mi) or {}
      local counted, seen = {}, {} -- the best one's units first, then the others', each once
      for _, u in ipairs(own) do
        counted[#counted + 1] = u
        seen[u] = true
      end
      for _, j in ipairs(near) do
        if j ~= mi then
          for _, u in ipairs(units_of(t, j)) do
            if not seen[u] then
              seen[u] = true
              counted[#counted + 1] = u
            end
          end
        end
      end
      local added = new_units(rule, counted)
      local friendly = short and knows(rule)
      found[rule.name] = { mi = mi, own = own, added = added, live = live, f = friendly }
      if short and (friendly or (mi ~= nil and friendly_of(t, mi))) then return nil end
      -- A first copy never fires, nor one that reaches nobody new (duplicates.step says why).
      if mi ~= nil and #added > 0 and #counted + #added >= rule.recipients then
        return 'duplicate_content'
      end
      return nil
    end,
    -- duplicates.settle: record a delivered send; otherwise only drop what expired
    settle = function(rule)
      local t, m = before[rule.name], found[rule.name]
      if m ~= nil and m.mi == nil and #m.added == 0 and not m.f and rule.count_followed then
        m = nil -- nobody it counts: no record (duplicates.record), only expiry below
      end
      if m ~= nil and not refused then
        local kept, sig, seq, c, f = {}, signature, next_seq, contact, m.f
        if m.mi ~= nil then
          local merged = m.own
          for _, u in ipairs(m.added) do merged[#merged + 1] = u end
          for k = 1, math.min(#merged, rule.recipients) do kept[k] = merged[k] end
          sig, seq, c = sig_of(t, m.mi), seq_of(t, m.mi), contact or contact_of(t, m.mi)
          f = f or friendly_of(t, m.mi)
        else
          for k = 1, math.min(#m.added, rule.recipients) do kept[k] = m.added[k] end
          next_seq = next_seq + 1
          seq_used = true
        end
        local blob, first = record_trace(t, m.live, m.mi, sig, seq, c, f, kept, rule.max_texts)
        after[rule.name] = { blob = blob, first = first }
      elseif t ~= nil then
        local live = live_count(t, rule.window)
        if live == 0 then
          after[rule.name] = { blob = '' }
        elseif live ~= t.k then
          after[rule.name] = { blob = cut_trace(t, live), first = last_of(t, 1) }
        end
      end
    end,
    -- One field per duplicates rule, and the shared sequence number.
    commit = function()
      if next(after) == nil and not seq_used then return end
      local ends, kept, sets, dels = nil, false, {}, {}
      for name, a in pairs(after) do
        if a.blob ~= '' then
          sets[#sets + 1] = name
          sets[#sets + 1] = a.blob
        else
          dels[#dels + 1] = name
        end
      end
      for name, rule in pairs(dup_rules) do
        -- the first record is the most recent: the last to expire
        local a, first = after[name], nil
        if a ~= nil then
          first = a.first
        elseif before[name] ~= nil and before[name].k > 0 then
          first = last_of(before[name], 1)
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
    end,
  }
end
