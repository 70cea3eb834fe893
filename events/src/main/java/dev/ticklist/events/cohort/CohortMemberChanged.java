package dev.ticklist.events.cohort;

import dev.ticklist.events.EventType;
import dev.ticklist.events.Superseded;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * What one learner's event changed in their cohort: they joined it, left it, ticked or unticked
 * an item, or moved to another checklist version. Written one record per event until the
 * changes were netted per flush; still read, {@link #upcast()} turns it into the current form.
 *
 * @param sequence    the position of the causing event in the learner's partition: grows with
 *                    every event of the learner, so a cohort applies each change once and in order
 * @param change      {@code joined}, {@code left}, {@code ticked}, {@code unticked} or {@code moved}
 * @param itemId      the item ticked or unticked, else null
 * @param tickedItems for {@code joined} and {@code moved}, every item the learner has ticked in
 *                    the checklist version; otherwise empty
 * @param occurredAt  when the causing event happened
 * @param generation  the projection generation that derived it: a rebuild beside the live
 *                    projections derives the same changes again, for its own cohort projections
 * @param position    {@code partition-offset} of the causing event, as a tick command returns it
 */
@EventType("dev.ticklist.cohort.member-changed.v1")
public record CohortMemberChanged(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        long sequence,
        String change,
        String itemId,
        List<String> tickedItems,
        Instant occurredAt,
        String generation,
        String position) implements Superseded<CohortMembersChangedV2> {

    public static final String JOINED = "joined";
    public static final String LEFT = "left";
    public static final String TICKED = "ticked";
    public static final String UNTICKED = "unticked";
    public static final String MOVED = "moved";

    public CohortMemberChanged {
        tickedItems = tickedItems == null ? List.of() : List.copyOf(tickedItems);
    }

    /** The same change as one member of a {@link CohortMembersChanged}. */
    @Override
    public CohortMembersChangedV2 upcast() {
        boolean reset = JOINED.equals(change) || MOVED.equals(change);
        var ticked = reset ? tickedItems : TICKED.equals(change) ? List.of(itemId) : List.<String>of();
        var unticked = UNTICKED.equals(change) ? List.of(itemId) : List.<String>of();
        var days = TICKED.equals(change)
                ? Map.of(occurredAt.atZone(ZoneOffset.UTC).toLocalDate().toString(), 1) : Map.<String, Integer>of();
        return new CohortMembersChangedV2(organisationId, cohortId, generation, List.of(new CohortMembersChangedV2.Member(
                learnerId, checklistId, checklistVersion, sequence,
                LEFT.equals(change) ? CohortMembersChanged.LEFT : CohortMembersChanged.MEMBER, reset, ticked,
                unticked, days, Map.of(), occurredAt, position)));
    }

    @Override
    public String subject() {
        return "cohorts/" + cohortId + "/learners/" + learnerId;
    }
}
