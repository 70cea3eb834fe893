package dev.ticklist.events.cohort;

import dev.ticklist.events.EventType;
import dev.ticklist.events.Superseded;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Version 1 of {@link CohortMembersChanged}: the same net changes without the times levels were
 * finished. Still read; {@link #upcast()} turns it into the current version.
 *
 * @param generation the projection generation that derived it: a rebuild beside the live
 *                   projections derives the same changes again, for its own cohort projections
 */
@EventType("dev.ticklist.cohort.members-changed.v1")
public record CohortMembersChangedV1(
        String organisationId,
        String cohortId,
        String generation,
        List<Member> members) implements Superseded<CohortMembersChangedV2> {

    public CohortMembersChangedV1 {
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
            Instant occurredAt,
            String position) {

        public Member {
            ticked = ticked == null ? List.of() : List.copyOf(ticked);
            unticked = unticked == null ? List.of() : List.copyOf(unticked);
            ticksPerDay = ticksPerDay == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(ticksPerDay));
        }
    }

    /** Version 1 said nothing of finish times: a cohort dates such a member's finished levels by its last event. */
    @Override
    public CohortMembersChangedV2 upcast() {
        return new CohortMembersChangedV2(organisationId, cohortId, generation, members.stream()
                .map(member -> new CohortMembersChangedV2.Member(member.learnerId(), member.checklistId(),
                        member.checklistVersion(), member.sequence(), member.standing(), member.reset(),
                        member.ticked(), member.unticked(), member.ticksPerDay(), Map.of(), member.occurredAt(),
                        member.position()))
                .toList());
    }
}
