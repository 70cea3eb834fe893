-- The learners of a cohort's ranking whose id contains a text, best first, one page of the
-- matches, read-only: {matches, page (member, score, rank, ...)}. Reads the whole ranking, a
-- thousand at a time: a search costs time in the cohort's size (tens of milliseconds at 100,000).
-- KEYS[1] ranking  ARGV[1] text, lowercase  ARGV[2] offset  ARGV[3] limit
local text, from, limit = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local matches, page = 0, {}
local size = redis.call('ZCARD', KEYS[1])
for start = 0, size - 1, 1000 do
  local slice = redis.call('ZREVRANGE', KEYS[1], start, start + 999, 'WITHSCORES')
  for i = 1, #slice, 2 do
    if string.find(string.lower(slice[i]), text, 1, true) then
      if matches >= from and matches < from + limit then
        page[#page + 1] = slice[i]
        page[#page + 1] = slice[i + 1]
        page[#page + 1] = redis.call('ZCOUNT', KEYS[1], '(' .. slice[i + 1], '+inf') + 1
      end
      matches = matches + 1
    end
  end
end
return {matches, page}
