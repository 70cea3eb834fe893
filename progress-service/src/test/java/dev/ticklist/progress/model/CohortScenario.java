package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.ORG;
import static dev.ticklist.progress.model.Checklists.TEA;
import static dev.ticklist.progress.model.Checklists.VERSIONS;

import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.events.cohort.CohortMembersChanged.Member;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records of cohort "north"'s stream applied to its state, thresholds 50 % and 100 %. Each record
 * gets the next offset; each member built here the next sequence, on "tea" v1 unless said.
 */
final class CohortScenario {

    static final List<Integer> THRESHOLDS = List.of(50, 100);
    static final String MONDAY = "2026-03-02";
    static final Instant AT = Instant.parse(MONDAY + "T10:00:00Z");

    final CohortState state = new CohortState(ORG, "north", -1);
    private long offset = -1;
    private long sequence = 1;

    List<CausedMilestone> record(Member... members) {
        return recordAt(offset + 1, members);
    }

    List<CausedMilestone> recordAt(long at, Member... members) {
        offset = Math.max(offset, at);
        return CohortModel.apply(state, at, new CohortMembersChanged(ORG, "north", "g1", List.of(members)), VERSIONS,
                THRESHOLDS);
    }

    /**
     * The counts that are not zero (a count back at zero is as good as none), without the
     * thresholds ({@code R:}, {@code RN:}), which {@link CohortThresholdsTest} is about.
     */
    Map<String, Long> numbers() {
        var numbers = new TreeMap<String, Long>();
        state.aggregates().forEach((field, value) -> {
            if (value != 0 && !field.startsWith("R")) {
                numbers.put(field, value);
            }
        });
        return numbers;
    }

    Map<String, String> row(String learner) {
        return state.storedRow(learner).fields();
    }

    Member joined(String learner, String... items) {
        return member(learner, 1, CohortMembersChanged.MEMBER, true, List.of(items), List.of(), Map.of());
    }

    Member moved(String learner, int version, String... items) {
        return member(learner, version, CohortMembersChanged.MEMBER, true, List.of(items), List.of(), Map.of());
    }

    Member ticked(String learner, String... items) {
        return member(learner, 1, CohortMembersChanged.MEMBER, false, List.of(items), List.of(),
                Map.of(MONDAY, items.length));
    }

    Member unticked(String learner, String... items) {
        return member(learner, 1, CohortMembersChanged.MEMBER, false, List.of(), List.of(items), Map.of());
    }

    Member started(String learner, String... items) {
        sequence += 2;
        return new Member(learner, TEA, 1, sequence, CohortMembersChanged.MEMBER, false, List.of(), List.of(),
                List.of(items), List.of(), Map.of(), Map.of(), AT, "0-" + sequence);
    }

    Member skipped(String learner, String... items) {
        sequence += 2;
        return new Member(learner, TEA, 1, sequence, CohortMembersChanged.MEMBER, false, List.of(), List.of(),
                List.of(), List.of(items), Map.of(), Map.of(), AT, "0-" + sequence);
    }

    Member left(String learner) {
        return member(learner, 1, CohortMembersChanged.LEFT, false, List.of(), List.of(), Map.of());
    }

    Member member(String learner, int version, String standing, boolean reset, List<String> ticked,
                  List<String> unticked, Map<String, Integer> ticksPerDay) {
        sequence += 2;
        return new Member(learner, TEA, version, sequence, standing, reset, ticked, unticked, ticksPerDay, Map.of(),
                AT, "0-" + sequence);
    }

    static Member withSequence(Member member, long sequence) {
        return new Member(member.learnerId(), member.checklistId(), member.checklistVersion(), sequence,
                member.standing(), member.reset(), member.ticked(), member.unticked(), member.ticksPerDay(),
                member.levelsFinishedAt(), member.occurredAt(), member.position());
    }

    static Member withTicksPerDay(Member member, Map<String, Integer> ticksPerDay) {
        return new Member(member.learnerId(), member.checklistId(), member.checklistVersion(), member.sequence(),
                member.standing(), member.reset(), member.ticked(), member.unticked(), ticksPerDay,
                member.levelsFinishedAt(), member.occurredAt(), member.position());
    }
}
