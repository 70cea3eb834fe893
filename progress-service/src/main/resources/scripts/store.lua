-- Stores one key group's new state atomically on its hash slot, if its marker is the one the
-- writer last read or wrote. It decides nothing (the Java model did); it only stores.
-- KEYS[1] the marker (the offset of the last event applied)  KEYS[2] the outbox (a list)
-- KEYS[3..] the keys the operations name
-- ARGV[1] the marker expected ('' for none)  ARGV[2] the new marker
-- ARGV[3..] operations, each: name, key index (into KEYS), count n, then n operands:
--   HSET field value · HDEL field · DEL (n = 0) · HINCRBY field increment · RPUSH value
--   ZADD score member · ZREM member
-- Returns {1, the outbox's entries} when stored, {0, {the marker found}} when another write
-- came first (nothing is changed then).
local found = redis.call('GET', KEYS[1]) or ''
if found ~= ARGV[1] then
  return {0, {found}}
end
redis.call('SET', KEYS[1], ARGV[2])
local WIDTH = {HSET = 2, HDEL = 1, DEL = 0, HINCRBY = 2, RPUSH = 1, ZADD = 2, ZREM = 1}
-- unpack has a stack limit: long operand lists go in slices.
local SLICE = 200
local i = 3
while i <= #ARGV do
  local name, key, n = ARGV[i], KEYS[tonumber(ARGV[i + 1])], tonumber(ARGV[i + 2])
  local width = WIDTH[name]
  i = i + 3
  if name == 'DEL' then
    redis.call('DEL', key)
  elseif name == 'HINCRBY' then
    for j = i, i + 2 * n - 1, 2 do
      redis.call('HINCRBY', key, ARGV[j], ARGV[j + 1])
    end
  else
    local last = i + n * width - 1
    local from = i
    while from <= last do
      local upto = math.min(last, from + SLICE * width - 1)
      redis.call(name, key, unpack(ARGV, from, upto))
      from = upto + 1
    end
  end
  i = i + n * width
end
return {1, redis.call('LRANGE', KEYS[2], 0, -1)}
