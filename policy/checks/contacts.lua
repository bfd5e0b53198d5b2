-- contacts (policy/checks/contacts.py): the contacts used, in the sender's slices hash,
-- KEYS[5]: one field per contacts rule, records most recent first, each the contact
-- (8 bytes), its last use (time_field: 8 bytes), the number of its
-- recipients (1 byte) and the recipients (8 bytes each). Read only by a send that
-- carries a contact.
do
  local X, found -- the slices hash; rule name -> the live records { contact, last, units,
  -- record } (set by begin: one call's)

  local function decode(blob, cutoff)
    local out, at = {}, 1
    while at <= #blob do
      local n = byte(blob, at + UNIT + TIME_WIDTH)
      local size = UNIT + TIME_WIDTH + 1 + n * UNIT
      local last = read_time(blob, at + UNIT)
      if last > cutoff then
        local us = {}
        for k = 1, n do
          local s = at + UNIT + TIME_WIDTH + 1 + (k - 1) * UNIT
          us[k] = sub(blob, s, s + UNIT - 1)
        end
        out[#out + 1] = { sub(blob, at, at + UNIT - 1), last, us, sub(blob, at, at + size - 1) }
      end
      at = at + size
    end
    return out
  end

  -- Strangers of this send not in `counted`, each once
  local function strangers(counted) return new_strangers(units, counted) end

  KIND.contacts = {
    begin = function() X, found = KEYS[5], {} end,
    step = function(rule)
      if #contacts == 0 then return nil end
      local blob = redis.call('HGET', X, rule.name)
      local kept = blob and decode(blob, now - rule.window) or {}
      found[rule.name] = kept
      local fire = false
      for _, c in ipairs(contacts) do
        for _, e in ipairs(kept) do
          if e[1] == c and #e[3] + #strangers(e[3]) >= rule.recipients then fire = true end
        end
      end
      if fire then return 'duplicate_contact' end
      return nil
    end,
    settle = function(rule)
      local kept = found[rule.name]
      if kept == nil then return end
      local parts, newest = {}, nil
      if not refused then
        local fresh, now_s = {}, time_field(now)
        newest = now
        for _, c in ipairs(contacts) do
          if not fresh[c] then
            fresh[c] = true
            local counted = {}
            for _, e in ipairs(kept) do
              if e[1] == c then counted = e[3] end
            end
            local all = {}
            for _, u in ipairs(counted) do all[#all + 1] = u end
            for _, u in ipairs(strangers(counted)) do all[#all + 1] = u end
            local n = math.min(#all, rule.recipients)
            parts[#parts + 1] = c .. now_s .. string.char(n) .. table.concat(all, '', 1, n)
          end
        end
        for _, e in ipairs(kept) do
          if not fresh[e[1]] then parts[#parts + 1] = e[4] end
        end
        while #parts > rule.max_contacts do parts[#parts] = nil end
      else
        for i, e in ipairs(kept) do
          parts[i] = e[4]
          if newest == nil or e[2] > newest then newest = e[2] end
        end
      end
      if #parts == 0 then
        drop_slice(rule.name)
        return
      end
      write_slice(rule.name, table.concat(parts),
                  newest ~= nil and newest + rule.window or nil)
    end,
  }
end
