package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.ORG;
import static dev.ticklist.progress.model.Checklists.TEA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.milestone.CohortLevelThresholdReached;
import org.junit.jupiter.api.Test;

/** The share of a cohort's learners who finished a level, against thresholds of 50 % and 100 %. */
class CohortThresholdsTest {

    private final CohortScenario cohort = new CohortScenario();

    @Test
    void aThresholdIsReachedOnceForgottenBelowItAndReachedAgainAsANewOccurrence() {
        cohort.record(cohort.joined("ada"), cohort.joined("bob"));

        var adaFinishes = cohort.record(cohort.ticked("ada", "fill", "boil"));
        assertThat(adaFinishes).extracting(CausedMilestone::event)
                .containsExactly(new CohortLevelThresholdReached(ORG, "north", TEA, 1, "brew", 50, 1, 2));
        assertThat(adaFinishes).extracting(CausedMilestone::id).containsExactly(occurrence(50, 1));

        var bobFinishes = cohort.record(cohort.ticked("bob", "fill", "boil"));
        assertThat(bobFinishes).extracting(CausedMilestone::event)
                .containsExactly(new CohortLevelThresholdReached(ORG, "north", TEA, 1, "brew", 100, 2, 2));

        assertThat(cohort.record(cohort.unticked("ada", "boil"))).isEmpty();
        assertThat(cohort.state.aggregates()).containsEntry("R:brew:50", 1L).doesNotContainKey("R:brew:100");

        assertThat(cohort.record(cohort.unticked("bob", "boil"))).isEmpty();
        assertThat(cohort.state.aggregates()).doesNotContainKeys("R:brew:50", "R:brew:100");

        var adaAgain = cohort.record(cohort.ticked("ada", "boil"));
        assertThat(adaAgain).extracting(CausedMilestone::event)
                .containsExactly(new CohortLevelThresholdReached(ORG, "north", TEA, 1, "brew", 50, 1, 2));
        assertThat(adaAgain).extracting(CausedMilestone::id).containsExactly(occurrence(50, 2))
                .doesNotContain(occurrence(50, 1));
        assertThat(cohort.state.aggregates()).containsEntry("RN:brew:50", 2L).containsEntry("RN:brew:100", 1L);
    }

    @Test
    void aLearnerJoiningCanTakeTheShareBelowAThreshold() {
        var alone = cohort.record(cohort.joined("ada", "fill", "boil"));
        assertThat(alone).extracting(CausedMilestone::event).containsExactly(
                new CohortLevelThresholdReached(ORG, "north", TEA, 1, "brew", 50, 1, 1),
                new CohortLevelThresholdReached(ORG, "north", TEA, 1, "brew", 100, 1, 1));

        assertThat(cohort.record(cohort.joined("bob"))).isEmpty();
        assertThat(cohort.state.aggregates()).containsEntry("R:brew:50", 1L).doesNotContainKey("R:brew:100");
    }

    @Test
    void aLevelNobodyCanFinishReachesNothing() {
        cohort.record(cohort.joined("ada", "fill", "boil", "pour"));

        assertThat(cohort.state.aggregates()).doesNotContainKeys("R:later:50", "R:later:100");
    }

    private static String occurrence(int threshold, int times) {
        return CausedMilestone.idOf("cohort-threshold", ORG + "/north:brew:" + threshold + ":" + times);
    }
}
