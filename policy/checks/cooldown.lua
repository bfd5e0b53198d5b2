-- cooldown (policy/checks/cooldown.py): waits in the sender's cooldown hash, KEYS[2]:
-- rule -> until (epoch seconds).
do
  local COOLDOWN, before, after, changed -- (set by begin: one call's)

  -- cooldown._holds: a stranger among this send's people, or (count_followed) someone the
  -- sender follows who never wrote
  local function holds(rule)
    return #new_strangers(people, {}, false) > 0
           or (rule.count_followed and #new_strangers(people, {}, true) > 0)
  end

  KIND.cooldown = {
    begin = function() COOLDOWN, before, after, changed = KEYS[2], nil, {}, false end,
    load = function() before = hash_numbers(COOLDOWN) end,
    prepare = function()
      for name, untill in pairs(before) do
        if untill > now then after[name] = untill else changed = true end
      end
    end,
    step = function(rule)
      local untill = before[rule.name] or 0.0
      if untill > now then
        -- strangers_only: people the sender knows are not held
        if rule.strangers_only and not holds(rule) then return nil end
        if rule.restart then
          untill = now + rule.duration
          after[rule.name] = untill
          changed = true
        end
        return 'cooldown_active', untill - now
      end
      return nil
    end,
    -- A rule named in triggered_by fired: start the wait (the sender's, when enforced).
    trigger = function(rule, source)
      -- A shadow rule never changes what the sender experiences.
      if (not rule.enforce) or source.enforce then
        after[rule.name] = now + rule.duration
        changed = true
        -- cooldown.trigger: a strangers_only wait is this send's too when it holds one
        if rule.enforce and (not rule.strangers_only or holds(rule)) then return rule.duration end
      end
      return nil
    end,
    commit = function() rewrite_until_hash(COOLDOWN, after, changed) end,
  }
end
