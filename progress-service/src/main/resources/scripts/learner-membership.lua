-- The learner joined or left a cohort: records it with the idempotence marker and hands the
-- change to the cohort's stream (through the outbox), atomically on the learner's slot.
-- KEYS[1] applied offset  KEYS[2] ticked items of the checklist version  KEYS[3] the learner's
-- checklists (checklist@version -> cohort)  KEYS[4] cohorts left  KEYS[5] outbox
-- ARGV[1] offset  ARGV[2] 'joined' | 'left'  ARGV[3] checklist@version  ARGV[4] cohort
-- ARGV[5] sequence  ARGV[6] what the cohort's change needs to know
local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
if tonumber(ARGV[1]) <= last then
  return {0, redis.call('LRANGE', KEYS[5], 0, -1)}
end
redis.call('SET', KEYS[1], ARGV[1])
local items = ''
if ARGV[2] == 'joined' then
  redis.call('HDEL', KEYS[4], ARGV[4])
  redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
  items = table.concat(redis.call('HKEYS', KEYS[2]), ',')
else
  redis.call('HSET', KEYS[4], ARGV[4], '1')
  if redis.call('HGET', KEYS[3], ARGV[3]) == ARGV[4] then
    redis.call('HDEL', KEYS[3], ARGV[3])
  end
end
redis.call('RPUSH', KEYS[5], table.concat({'cohort', ARGV[2], ARGV[5], ARGV[6], '', items}, '\t'))
return {1, redis.call('LRANGE', KEYS[5], 0, -1)}
