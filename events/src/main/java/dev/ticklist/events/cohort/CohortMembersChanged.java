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
 * two-phase aggregation). Replaces {@link CohortMemberChanged} and {@link CohortMembersChangedV1},
 * which are still read.
 *
 * @param generation the projection generation that derived it: a rebuild beside the live
 *                   projections derives the same changes again, for its own cohort projections
 */
@EventType("dev.ticklist.cohort.members-changed.v2")
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
     * @param reset       true when {@code ticked} is every item the learner has ticked in the
     *                    version (they joined or moved to it); false when it and {@code unticked}
     *                    are what changed
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
            Map<String, Integer> ticksPerDay,
            Map<String, Instant> levelsFinishedAt,
            Instant occurredAt,
            String position) {

        public Member {
            ticked = ticked == null ? List.of() : List.copyOf(ticked);
            unticked = unticked == null ? List.of() : List.copyOf(unticked);
            ticksPerDay = ticksPerDay == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(ticksPerDay));
            levelsFinishedAt = levelsFinishedAt == null ? Map.of()
                    : Collections.unmodifiableMap(new TreeMap<>(levelsFinishedAt));
        }
    }

    @Override
    public String subject() {
        return "cohorts/" + cohortId;
    }
}
