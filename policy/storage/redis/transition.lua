-- The state transition of policy.core.transition for one sender, checked and
-- committed atomically in one round trip.
--
-- This file is the frame: the inputs, shared helpers, and the loop over the rules
-- that policy/core.py runs too. Each stateful rule kind's Lua lives beside its
-- Python (policy/checks/<kind>.lua, the twin of policy/checks/<kind>.py, step for
-- step: the same order, pruning, tie-breaks and arithmetic; only the storage layout
-- differs). The driver assembles one script per rule set: the rules as a Lua table,
-- this frame up to "-- The checks", the sections of the kinds the rules use, then
-- the rest of the frame. Floats cross the wire as exact decimals (Python's repr,
-- '%.17g' back), and Lua numbers are IEEE doubles like Python floats, so every
-- comparison and every retry_after comes out bit for bit the same. No bit/struct
-- libraries: fakeredis lacks them.
--
-- KEYS: 1 quota hash, 2 cooldown hash, 3 revoked hash, 4 trace hash, 5 the hash of
--       other kinds' slices (layout in policy/storage/redis/keys.py)
-- RULES: the stateful rules, in order, as a Lua table the driver prepends (one
--        script per rule set, so the rules are neither sent nor parsed per call):
--        { name = ..., kind = ..., enforce = true|false, triggers = { indexes of the
--          rules whose triggered_by names this one }, the kind's lua_params }
-- ARGV: now ('' = Redis TIME), refused_before, has_app, app, self_message,
--       has_signature, signature (32 bytes), text_chars, cost, contact, n_units,
--       (unit (8 bytes), evidence: '0' none, '1' followed by the sender, '2' wrote)*n,
--       then the people: '=' (the same as the units)
--       or n_people, (unit, evidence)*n; n_contacts, contact (8 bytes)*n; active ('' or
--       '0'/'1' per rule: the rules whose `when` holds); then, for a recipient's report
--       only, its kind ("spam", "block"): the one unit is the reporter
-- Returns: now, allowed, revoked_app, n_fired, (rule index, code, retry_after|'')*,
--          n_standings, (rule index, limit, remaining, reset)*
--
-- A kind's section sets KIND[<kind>] = { step = function(rule) -> code, retry } and
-- optionally load() (read its keys, once), prepare() (once, before the rules),
-- trigger(rule, source) -> wait, settle(rule) (after the verdict: `refused` is final)
-- and commit() (write its keys, once). A kind without a key of its own keeps its state
-- in KEYS[5] through write_slice / drop_slice.

-- The state cache (policy/storage/redis/statecache.py): a process that keeps a copy of
-- a sender's hashes decides in Python and sends only the fields that change, with the
-- token it last saw in KEYS[5]'s field TOKEN (`cached`, below). Every other write of a
-- sender's state changes or deletes that token, so a stale copy never commits: this
-- transition deletes it (`run` with no token) or writes a new one for the caller's copy.
local TOKEN = '@'

-- Two forms of one text (policy/storage/redis/script.py): an EVAL script, which runs
-- all of it at every call, and a Redis 7 function library, whose definitions (the
-- rules table, the helpers, the kinds' functions: a fifth of a decision's
-- instructions) run once, at FUNCTION LOAD, and whose `run` runs at every FCALL. So
-- everything one call reads or changes is set again at the start of `run` (the inputs
-- below, and each kind's `begin`); nothing of a call outlives it.

local UNIT = 8 -- bytes per recipient unit (policy/storage/redis/keys.py)

local function f2s(x) return string.format('%.17g', x) end
local function i2s(x) return string.format('%d', x) end
local byte, sub -- string.byte, string.sub (set by `run`: a library's load may read no global)

-- The call's inputs (set by `run`)
local argi = 0
local now, refused, has_app, app, self_message, has_signature, signature
local text_chars, cost, contact, units, people, contacts, active, report
local rules -- RULES, or none for a recipient's report
local fired, standings, revoked_app -- what the rules found; the quota standings

local function arg()
  argi = argi + 1
  return ARGV[argi]
end
local function argnum()
  local v = tonumber(arg())
  if v == nil then error('dm-policy transition: a number argument is missing') end
  return v
end

local function arg_units(n)
  local out = {}
  for i = 1, n do
    local unit = arg()
    local ev = arg() -- '0' none, '1' followed by the sender, '2' wrote to the sender
    out[i] = { unit = unit, evidence = ev ~= '0', followed = ev == '1', wrote = ev == '2' }
  end
  return out
end
-- The rules that sit out this send (their `when` does not hold, policy/conditions.py):
-- '' (every rule runs) or one character per rule, '1' active, '0' not
local function is_active(rule)
  return active == '' or sub(active, rule.index, rule.index) == '1'
end
local KIND = {} -- kind -> its functions (the sections below)

-- Shared by the kinds' sections ---------------------------------------------

-- The recipients of `list` (units or people) without evidence (`followed`: the ones the
-- sender follows who never wrote to it) and not in `counted`, each once, in order
-- (policy.checks.base.new_strangers)
local function new_strangers(list, counted, followed)
  local seen, out = {}, {}
  for _, u in ipairs(counted) do seen[u] = true end
  for _, u in ipairs(list) do
    local counts
    if followed then counts = u.followed else counts = not u.evidence end
    if counts and not seen[u.unit] then
      seen[u.unit] = true
      out[#out + 1] = u.unit
    end
  end
  return out
end

-- A time as a fixed-width field: its IEEE 754 double, 8 bytes big-endian (Python's
-- struct.pack('>d')), exact both ways without the struct library (fakeredis lacks it):
-- frexp and ldexp only scale by powers of 2, and every integer here is under 2^53. The
-- engine's clock lies within 1e9..1e11 s (ClockError otherwise); zero, negative and
-- tiny times (tests of the transition alone) are written too, all but subnormals.
local TIME_WIDTH = 8
local function time_field(x)
  if x == 0 then return '\0\0\0\0\0\0\0\0' end
  local sign = 0
  if x < 0 then sign, x = 128, -x end
  local m, e = math.frexp(x) -- x = m * 2^e, 0.5 <= m < 1
  local ex = e + 1022 -- the biased exponent (x = 1.f * 2^(e - 1))
  if not (ex >= 1 and ex <= 2046) or x == math.huge or x ~= x then -- (frexp keeps inf, nan)
    error('dm-policy transition: a time out of range: ' .. f2s(x))
  end
  local f = m * 2 ^ 53 - 2 ^ 52 -- the 52 fraction bits, an integer
  local b = {}
  for i = 8, 3, -1 do
    local low = f % 256
    b[i] = low
    f = (f - low) / 256
  end
  b[2] = (ex % 16) * 16 + f
  b[1] = sign + (ex - ex % 16) / 16
  return string.char(b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8])
end
-- time_field's twin: the time at `at` in `s`
local function read_time(s, at)
  local b1, b2, b3, b4, b5, b6, b7, b8 = byte(s, at, at + 7)
  local sign = b1 >= 128
  if sign then b1 = b1 - 128 end
  local low = b2 % 16
  local ex = b1 * 16 + (b2 - low) / 16
  local f = ((((((low * 256 + b3) * 256 + b4) * 256 + b5) * 256 + b6) * 256 + b7) * 256) + b8
  if ex == 0 then return 0 end -- (time_field writes no subnormal)
  local x = math.ldexp(f + 2 ^ 52, ex - 1075)
  if sign then return -x end
  return x
end

-- The sender's slices hash (KEYS[5]), shared by the kinds without a key of their own:
-- each queues its field (a rule's name) here, and one HDEL, one HSET and one PEXPIRE
-- after every kind's commit write them all. The key's TTL never shrinks (another rule's
-- field may need it), and covers `ends`, the latest end a kind asked for.
local slice_sets, slice_dels, slice_ends -- (set by `run`)
local function write_slice(field, blob, ends)
  slice_sets[#slice_sets + 1] = field
  slice_sets[#slice_sets + 1] = blob
  if ends ~= nil and (slice_ends == nil or ends > slice_ends) then slice_ends = ends end
end
local function drop_slice(field) slice_dels[#slice_dels + 1] = field end

-- The rules of one kind, by name
local function rules_of(kind)
  local out = {}
  for _, r in ipairs(rules) do
    if r.kind == kind then out[r.name] = r end
  end
  return out
end

local function hash_numbers(key)
  local flat = redis.call('HGETALL', key)
  local out = {}
  for i = 1, #flat, 2 do out[flat[i]] = tonumber(flat[i + 1]) end
  return out
end

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

-- A hash of field -> until (epoch seconds), rewritten whole when it changed
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

-- The checks (policy/checks/*.lua) ---------------------------------------------
--@KINDS@--

-- `base`: the ARGV index before the transition's first argument; `token`: the state
-- cache's new token (nil: none, any cached copy of this sender goes stale), kept at least
-- `keep` ms
local function run(base, token, keep)

-- Inputs ------------------------------------------------------------------

byte, sub = string.byte, string.sub
argi = base
do
  local given = arg()
  if given == '' then
    local t = redis.call('TIME')
    now = tonumber(t[1]) + tonumber(t[2]) / 1000000
  else
    now = tonumber(given)
  end
end
refused = arg() == '1'
has_app = arg() == '1'
app = arg()
self_message = arg() == '1'
has_signature = arg() == '1'
signature = arg()
text_chars = argnum()
cost = argnum()
contact = arg() == '1'
units = arg_units(argnum())
people = units -- '=': the same (no conversation)
do
  local n = arg()
  if n ~= '=' then people = arg_units(tonumber(n)) end
end
contacts = {} -- the text's contacts, keyed hashes (8 bytes each)
for i = 1, argnum() do contacts[i] = arg() end
active = arg()
report = arg() -- nil: a send
rules = RULES -- prepended by the driver (policy/storage/redis/script.py)
fired, standings, revoked_app = {}, {}, false
slice_sets, slice_dels, slice_ends = {}, {}, nil
for _, k in pairs(KIND) do
  if k.begin then k.begin() end
end

-- State -------------------------------------------------------------------

-- A recipient's report (core.transition): only the kinds' report hooks run, each
-- answering what became of it as a code; then no rule loads, steps or settles.
if report ~= nil then
  for i, rule in ipairs(rules) do
    rule.index = i
    local take = KIND[rule.kind].report
    if take then
      local code = take(rule)
      if code ~= nil then fired[#fired + 1] = { rule = rule, code = code } end
    end
  end
  rules = {}
end

local present = {} -- the kinds of these rules, in order of first use
do
  local seen = {}
  for i, r in ipairs(rules) do
    r.index = i
    if not seen[r.kind] then
      seen[r.kind] = true
      present[#present + 1] = KIND[r.kind]
    end
  end
end
for _, k in ipairs(present) do
  if k.load then k.load() end
end

-- A passed challenge (policy/challenge.py): the field CHALLENGE_FIELD of KEYS[5], read only
-- when a rule answers some code with a challenge; it lifts those codes until it ends.
local CHALLENGE_FIELD = '!challenge'
local passed = false
for _, r in ipairs(rules) do
  if r.challenge then
    local untill = tonumber(redis.call('HGET', KEYS[5], CHALLENGE_FIELD) or '0') or 0
    passed = untill > now
    if untill ~= 0 and not passed then redis.call('HDEL', KEYS[5], CHALLENGE_FIELD) end
    break
  end
end

-- core.transition ---------------------------------------------------------

for _, k in ipairs(present) do
  if k.prepare then k.prepare() end
end
for _, rule in ipairs(rules) do
  if is_active(rule) then
    local code, retry = KIND[rule.kind].step(rule)
    if code ~= nil and passed and rule.challenge and rule.challenge[code] then code = nil end
    if code ~= nil then
      if #rule.triggers > 0 then
        retry = nil
        for _, ti in ipairs(rule.triggers) do
          local target = rules[ti]
          if is_active(target) then
            local wait = KIND[target.kind].trigger(target, rule)
            if wait ~= nil then retry = math.max(retry or 0.0, wait) end
          end
        end
      end
      fired[#fired + 1] = { rule = rule, code = code, retry = retry }
      if rule.enforce then refused = true end
    end
  end
end
for _, rule in ipairs(rules) do
  local settle = KIND[rule.kind].settle
  if settle and is_active(rule) then settle(rule) end
end

-- Commit: each key keeps exactly what is live, and lives no longer than that --

for _, k in ipairs(present) do
  if k.commit then k.commit() end
end
if token == nil then slice_dels[#slice_dels + 1] = TOKEN end
if #slice_dels > 0 then redis.call('HDEL', KEYS[5], unpack(slice_dels)) end
if #slice_sets > 0 then
  redis.call('HSET', KEYS[5], unpack(slice_sets))
  if slice_ends ~= nil then pexpire_until(KEYS[5], slice_ends, true) end
end
if token ~= nil then
  redis.call('HSET', KEYS[5], TOKEN, token)
  if redis.call('PTTL', KEYS[5]) < keep then redis.call('PEXPIRE', KEYS[5], i2s(keep)) end
end

-- Result ------------------------------------------------------------------

local out = { f2s(now), refused and 0 or 1, revoked_app and 1 or 0, #fired }
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

end

-- The transition's ARGV packed in one string, each "<length>:<bytes>" (the state cache's
-- call carries them for the case its copy is not current: one argument, not twenty)
local function unpacked(packed)
  local find, cut = string.find, string.sub -- (`sub` is set by `run`, which comes after)
  local out, at = {}, 1
  while at <= #packed do
    local colon = find(packed, ':', at, true)
    local n = tonumber(cut(packed, at, colon - 1))
    out[#out + 1] = cut(packed, colon + 1, colon + n)
    at = colon + n + 1
  end
  return out
end

-- The state cache's call. ARGV: the token the caller's copy holds ('' none), a new one,
-- how long (ms) a token is kept at least, whether to return a copy when the caller's is
-- not current ('1'), how many of KEYS[1..4] the copy holds, k, then for each of k keys:
-- its index, n, (field, value)*n to set, d, field*d to delete, and a TTL in ms ('' none);
-- then the transition's ARGV, packed. The copy is current when the token is unchanged
-- and the keys it holds are all there (one expired early, evicted or deleted by hand:
-- not current). Then the caller's writes (the new token among them), each key's TTL
-- never shortened, and {'c'}. Otherwise the transition itself, then the hashes and their
-- PTTLs: {'f', reply, (HGETALL, PTTL)*5}, or, not asked to copy, {'e', reply}.
local function cached()
  local current = ARGV[1] ~= '' and redis.call('HGET', KEYS[5], TOKEN) == ARGV[1]
      and redis.call('EXISTS', KEYS[1], KEYS[2], KEYS[3], KEYS[4]) == tonumber(ARGV[5])
  local a = 7
  for _ = 1, tonumber(ARGV[6]) do
    local key, n = KEYS[tonumber(ARGV[a])], tonumber(ARGV[a + 1])
    a = a + 2
    -- sets first: a key that keeps a field keeps its TTL
    if current and n > 0 then redis.call('HSET', key, unpack(ARGV, a, a + 2 * n - 1)) end
    a = a + 2 * n
    local d = tonumber(ARGV[a])
    if current and d > 0 then redis.call('HDEL', key, unpack(ARGV, a + 1, a + d)) end
    a = a + 1 + d
    local ms = ARGV[a]
    a = a + 1
    -- GT: never shorter than another rule's field needs; a key without a TTL gets one
    if current and ms ~= '' and redis.call('PEXPIRE', key, ms, 'GT') == 0
        and redis.call('PTTL', key) == -1 then
      redis.call('PEXPIRE', key, ms)
    end
  end
  if current then return { 'c' } end
  local copy_back, token, keep = ARGV[4] == '1', ARGV[2], tonumber(ARGV[3])
  ARGV = unpacked(ARGV[a])
  if not copy_back then return { 'e', run(0) } end
  local out = { 'f', run(0, token, keep) }
  for i = 1, 5 do
    out[#out + 1] = redis.call('HGETALL', KEYS[i])
    out[#out + 1] = redis.call('PTTL', KEYS[i])
  end
  return out
end
--@CALL@--
