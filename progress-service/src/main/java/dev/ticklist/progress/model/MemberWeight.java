package dev.ticklist.progress.model;

import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.events.cohort.CohortMembersChanged.Member;

/**
 * About how many cohort-row fields a member change writes: a join or move rewrites the whole
 * row (totals, levels, categories and every item done, started or skipped), an item's change of
 * state a few fields per item. Two bounds follow from it: a record on the cohort stream stays well under the broker's
 * 1 MB, and one cohort's write stays well under what Redis takes in one command (Redis 6 closes
 * the connection of a command with more than 1,048,576 arguments) and short enough not to stall
 * every other client while it runs (a write of 100,000 fields ran 100–400 ms in Redis here).
 */
public final class MemberWeight {

    /** A record on the cohort stream weighs at most this much (or holds one member). */
    public static final int PER_RECORD = 10_000;
    /** One cohort's write in a flush weighs at most this much (or holds one record). */
    public static final int PER_WRITE = 30_000;

    /** Fields of a rewritten row besides its items: sequence, version, totals, levels, categories. */
    private static final int ROW_FIELDS = 64;
    /**
     * Fields an item's change writes with its item: the level's, the category's and the total's
     * counts, and their sizes when a skip comes or goes.
     */
    private static final int CHANGE_FIELDS = 7;

    private MemberWeight() {
    }

    /** A record's weight: its members'. */
    public static int of(CohortMembersChanged change) {
        return change.members().stream().mapToInt(MemberWeight::of).sum();
    }

    public static int of(Member member) {
        int items = member.ticked().size() + member.unticked().size() + member.started().size()
                + member.skipped().size();
        return member.reset() ? ROW_FIELDS + items : CHANGE_FIELDS * Math.max(1, items);
    }
}
