package dev.ticklist.progress.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.cohort.CohortMembersChanged;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The two-phase aggregation: what learners' member changes do to their cohorts must not depend
 * on how they were netted into records. Threshold milestones may: a dip and recovery inside one
 * chunk is never seen, so the {@code RN:} counts and the milestones are left out.
 */
class CohortAggregationPropertiesTest {

    @Property(tries = 300)
    void changesAppliedOneRecordEachAddUpToWhatTheChunksNettedGive(
            @ForAll("streams") List<LearnerActivity> stream, @ForAll("chunkSizes") List<Integer> chunkSizes) {
        var changes = FoldedLearners.atOnce(stream).changes;

        assertThat(FoldedCohorts.oneRecordPerChange(changes).outcome())
                .isEqualTo(FoldedCohorts.nettedPerChunk(changes, stream.size(), chunkSizes).outcome());
    }

    @Property(tries = 300)
    void eventsAppliedOneRecordEachAddUpToWhatTheChunksNettedGive(
            @ForAll("streams") List<LearnerActivity> stream, @ForAll("chunkSizes") List<Integer> chunkSizes) {
        var changes = FoldedLearners.atOnce(stream).changes;

        assertThat(FoldedCohorts.nettedPerChunk(changes, stream.size(), List.of(1)).outcome())
                .isEqualTo(FoldedCohorts.nettedPerChunk(changes, stream.size(), chunkSizes).outcome());
    }

    /** "A cohort shows the progress of the version its member is on": the learner's own items there, in their states. */
    @Property(tries = 300)
    void everyCohortShowsItsMembersTicksOnTheVersionTheyAreOn(
            @ForAll("streams") List<LearnerActivity> stream, @ForAll("chunkSizes") List<Integer> chunkSizes) {
        var learners = FoldedLearners.atOnce(stream);
        var cohorts = FoldedCohorts.nettedPerChunk(learners.changes, stream.size(), chunkSizes);

        var expected = new TreeMap<String, String>();
        var shown = new TreeMap<String, String>();
        learners.states.forEach((learner, state) -> {
            state.memberships().forEach((cohort, version) -> expected.put(cohort + "/" + learner,
                    version + " " + statesOf(state.version(version))));
            for (String cohort : LearnerStreams.COHORTS) {
                var row = cohorts.row(cohort, learner);
                if (row != null && row.isCounted()) {
                    shown.put(cohort + "/" + learner, row.version() + " " + itemStates(row.fields()));
                }
            }
        });
        assertThat(shown).isEqualTo(expected);
    }

    /**
     * A member's row measures them as the learner model does: per level, items done against the
     * items less those they skipped, and finished exactly when the learner finished the level.
     */
    @Property(tries = 300)
    void everyRowCountsLevelsAsTheLearnerModelDoes(
            @ForAll("streams") List<LearnerActivity> stream, @ForAll("chunkSizes") List<Integer> chunkSizes) {
        var learners = FoldedLearners.atOnce(stream);
        var cohorts = FoldedCohorts.nettedPerChunk(learners.changes, stream.size(), chunkSizes);

        learners.states.forEach((learner, state) -> state.memberships().forEach((cohort, version) -> {
            var progress = state.version(version);
            var structure = Checklists.VERSIONS.of(version);
            var fields = cohorts.row(cohort, learner).fields();
            for (var level : structure.levelsInOrder()) {
                String at = cohort + "/" + learner + " " + level.id();
                int toDo = level.itemCount() - (progress == null ? 0 : progress.skippedIn(level.id()));
                assertThat(fields.get("L:" + level.id())).as(at + " done")
                        .isEqualTo(Integer.toString(progress == null ? 0 : progress.tickedIn(level.id())));
                assertThat(fields.get("LS:" + level.id())).as(at + " size").isEqualTo(Integer.toString(toDo));
                assertThat(fields.containsKey("F:" + level.id())).as(at + " finished")
                        .isEqualTo(progress != null && progress.finishedAt(level.id()) != null);
            }
        }));
    }

    /** Step by step, the aggregates stay what the rows add up to when counted afresh. */
    @Property(tries = 300)
    void theAggregatesAreWhatTheRowsAddUpTo(
            @ForAll("streams") List<LearnerActivity> stream, @ForAll("chunkSizes") List<Integer> chunkSizes) {
        var cohorts = FoldedCohorts.nettedPerChunk(FoldedLearners.atOnce(stream).changes, stream.size(), chunkSizes);

        cohorts.cohorts.forEach((cohort, state) -> {
            var afresh = new CohortState(Checklists.ORG, cohort, -1);
            var members = new ArrayList<CohortMembersChanged.Member>();
            state.rowFields().forEach((learner, fields) -> {
                var row = state.storedRow(learner);
                if (row.isCounted()) {
                    String version = row.version();
                    members.add(new CohortMembersChanged.Member(learner, version.substring(0, version.indexOf('@')),
                            Integer.parseInt(version.substring(version.indexOf('@') + 1)), 1,
                            CohortMembersChanged.MEMBER, true, List.copyOf(items(fields, "1")), List.of(),
                            List.copyOf(items(fields, "p")), List.copyOf(items(fields, "s")), Map.of(),
                            finishWeeks(fields), LearnerStreams.START, "0-0"));
                }
            });
            CohortModel.apply(afresh, 0, new CohortMembersChanged(Checklists.ORG, cohort, "g1", members),
                    Checklists.VERSIONS, FoldedCohorts.THRESHOLDS);
            assertThat(counts(state)).as(cohort).isEqualTo(counts(afresh));
        });
    }

    /** The aggregates but the thresholds, without those back at zero. */
    private static Map<String, Long> counts(CohortState state) {
        var counts = new TreeMap<String, Long>();
        state.aggregates().forEach((field, value) -> {
            if (value != 0 && !field.startsWith("R")) {
                counts.put(field, value);
            }
        });
        return counts;
    }

    /** The row's items in one state: {@code 1} done, {@code p} in progress, {@code s} skipped. */
    private static TreeSet<String> items(Map<String, String> rowFields, String itemState) {
        var items = new TreeSet<String>();
        rowFields.forEach((field, value) -> {
            if (field.startsWith("I:") && value.equals(itemState)) {
                items.add(field.substring(2));
            }
        });
        return items;
    }

    private static String itemStates(Map<String, String> rowFields) {
        return "done " + items(rowFields, "1") + " started " + items(rowFields, "p") + " skipped "
                + items(rowFields, "s");
    }

    private static String statesOf(VersionProgress progress) {
        var started = new TreeSet<String>();
        var skipped = new TreeSet<String>();
        progress.marked().forEach((item, state) -> (state.isSkipped() ? skipped : started).add(item));
        return "done " + new TreeSet<>(progress.ticked().keySet()) + " started " + started + " skipped " + skipped;
    }

    /** The row's finished levels, each at the Monday of the week it counts in. */
    private static Map<String, Instant> finishWeeks(Map<String, String> rowFields) {
        var weeks = new TreeMap<String, Instant>();
        rowFields.forEach((field, week) -> {
            if (field.startsWith("F:")) {
                weeks.put(field.substring(2), LocalDate.parse(week).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        });
        return weeks;
    }

    @Provide
    Arbitrary<List<LearnerActivity>> streams() {
        return LearnerStreams.streams();
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return LearnerStreams.chunkSizes();
    }
}
