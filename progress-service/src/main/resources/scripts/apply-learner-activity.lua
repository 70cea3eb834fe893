-- Applies one tick or untick to the learner's projection, together with its idempotence
-- marker and the milestones it causes, atomically. All keys share the learner's hash tag.
-- KEYS[1] applied offset   KEYS[2] ticked items (item -> time)   KEYS[3] levels
-- KEYS[4] milestone outbox  KEYS[5] the learner's checklists (checklist@version -> cohort)
-- ARGV[1] offset  ARGV[2] 'tick' | 'untick'  ARGV[3] item  ARGV[4] level  ARGV[5] level size
-- ARGV[6] event time (epoch ms)  ARGV[7] checklist@version  ARGV[8] cohort
-- ARGV[9] what a milestone of this event needs to know (see PendingMilestone), prefixed in the
-- outbox by its kind  ARGV[10..] ids of the version's non-empty levels
-- Returns {1 if applied or 0 if already applied, the outbox entries still to publish}.
local last = tonumber(redis.call('GET', KEYS[1]) or '-1')
if tonumber(ARGV[1]) <= last then
  return {0, redis.call('LRANGE', KEYS[4], 0, -1)}
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[5], ARGV[7], ARGV[8])
local ticked = ARGV[4] .. '.ticked'
local finished = ARGV[4] .. '.finishedAt'
-- Level ids are slugs, so this field can never be a level's.
local checklistFinished = '*checklist.finishedAt'
if ARGV[2] == 'tick' then
  if redis.call('HSETNX', KEYS[2], ARGV[3], ARGV[6]) == 1 then
    local count = redis.call('HINCRBY', KEYS[3], ticked, 1)
    if count >= tonumber(ARGV[5]) and redis.call('HEXISTS', KEYS[3], finished) == 0 then
      redis.call('HSET', KEYS[3], finished, ARGV[6])
      redis.call('RPUSH', KEYS[4], 'level-completed\t' .. ARGV[9])
      local all = true
      for i = 10, #ARGV do
        if redis.call('HEXISTS', KEYS[3], ARGV[i] .. '.finishedAt') == 0 then all = false break end
      end
      if all and redis.call('HSETNX', KEYS[3], checklistFinished, ARGV[6]) == 1 then
        redis.call('RPUSH', KEYS[4], 'checklist-completed\t' .. ARGV[9])
      end
    end
  end
elseif redis.call('HDEL', KEYS[2], ARGV[3]) == 1 then
  redis.call('HINCRBY', KEYS[3], ticked, -1)
  if redis.call('HDEL', KEYS[3], finished) == 1 then
    redis.call('HDEL', KEYS[3], checklistFinished)
    redis.call('RPUSH', KEYS[4], 'level-reopened\t' .. ARGV[9])
  end
end
return {1, redis.call('LRANGE', KEYS[4], 0, -1)}
