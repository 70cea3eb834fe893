-- Applies learners' changes to their cohort's projection, in order, atomically on the cohort's
-- slot: each learner's row (their counts per level and category, their ticked items), the
-- cohort's aggregates (per level, category and overall: learners, sum of percents in basis
-- points, 10% buckets, finished; per item: learners who ticked it), the ranking, ticks per day,
-- and threshold milestones in the cohort's outbox.
-- KEYS[1] aggregates  KEYS[2] ranking (learner -> basis points)  KEYS[3] outbox
-- KEYS[4] ticks per day (epoch day -> count)  KEYS[4 + j] the row of the learner of change j
-- ARGV[1] thresholds in percent, comma-separated; then per change its number of arguments
-- and the arguments:
--   sequence, joined | left | ticked | unticked | moved, learner, epoch day, what a threshold
--   milestone needs to know (cause, organisation, cohort, checklist, version), checklist@version
--   ticked, unticked: item, level, category
--   joined, moved: items in the version, N levels, N pairs (level, size), M categories,
--     M pairs (category, size), then triples (item, level, category) of ticked items
-- Returns {changes applied, the outbox entries still to publish}.
local AGGREGATES, RANKING, OUTBOX, DAYS = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local thresholdList = ARGV[1]
local A, row, learner

local function basisPoints(n, size) return math.floor(n * 10000 / size + 0.5) end
local function bucket(n, size) return math.min(9, math.floor(n * 10 / size)) end

-- Lua numbers are doubles: -1 * 0 is -0, which Redis refuses as an integer; %d writes 0.
local function incr(field, by)
  if by ~= 0 then redis.call('HINCRBY', AGGREGATES, field, string.format('%d', by)) end
end

-- Adds (sign 1) or removes (sign -1) one learner's standing in one aggregate.
local function count(prefix, n, size, sign)
  if size <= 0 then return end
  incr(prefix .. ':learners', sign)
  incr(prefix .. ':sum', sign * basisPoints(n, size))
  incr(prefix .. ':b' .. bucket(n, size), sign)
  if n >= size then incr(prefix .. ':finished', sign) end
end

-- One learner's count in one aggregate went from old to new.
local function shift(prefix, old, new, size)
  if size <= 0 then return end
  incr(prefix .. ':sum', basisPoints(new, size) - basisPoints(old, size))
  if bucket(old, size) ~= bucket(new, size) then
    incr(prefix .. ':b' .. bucket(old, size), -1)
    incr(prefix .. ':b' .. bucket(new, size), 1)
  end
  if (old >= size) ~= (new >= size) then
    incr(prefix .. ':finished', new >= size and 1 or -1)
  end
end

-- Takes the learner's row out of every aggregate; returns the levels it was in.
local function removeRow()
  local flat = redis.call('HGETALL', row)
  local stored = {}
  for i = 1, #flat, 2 do stored[flat[i]] = flat[i + 1] end
  local levels = {}
  if not stored['cv'] then return levels end
  for field, value in pairs(stored) do
    local kind, id = string.match(field, '^(%a+):(.+)$')
    if kind == 'L' then
      count('L:' .. id, tonumber(value), tonumber(stored['LS:' .. id]), -1)
      levels[#levels + 1] = id
    elseif kind == 'C' then
      count('C:' .. id, tonumber(value), tonumber(stored['CS:' .. id]), -1)
    elseif kind == 'I' then
      incr('I:' .. id, -1)
    end
  end
  count('T', tonumber(stored['T']), tonumber(stored['TS']), -1)
  redis.call('ZREM', RANKING, learner)
  redis.call('DEL', row)
  redis.call('HSET', row, 'seq', A[1])
  return levels
end

-- Builds the learner's row from A[8..] and adds it to every aggregate; returns its levels.
local function addRow()
  local total = tonumber(A[8])
  local counts, fields = {}, {'cv', A[7], 'TS', total}
  -- A count at A[i], then that many pairs (name, size) of kind L or C: the names in order,
  -- their sizes, and the index after them.
  local function readSizes(kind, i)
    local names, sizes = {}, {}
    for _ = 1, tonumber(A[i]) do
      names[#names + 1] = A[i + 1]
      sizes[A[i + 1]] = tonumber(A[i + 2])
      counts[kind .. ':' .. A[i + 1]] = 0
      i = i + 2
    end
    return names, sizes, i + 1
  end
  -- Adds the learner's count per level or category to the aggregates and to the row.
  local function putCounts(kind, names, sizes)
    for _, name in ipairs(names) do
      local field = kind .. ':' .. name
      count(field, counts[field], sizes[name], 1)
      fields[#fields + 1] = field
      fields[#fields + 1] = counts[field]
      fields[#fields + 1] = kind .. 'S:' .. name
      fields[#fields + 1] = sizes[name]
    end
  end
  local levels, levelSize, i = readSizes('L', 9)
  local categories, categorySize
  categories, categorySize, i = readSizes('C', i)
  local ticked = 0
  while i + 2 <= #A do
    local item, level, category = A[i], A[i + 1], A[i + 2]
    fields[#fields + 1] = 'I:' .. item
    fields[#fields + 1] = 1
    incr('I:' .. item, 1)
    counts['L:' .. level] = counts['L:' .. level] + 1
    counts['C:' .. category] = counts['C:' .. category] + 1
    ticked = ticked + 1
    i = i + 3
  end
  putCounts('L', levels, levelSize)
  putCounts('C', categories, categorySize)
  count('T', ticked, total, 1)
  fields[#fields + 1] = 'T'
  fields[#fields + 1] = ticked
  redis.call('HSET', row, unpack(fields))
  redis.call('ZADD', RANKING, total > 0 and basisPoints(ticked, total) or 0, learner)
  redis.call('HSET', AGGREGATES, 'cv', A[7])
  return levels
end

-- The learner's count in one aggregate changes by delta.
local function step(prefix, delta)
  local old = tonumber(redis.call('HGET', row, prefix) or '0')
  local size = tonumber(redis.call('HGET', row, prefix == 'T' and 'TS' or (prefix:sub(1, 1) .. 'S' .. prefix:sub(2))) or '0')
  redis.call('HSET', row, prefix, old + delta)
  shift(prefix, old, old + delta, size)
  return old + delta, size
end

-- Records each threshold a level's share of finished learners rose to; forgets those it fell below.
local function thresholds(levels)
  for _, level in ipairs(levels) do
    local finished = tonumber(redis.call('HGET', AGGREGATES, 'L:' .. level .. ':finished') or '0')
    local learners = tonumber(redis.call('HGET', AGGREGATES, 'L:' .. level .. ':learners') or '0')
    for threshold in string.gmatch(A[5], '%d+') do
      local reached = 'R:' .. level .. ':' .. threshold
      if learners > 0 and finished * 100 >= tonumber(threshold) * learners then
        if redis.call('HSETNX', AGGREGATES, reached, 1) == 1 then
          redis.call('RPUSH', OUTBOX, table.concat({threshold, level, finished, learners, A[6]}, '\t'))
        end
      else
        redis.call('HDEL', AGGREGATES, reached)
      end
    end
  end
end


local applied = 0
local i, j = 2, 0
while i <= #ARGV do
  local n = tonumber(ARGV[i])
  -- The change's arguments, with the thresholds in fifth place as the functions above read them.
  A = {ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], thresholdList}
  for k = i + 5, i + n do A[#A + 1] = ARGV[k] end
  i = i + n + 1
  j = j + 1
  row, learner = KEYS[4 + j], A[3]
  if tonumber(A[1]) > tonumber(redis.call('HGET', row, 'seq') or '-1') then
    redis.call('HSET', row, 'seq', A[1])
    local change = A[2]
    local touched = {}
    if change == 'ticked' or change == 'unticked' then
      -- Only members on this version count; anything else was superseded in the learner's stream.
      if redis.call('HGET', row, 'cv') == A[7] then
        local delta = 0
        if change == 'ticked' then
          if redis.call('HSETNX', row, 'I:' .. A[8], 1) == 1 then
            delta = 1
            redis.call('HINCRBY', DAYS, A[4], 1)
          end
        elseif redis.call('HDEL', row, 'I:' .. A[8]) == 1 then
          delta = -1
        end
        if delta ~= 0 then
          incr('I:' .. A[8], delta)
          step('L:' .. A[9], delta)
          step('C:' .. A[10], delta)
          local ticked, total = step('T', delta)
          redis.call('ZADD', RANKING, total > 0 and basisPoints(ticked, total) or 0, learner)
          touched = {A[9]}
        end
      end
    else
      touched = removeRow()
      if change ~= 'left' then
        for _, level in ipairs(addRow()) do touched[#touched + 1] = level end
      end
    end
    thresholds(touched)
    applied = applied + 1
  end
end
return {applied, redis.call('LRANGE', OUTBOX, 0, -1)}
