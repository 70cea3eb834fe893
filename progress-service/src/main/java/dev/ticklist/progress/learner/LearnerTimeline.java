package dev.ticklist.progress.learner;

import java.time.Instant;
import java.util.List;

/**
 * A page of a learner's ticks, unticks, starts and skips, newest first.
 *
 * @param total   how many entries the timeline holds
 * @param entries at most {@code limit} entries after the first {@code offset} (newest first)
 */
public record LearnerTimeline(String learnerId, long total, long offset, int limit, List<Entry> entries) {

    /** @param change {@code ticked}, {@code unticked}, {@code started} or {@code skipped}: the item's new state */
    public record Entry(Instant time, String change, String checklistId, int checklistVersion, String itemId) {

        /** An entry as the learner script writes it: {@code time, change, checklist@version, item}. */
        static Entry decode(String entry) {
            String[] f = entry.split("\t", -1);
            String[] checklist = f[2].split("@");
            return new Entry(Instant.ofEpochMilli(Long.parseLong(f[0])), f[1], checklist[0],
                    Integer.parseInt(checklist[1]), f[3]);
        }
    }
}
