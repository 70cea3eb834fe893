package dev.ticklist.events.cohort;

import dev.ticklist.events.EventType;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What learners' events changed in one cohort since the last record, netted per learner: one
 * record per cohort per flush of progress-service, however many ticks it folds (invariant 4's
 * two-phase aggregation). Each item a change touched is in one of {@code ticked},
 * {@code unticked} (back to not started), {@code started} or {@code skipped}: its state after it.
 *
 * @param generation the projection generation that derived it: a rebuild beside the live
 *                   projections derives the same changes again, for its own cohort projections
 */
@EventType(value = "dev.ticklist.cohort.members-changed.v3", supersedes = {CohortMembersChangedV2.class,
        CohortMembersChangedV1.class, CohortMemberChanged.class})
public record CohortMembersChanged(
        String organisationId,
        String cohortId,
        String generation,
        List<Member> members) implements CohortProgressEvent {

    public static final String MEMBER = "member";
    public static final String LEFT = "left";

    public CohortMembersChanged {
        members = List.copyOf(members);
    }

    /**
     * One learner's net change.
     *
     * @param sequence    twice the offset of the learner's last event folded into it, plus one
     *                    (version 1's numbering, which gave an event two steps): grows with every
     *                    change of the learner, so a cohort applies each once and in order
     * @param standing    {@code member}, or {@code left} when the learner ended up outside the cohort
     * @param reset       true when {@code ticked}, {@code started} and {@code skipped} are every
     *                    item the learner has done, is working on and skipped in the version (they
     *                    joined or moved to it); false when they and {@code unticked} are what changed
     * @param ticksPerDay items newly ticked per UTC day ({@code yyyy-mm-dd})
     * @param levelsFinishedAt when each level the change touched, and that is finished after it,
     *                    was finished (after a join or move: every finished level); a touched
     *                    level that is open is absent. Cohorts date their burn-up by it.
     * @param occurredAt  when the last folded event happened
     * @param position    {@code partition-offset} of the last folded event
     */
    public record Member(
            String learnerId,
            String checklistId,
            int checklistVersion,
            long sequence,
            String standing,
            boolean reset,
            List<String> ticked,
            List<String> unticked,
            List<String> started,
            List<String> skipped,
            Map<String, Integer> ticksPerDay,
            Map<String, Instant> levelsFinishedAt,
            Instant occurredAt,
            String position) {

        public Member {
            ticked = ticked == null ? List.of() : List.copyOf(ticked);
            unticked = unticked == null ? List.of() : List.copyOf(unticked);
            started = started == null ? List.of() : List.copyOf(started);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
            ticksPerDay = ticksPerDay == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(ticksPerDay));
            levelsFinishedAt = levelsFinishedAt == null ? Map.of()
                    : Collections.unmodifiableMap(new TreeMap<>(levelsFinishedAt));
        }

        /** A change of ticks only: nothing started or skipped. */
        public Member(String learnerId, String checklistId, int checklistVersion, long sequence, String standing,
                      boolean reset, List<String> ticked, List<String> unticked, Map<String, Integer> ticksPerDay,
                      Map<String, Instant> levelsFinishedAt, Instant occurredAt, String position) {
            this(learnerId, checklistId, checklistVersion, sequence, standing, reset, ticked, unticked, List.of(),
                    List.of(), ticksPerDay, levelsFinishedAt, occurredAt, position);
        }
    }

    @Override
    public String subject() {
        return "cohorts/" + cohortId;
    }
}
