package dev.ticklist.events.cohort;

import dev.ticklist.events.EventType;
import dev.ticklist.events.Superseded;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Version 2 of {@link CohortMembersChanged}: the same net changes when items could only be
 * ticked or unticked. Still read; {@link #upcast()} turns it into the current version.
 *
 * @param generation the projection generation that derived it: a rebuild beside the live
 *                   projections derives the same changes again, for its own cohort projections
 */
@EventType("dev.ticklist.cohort.members-changed.v2")
public record CohortMembersChangedV2(
        String organisationId,
        String cohortId,
        String generation,
        List<Member> members) implements Superseded<CohortMembersChanged> {

    public CohortMembersChangedV2 {
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

    /**
     * The same change in version 2, if it says nothing version 2 cannot: no item started or
     * skipped. Writers use it so that replicas of a release before item states, still running
     * during a rolling update, can read what a newer one writes until states are used.
     */
    public static Optional<CohortMembersChangedV2> of(CohortMembersChanged current) {
        if (current.members().stream().anyMatch(member -> !member.started().isEmpty() || !member.skipped().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new CohortMembersChangedV2(current.organisationId(), current.cohortId(),
                current.generation(), current.members().stream()
                .map(member -> new Member(member.learnerId(), member.checklistId(), member.checklistVersion(),
                        member.sequence(), member.standing(), member.reset(), member.ticked(), member.unticked(),
                        member.ticksPerDay(), member.levelsFinishedAt(), member.occurredAt(), member.position()))
                .toList()));
    }

    /** Version 2 knew no item in progress or skipped. */
    @Override
    public CohortMembersChanged upcast() {
        return new CohortMembersChanged(organisationId, cohortId, generation, members.stream()
                .map(member -> new CohortMembersChanged.Member(member.learnerId(), member.checklistId(),
                        member.checklistVersion(), member.sequence(), member.standing(), member.reset(),
                        member.ticked(), member.unticked(), List.of(), List.of(), member.ticksPerDay(),
                        member.levelsFinishedAt(), member.occurredAt(), member.position()))
                .toList());
    }
}
