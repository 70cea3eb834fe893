-- Reads a learner's levels, ticked items, their evidence and the states of items in progress or
-- skipped, of one checklist version at the same moment, in one atomic step on the learner's hash
-- slot. A script, not MULTI/EXEC: Spring Data Redis has no transactions on a Redis Cluster connection.
-- KEYS[1] levels   KEYS[2] ticked items (item -> time)   KEYS[3] evidence (item -> link and note)
-- KEYS[4] states (item -> started | skipped[:reason])
-- Returns {levels' HGETALL, items' HGETALL, evidence's HGETALL, states' HGETALL}.
return {redis.call('HGETALL', KEYS[1]), redis.call('HGETALL', KEYS[2]), redis.call('HGETALL', KEYS[3]),
        redis.call('HGETALL', KEYS[4])}
