package dev.ticklist.progress.paging;

import dev.ticklist.platform.web.Problems;

/** Which part of a long list a caller asks for: skip {@code offset} entries, then at most {@code limit}. */
public record PageRequest(long offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(Long offset, Integer limit) {
        long start = offset == null ? 0 : offset;
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (start < 0) {
            throw Problems.invalid("bad-offset", "offset must be 0 or more, not " + start);
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw Problems.invalid("bad-limit", "limit must be from 1 to " + MAX_LIMIT + ", not " + size);
        }
        return new PageRequest(start, size);
    }
}
