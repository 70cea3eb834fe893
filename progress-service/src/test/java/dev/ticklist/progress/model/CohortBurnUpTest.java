package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.ORG;
import static dev.ticklist.progress.model.Checklists.TEA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.activity.LearnerLeftCohort;
import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.events.Superseded;
import dev.ticklist.events.cohort.CohortMembersChangedV1;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The burn-up's weekly counts ({@code W:<level>:<monday>}): each member whose level is finished
 * counts once, in the week they finished it, whatever records the changes were netted into
 * (tea v1: brew {fill, boil}, serve {pour}; v2: brew {fill}, serve {pour, stir}).
 */
class CohortBurnUpTest {

    /** Mondays of three weeks in a row. */
    private static final String WEEK_1 = "2026-03-02";
    private static final String WEEK_2 = "2026-03-09";
    private static final String WEEK_3 = "2026-03-16";

    private final List<LearnerActivity> stream = new ArrayList<>();

    @Test
    void aFinishedLevelCountsInTheWeekItsLastItemWasTicked() {
        at("2026-03-02T09:00:00Z", tick("ada", "fill"));
        at("2026-03-10T09:00:00Z", tick("ada", "boil"));
        at("2026-03-11T09:00:00Z", tick("bob", "pour"));

        assertThat(weeks(everyChunkSize())).containsOnly(
                entry("W:brew:" + WEEK_2, 1L), entry("W:serve:" + WEEK_2, 1L));
    }

    @Test
    void aReopenedLevelLeavesTheBurnUpUntilFinishedAgainInTheWeekOfTheNewFinish() {
        at("2026-03-02T09:00:00Z", tick("ada", "fill"));
        at("2026-03-03T09:00:00Z", tick("ada", "boil"));
        at("2026-03-16T09:00:00Z", untick("ada", "boil"));
        assertThat(weeks(everyChunkSize())).isEmpty();

        // Reopened and finished again inside one record: the row's level never looked open.
        at("2026-03-17T09:00:00Z", tick("ada", "boil"));
        assertThat(weeks(everyChunkSize())).containsOnly(entry("W:brew:" + WEEK_3, 1L));
    }

    @Test
    void aLearnerWhoLeavesTakesTheirFinishedLevelsOutOfEveryWeek() {
        at("2026-03-02T09:00:00Z", tick("ada", "pour"));
        at("2026-03-09T09:00:00Z", tick("bob", "pour"));
        at("2026-03-16T09:00:00Z", new LearnerLeftCohort(ORG, "north", "ada", TEA, 1));

        assertThat(weeks(everyChunkSize())).containsOnly(entry("W:serve:" + WEEK_2, 1L));
    }

    @Test
    void aMoveCountsTheLevelsTheNewVersionFinishesByTheTimeOfTheirLastCarriedTick() {
        at("2026-03-02T09:00:00Z", tick("ada", "fill"));
        at("2026-03-09T09:00:00Z", tick("ada", "pour"));
        // v2's brew is fill alone, finished by its tick in week 1; serve gains "stir" and is open.
        at("2026-03-16T09:00:00Z", new LearnerChecklistAssigned(ORG, "north", "ada", TEA, 2, TEA, 1));

        assertThat(weeks(everyChunkSize())).containsOnly(entry("W:brew:" + WEEK_1, 1L));
    }

    @Test
    void aVersion1RecordSaysNothingOfFinishTimesSoItsFinishedLevelsCountInTheWeekOfItsLastEvent() {
        var joined = new CohortMembersChangedV1(ORG, "north", "g1", List.of(new CohortMembersChangedV1.Member("ada",
                TEA, 1, 3, CohortMembersChanged.MEMBER, true, List.of("fill", "boil"), List.of(), Map.of(),
                Instant.parse("2026-03-12T09:00:00Z"), "0-1")));
        var state = new CohortState(ORG, "north", -1);

        CohortModel.apply(state, 0, (CohortMembersChanged) Superseded.current(joined), Checklists.VERSIONS, List.of());

        assertThat(state.aggregates()).containsEntry("W:brew:" + WEEK_2, 1L);
    }

    private void at(String time, LearnerActivityEvent event) {
        int offset = stream.size();
        stream.add(new LearnerActivity("evt-" + offset, 0, offset, Instant.parse(time), event));
    }

    private static ItemTicked tick(String learner, String item) {
        return new ItemTicked(ORG, "north", learner, TEA, 1, item);
    }

    private static ItemUnticked untick(String learner, String item) {
        return new ItemUnticked(ORG, "north", learner, TEA, 1, item);
    }

    /** The weekly counts that are not zero, the same whether each change is a record or chunks of every size net them. */
    private Map<String, Long> weeks(List<List<Integer>> chunkings) {
        var changes = FoldedLearners.atOnce(stream).changes;
        var oneByOne = weeksOf(FoldedCohorts.oneRecordPerChange(changes));
        for (var chunkSizes : chunkings) {
            assertThat(weeksOf(FoldedCohorts.nettedPerChunk(changes, stream.size(), chunkSizes)))
                    .as("netted in chunks of %s", chunkSizes).isEqualTo(oneByOne);
        }
        return oneByOne;
    }

    private List<List<Integer>> everyChunkSize() {
        var sizes = new ArrayList<List<Integer>>();
        for (int size = 1; size <= stream.size(); size++) {
            sizes.add(List.of(size));
        }
        return sizes;
    }

    private static Map<String, Long> weeksOf(FoldedCohorts folded) {
        var weeks = new TreeMap<String, Long>();
        folded.cohorts.get("north").aggregates().forEach((field, count) -> {
            if (field.startsWith("W:") && count != 0) {
                weeks.put(field, count);
            }
        });
        return weeks;
    }
}
