-- Moves a learner to another checklist version: ticks on items that exist in the new version
-- carry over with their times, level counts and finished times are computed for the new
-- version, and the idempotence marker moves, all in one atomic step on the learner's slot.
-- KEYS[1] applied offset  KEYS[2] ticked items of the old version  KEYS[3] ticked items of the new
-- KEYS[4] levels of the new version  KEYS[5] the learner's checklists  KEYS[6] outbox
-- KEYS[7] cohorts left
-- ARGV[1] offset  ARGV[2] old checklist@version  ARGV[3] new checklist@version  ARGV[4] cohort
-- ARGV[5] sequence of the cohort's change  ARGV[6] what the cohort's change needs to know
-- ARGV[7] number of levels N, then N pairs (level id, level size), then pairs (item id, level id)
local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
if tonumber(ARGV[1]) <= last then
  return {0, redis.call('LRANGE', KEYS[6], 0, -1)}
end
redis.call('SET', KEYS[1], ARGV[1])
if redis.call('HEXISTS', KEYS[7], ARGV[4]) == 1 then
  return {1, redis.call('LRANGE', KEYS[6], 0, -1)}
end
redis.call('HDEL', KEYS[5], ARGV[2])
redis.call('HSET', KEYS[5], ARGV[3], ARGV[4])
local levels = tonumber(ARGV[7])
local sizes, counts, latest = {}, {}, {}
local i = 8
for _ = 1, levels do
  sizes[ARGV[i]] = tonumber(ARGV[i + 1])
  counts[ARGV[i]] = 0
  i = i + 2
end
while i <= #ARGV do
  local item, level = ARGV[i], ARGV[i + 1]
  local time = redis.call('HGET', KEYS[2], item) or redis.call('HGET', KEYS[3], item)
  if time then
    redis.call('HSET', KEYS[3], item, time)
    counts[level] = counts[level] + 1
    if not latest[level] or tonumber(time) > latest[level] then latest[level] = tonumber(time) end
  end
  i = i + 2
end
local all, last = true, 0
for level, size in pairs(sizes) do
  redis.call('HSET', KEYS[4], level .. '.ticked', counts[level])
  if size > 0 and counts[level] >= size then
    redis.call('HSETNX', KEYS[4], level .. '.finishedAt', latest[level])
    if latest[level] > last then last = latest[level] end
  else
    redis.call('HDEL', KEYS[4], level .. '.finishedAt')
    if size > 0 then all = false end
  end
end
if all and last > 0 then
  redis.call('HSETNX', KEYS[4], '*checklist.finishedAt', last)
else
  redis.call('HDEL', KEYS[4], '*checklist.finishedAt')
end
redis.call('RPUSH', KEYS[6], table.concat({'cohort', 'moved', ARGV[5], ARGV[6], '',
  table.concat(redis.call('HKEYS', KEYS[3]), ',')}, '\t'))
return {1, redis.call('LRANGE', KEYS[6], 0, -1)}
