-- apps (policy/checks/apps.py): revoked apps in the sender's revoked hash, KEYS[3]:
-- app key -> until (epoch seconds).
do
  local REVOKED, before, after, changed -- (set by begin: one call's)

  KIND.apps = {
    begin = function() REVOKED, before, after, changed = KEYS[3], nil, {}, false end,
    load = function() before = hash_numbers(REVOKED) end,
    prepare = function()
      for key, untill in pairs(before) do
        if untill > now then after[key] = untill else changed = true end
      end
    end,
    step = function(rule)
      if has_app and (before[app] or 0.0) > now then return 'app_revoked' end
      if self_message then
        if rule.enforce and rule.revoke and has_app and app ~= '' then
          after[app] = now + rule.ttl
          changed = true
          revoked_app = true
        end
        return 'self_message'
      end
      return nil
    end,
    commit = function() rewrite_until_hash(REVOKED, after, changed) end,
  }
end
