package dev.ticklist.checklist.imports;

import java.time.Instant;
import java.util.List;

/**
 * What an import did, line by line: while it runs (so far) and once it ended.
 *
 * @param status    {@code running}, {@code finished} (the whole body read), or {@code stopped}
 *                  (a limit reached: the lines up to {@code lines} are recorded or refused, the rest not read)
 * @param lines     lines read, blank ones included (line numbers count them)
 * @param recorded  lines recorded as events ({@code ticks} + {@code unticks} + {@code starts} + {@code skips})
 * @param refused   lines refused; the first {@link #LISTED} of them are in {@code refusals}
 * @param stoppedBecause why reading stopped early, for {@code stopped}
 */
public record ImportReport(String importId, String cohortId, String status, long lines, long recorded, long ticks,
                           long unticks, long starts, long skips, long refused, List<Refusal> refusals,
                           String stoppedBecause, Instant startedAt, Instant endedAt) {

    /** Refusals listed one by one; beyond them only counted. */
    public static final int LISTED = 1000;

    public record Refusal(long line, String reason) {
    }
}
