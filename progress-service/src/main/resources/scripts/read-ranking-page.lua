-- A page of a cohort's ranking in one round trip, read-only: the number of learners, how many
-- are strictly ahead of the page's first, and the page (member, score, ...), best first.
-- KEYS[1] ranking  ARGV[1] offset  ARGV[2] limit
local from = tonumber(ARGV[1])
local page = redis.call('ZREVRANGE', KEYS[1], from, from + tonumber(ARGV[2]) - 1, 'WITHSCORES')
local ahead = 0
if #page > 0 then
  ahead = redis.call('ZCOUNT', KEYS[1], '(' .. page[2], '+inf')
end
return {redis.call('ZCARD', KEYS[1]), ahead, page}
