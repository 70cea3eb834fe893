package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.ORG;
import static dev.ticklist.progress.model.Checklists.VERSIONS;

import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.progress.model.FoldedLearners.Change;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The second phase of the aggregation: learners' member changes applied to the cohorts'
 * projections, either one record per change or netted per chunk of the learner stream (one
 * {@link MemberNet} per cohort and learner, one record per cohort).
 */
final class FoldedCohorts {

    static final List<Integer> THRESHOLDS = List.of(50, 100);

    /**
     * What must not depend on how changes were netted: the aggregates that are not zero, without
     * the counts of threshold occurrences ({@code RN:}), the rows, and the ticks per day. Not the
     * version the view follows either: that is the last one a member was reset to, so with members
     * on two versions it depends on the order of members in a record.
     */
    record Outcome(Map<String, Map<String, Long>> aggregates, Map<String, Map<String, Map<String, String>>> rows,
                   Map<String, Map<Long, Integer>> ticksPerDay) {
    }

    final Map<String, CohortState> cohorts = new TreeMap<>();

    static FoldedCohorts oneRecordPerChange(List<Change> changes) {
        var fold = new FoldedCohorts();
        for (var change : changes) {
            var net = new MemberNet();
            net.add(change.change());
            fold.record(change.change().cohortId(), List.of(net.toMember(change.learner())));
        }
        return fold;
    }

    static FoldedCohorts nettedPerChunk(List<Change> changes, int steps, List<Integer> chunkSizes) {
        var fold = new FoldedCohorts();
        int next = 0;
        for (int[] chunk : FoldedLearners.chunks(steps, chunkSizes)) {
            var nets = new TreeMap<String, Map<String, MemberNet>>();
            for (; next < changes.size() && changes.get(next).step() < chunk[1]; next++) {
                var change = changes.get(next);
                nets.computeIfAbsent(change.change().cohortId(), cohort -> new LinkedHashMap<>())
                        .computeIfAbsent(change.learner(), learner -> new MemberNet()).add(change.change());
            }
            nets.forEach((cohort, members) -> fold.record(cohort, members.entrySet().stream()
                    .map(member -> member.getValue().toMember(member.getKey())).toList()));
        }
        return fold;
    }

    private void record(String cohort, List<CohortMembersChanged.Member> members) {
        var state = cohorts.computeIfAbsent(cohort, id -> new CohortState(ORG, id, -1));
        CohortModel.apply(state, state.applied() + 1, new CohortMembersChanged(ORG, cohort, "g1", members), VERSIONS,
                THRESHOLDS);
    }

    /** The learner's row in the cohort, null if the cohort never heard of them. */
    CohortRow row(String cohort, String learner) {
        var state = cohorts.get(cohort);
        return state == null ? null : state.storedRow(learner);
    }

    Outcome outcome() {
        var aggregates = new TreeMap<String, Map<String, Long>>();
        var rows = new TreeMap<String, Map<String, Map<String, String>>>();
        var ticksPerDay = new TreeMap<String, Map<Long, Integer>>();
        cohorts.forEach((cohort, state) -> {
            var numbers = new TreeMap<String, Long>();
            state.aggregates().forEach((field, value) -> {
                if (value != 0 && !field.startsWith("RN:")) {
                    numbers.put(field, value);
                }
            });
            aggregates.put(cohort, numbers);
            rows.put(cohort, new TreeMap<>(state.rowFields()));
            ticksPerDay.put(cohort, new TreeMap<>(state.newTicksPerDay()));
        });
        return new Outcome(aggregates, rows, ticksPerDay);
    }
}
