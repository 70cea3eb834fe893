-- Applies one learner-activity event to the learner's projection, together with its
-- idempotence marker, atomically. All keys share the learner's hash tag (one slot).
-- KEYS[1] applied offset   KEYS[2] ticked items (item -> time)   KEYS[3] levels
-- KEYS[4] milestone outbox  KEYS[5] the learner's checklists (checklist@version -> cohort)
-- ARGV[1] offset  ARGV[2] 'tick' | 'untick'  ARGV[3] item  ARGV[4] level  ARGV[5] level size
-- ARGV[6] event time (epoch ms)  ARGV[7] checklist@version  ARGV[8] cohort
-- ARGV[9] the outbox entry to add if this event finishes the level
-- Returns {1 if applied or 0 if already applied, the outbox entries still to publish}.
local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
if tonumber(ARGV[1]) <= last then
  return {0, redis.call('LRANGE', KEYS[4], 0, -1)}
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[5], ARGV[7], ARGV[8])
local ticked = ARGV[4] .. '.ticked'
local finished = ARGV[4] .. '.finishedAt'
if ARGV[2] == 'tick' then
  if redis.call('HSETNX', KEYS[2], ARGV[3], ARGV[6]) == 1 then
    local count = redis.call('HINCRBY', KEYS[3], ticked, 1)
    if count >= tonumber(ARGV[5]) and redis.call('HEXISTS', KEYS[3], finished) == 0 then
      redis.call('HSET', KEYS[3], finished, ARGV[6])
      redis.call('RPUSH', KEYS[4], ARGV[9])
    end
  end
elseif redis.call('HDEL', KEYS[2], ARGV[3]) == 1 then
  redis.call('HINCRBY', KEYS[3], ticked, -1)
  redis.call('HDEL', KEYS[3], finished)
end
return {1, redis.call('LRANGE', KEYS[4], 0, -1)}
