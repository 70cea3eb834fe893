-- Applies a learner's ticks and unticks on one checklist version, in order, each together with
-- its idempotence marker and the events it causes (milestones, the changes for the cohort's
-- stream), atomically. All keys share the learner's hash tag.
-- KEYS[1] applied offset   KEYS[2] ticked items (item -> time)   KEYS[3] levels
-- KEYS[4] outbox  KEYS[5] the learner's checklists (checklist@version -> cohort)
-- KEYS[6] cohorts left (cohort -> 1)  KEYS[7] timeline  KEYS[8] ticks per day (epoch day -> count)
-- ARGV[1] checklist@version  ARGV[2] cohort  ARGV[3] N, the number of the version's non-empty
-- levels, ARGV[4..3+N] their ids; then 11 arguments per event:
--   offset, 'tick' | 'untick', item, level, level size, event time (epoch ms), what a milestone
--   of this event needs to know (see LearnerOutboxEntries; prefixed in the outbox by its kind),
--   sequence of an implicit join, sequence of this change, what the cohort's change needs to
--   know, epoch day
-- Returns {events applied, the outbox entries still to publish}.
local checklist, cohort = ARGV[1], ARGV[2]
local levels = tonumber(ARGV[3])
local first = 4 + levels
local stored = redis.call('GET', KEYS[1])
local last = tonumber(stored or '-1')
local lastText = stored
local applied = 0
-- Level ids are slugs, so this field can never be a level's.
local checklistFinished = '*checklist.finishedAt'

local function cohortChange(change, sequence, context, item, items)
  redis.call('RPUSH', KEYS[4], table.concat({'cohort', change, sequence, context, item, items}, '\t'))
end

local function apply(a)
  local offset, kind, item, level, size, time = ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], ARGV[a + 5]
  local milestone, joinSequence, sequence, context, day = ARGV[a + 6], ARGV[a + 7], ARGV[a + 8], ARGV[a + 9], ARGV[a + 10]
  -- A tick racing the learner's withdrawal from the cohort is not counted.
  if redis.call('HEXISTS', KEYS[6], cohort) == 1 then return end
  -- Activity in a cohort the learner's stream has not shown them join: they joined implicitly.
  if redis.call('HGET', KEYS[5], checklist) ~= cohort then
    redis.call('HSET', KEYS[5], checklist, cohort)
    cohortChange('joined', joinSequence, context, '', table.concat(redis.call('HKEYS', KEYS[2]), ','))
  end
  local ticked = level .. '.ticked'
  local finished = level .. '.finishedAt'
  if kind == 'tick' then
    if redis.call('HSETNX', KEYS[2], item, time) == 1 then
      redis.call('RPUSH', KEYS[7], table.concat({time, 'ticked', checklist, item}, '\t'))
      redis.call('HINCRBY', KEYS[8], day, 1)
      cohortChange('ticked', sequence, context, item, '')
      local count = redis.call('HINCRBY', KEYS[3], ticked, 1)
      if count >= tonumber(size) and redis.call('HEXISTS', KEYS[3], finished) == 0 then
        redis.call('HSET', KEYS[3], finished, time)
        redis.call('RPUSH', KEYS[4], 'level-completed\t' .. milestone)
        local all = true
        for i = 4, 3 + levels do
          if redis.call('HEXISTS', KEYS[3], ARGV[i] .. '.finishedAt') == 0 then all = false break end
        end
        if all and redis.call('HSETNX', KEYS[3], checklistFinished, time) == 1 then
          redis.call('RPUSH', KEYS[4], 'checklist-completed\t' .. milestone)
        end
      end
    end
  elseif redis.call('HDEL', KEYS[2], item) == 1 then
    redis.call('RPUSH', KEYS[7], table.concat({time, 'unticked', checklist, item}, '\t'))
    cohortChange('unticked', sequence, context, item, '')
    redis.call('HINCRBY', KEYS[3], ticked, -1)
    if redis.call('HDEL', KEYS[3], finished) == 1 then
      redis.call('HDEL', KEYS[3], checklistFinished)
      redis.call('RPUSH', KEYS[4], 'level-reopened\t' .. milestone)
    end
  end
end

for a = first, #ARGV, 11 do
  local offset = tonumber(ARGV[a])
  if offset > last then
    apply(a)
    last, lastText = offset, ARGV[a]
    applied = applied + 1
  end
end
if applied > 0 then
  redis.call('SET', KEYS[1], lastText)
end
return {applied, redis.call('LRANGE', KEYS[4], 0, -1)}
