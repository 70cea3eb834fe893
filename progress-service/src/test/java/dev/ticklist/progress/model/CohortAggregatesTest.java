package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.CohortScenario.withSequence;
import static dev.ticklist.progress.model.CohortScenario.withTicksPerDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ticklist.events.cohort.CohortMembersChanged;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cohort's rows and aggregates (tea v1: brew {kettle: fill, boil}, serve {cups: pour}, later
 * {someday: nothing}; v2: brew {fill}, serve {pour, stir}).
 */
class CohortAggregatesTest {

    private final CohortScenario cohort = new CohortScenario();

    @Test
    void aJoinedLearnerCountsInEveryAggregateWithTheirRow() {
        var ada = cohort.joined("ada", "fill");
        cohort.record(ada);

        // Percents in basis points, rounded; buckets of 10 %; the empty level and category count nowhere.
        assertThat(cohort.numbers()).containsOnly(
                entry("L:brew:learners", 1L), entry("L:brew:sum", 5000L), entry("L:brew:b5", 1L),
                entry("L:serve:learners", 1L), entry("L:serve:b0", 1L),
                entry("C:kettle:learners", 1L), entry("C:kettle:sum", 5000L), entry("C:kettle:b5", 1L),
                entry("C:cups:learners", 1L), entry("C:cups:b0", 1L),
                entry("T:learners", 1L), entry("T:sum", 3333L), entry("T:b3", 1L),
                entry("I:fill", 1L));
        assertThat(cohort.row("ada")).containsOnly(
                entry("seq", Long.toString(ada.sequence())), entry("cv", "tea@1"), entry("TS", "3"), entry("T", "1"),
                entry("L:brew", "1"), entry("LS:brew", "2"), entry("L:serve", "0"), entry("LS:serve", "1"),
                entry("L:later", "0"), entry("LS:later", "0"),
                entry("C:kettle", "1"), entry("CS:kettle", "2"), entry("C:cups", "0"), entry("CS:cups", "1"),
                entry("C:someday", "0"), entry("CS:someday", "0"),
                entry("I:fill", "1"));
        assertThat(cohort.state.version()).isEqualTo("tea@1");
        assertThat(cohort.state.changedRows()).containsExactly("ada");
    }

    @Test
    void ticksAndUntickShiftTheLearnersSumAndBucket() {
        cohort.record(cohort.joined("ada"));

        cohort.record(cohort.ticked("ada", "fill"));
        assertThat(cohort.numbers()).contains(entry("L:brew:sum", 5000L), entry("L:brew:b5", 1L),
                entry("T:sum", 3333L), entry("T:b3", 1L), entry("I:fill", 1L)).doesNotContainKeys("L:brew:b0", "T:b0");

        cohort.record(cohort.ticked("ada", "boil"));
        assertThat(cohort.numbers()).contains(entry("L:brew:sum", 10000L), entry("L:brew:b9", 1L),
                entry("L:brew:finished", 1L), entry("C:kettle:finished", 1L), entry("T:sum", 6667L),
                entry("T:b6", 1L)).doesNotContainKeys("L:brew:b5", "T:b3", "T:finished");

        cohort.record(cohort.unticked("ada", "boil", "fill"));
        assertThat(cohort.numbers()).containsOnly(
                entry("L:brew:learners", 1L), entry("L:brew:b0", 1L), entry("L:serve:learners", 1L),
                entry("L:serve:b0", 1L), entry("C:kettle:learners", 1L), entry("C:kettle:b0", 1L),
                entry("C:cups:learners", 1L), entry("C:cups:b0", 1L), entry("T:learners", 1L), entry("T:b0", 1L));
        assertThat(cohort.row("ada")).containsEntry("T", "0").doesNotContainKeys("I:fill", "I:boil");
    }

    @Test
    void learnersAddUpAndItemsCountWhoTickedThem() {
        cohort.record(cohort.joined("ada", "fill", "boil", "pour"), cohort.joined("bob", "fill"));

        assertThat(cohort.numbers()).contains(
                entry("L:brew:learners", 2L), entry("L:brew:sum", 15000L), entry("L:brew:finished", 1L),
                entry("L:brew:b9", 1L), entry("L:brew:b5", 1L),
                entry("T:learners", 2L), entry("T:sum", 13333L), entry("T:finished", 1L),
                entry("I:fill", 2L), entry("I:boil", 1L), entry("I:pour", 1L));
    }

    @Test
    void aLeavingLearnerLeavesEveryAggregateAndKeepsOnlyTheSequence() {
        cohort.record(cohort.joined("ada", "fill", "pour"), cohort.joined("bob", "fill"));
        var adaLeaves = cohort.left("ada");

        cohort.record(adaLeaves);

        assertThat(cohort.row("ada")).containsOnly(entry("seq", Long.toString(adaLeaves.sequence())));
        assertThat(cohort.state.storedRow("ada").isCounted()).isFalse();
        assertThat(cohort.numbers()).contains(entry("L:brew:learners", 1L), entry("T:learners", 1L),
                entry("I:fill", 1L)).doesNotContainKeys("I:pour", "L:serve:finished", "T:b6");
    }

    @Test
    void aResetReplacesTheRowOnItsVersionAndDropsItemsTheVersionHasNot() {
        cohort.record(cohort.joined("ada", "fill", "boil"));

        // Moved to v2: boil is gone from the checklist, stir is new.
        cohort.record(cohort.moved("ada", 2, "fill", "boil", "pour"));

        assertThat(cohort.row("ada")).contains(entry("cv", "tea@2"), entry("TS", "3"), entry("T", "2"),
                entry("L:brew", "1"), entry("LS:brew", "1"), entry("L:serve", "1"), entry("LS:serve", "2"),
                entry("I:fill", "1"), entry("I:pour", "1")).doesNotContainKey("I:boil");
        assertThat(cohort.numbers()).contains(entry("L:brew:finished", 1L), entry("L:serve:sum", 5000L),
                entry("T:sum", 6667L), entry("I:fill", 1L), entry("I:pour", 1L)).doesNotContainKey("I:boil");
        assertThat(cohort.state.version()).isEqualTo("tea@2");
    }

    @Test
    void aChangeAtOrBelowTheRowsSequenceIsIgnored() {
        var joined = cohort.joined("ada");
        cohort.record(joined);

        cohort.record(withSequence(cohort.ticked("ada", "fill"), joined.sequence()));
        cohort.record(withSequence(cohort.ticked("ada", "boil"), joined.sequence() - 2));
        assertThat(cohort.numbers()).doesNotContainKeys("I:fill", "I:boil");
        assertThat(cohort.state.newTicksPerDay()).isEmpty();

        cohort.record(withSequence(cohort.ticked("ada", "pour"), joined.sequence() + 2));
        assertThat(cohort.numbers()).containsEntry("I:pour", 1L);
        assertThat(cohort.row("ada")).containsEntry("seq", Long.toString(joined.sequence() + 2));
    }

    @Test
    void aRecordAtOrBelowTheAppliedOffsetIsIgnored() {
        cohort.recordAt(5, cohort.joined("ada"));

        assertThat(cohort.recordAt(5, cohort.joined("bob", "fill", "boil"))).isEmpty();
        assertThat(cohort.recordAt(4, cohort.joined("cy", "fill", "boil"))).isEmpty();

        assertThat(cohort.state.applied()).isEqualTo(5);
        assertThat(cohort.state.hasRow("bob")).isFalse();
        assertThat(cohort.state.hasRow("cy")).isFalse();
        assertThat(cohort.numbers()).containsEntry("T:learners", 1L);
    }

    @Test
    void ticksPerDayAreCountedUnlessTheChangeWasSuperseded() {
        cohort.record(cohort.joined("ada"));
        cohort.record(withTicksPerDay(cohort.ticked("ada", "fill", "boil"), Map.of("2026-03-02", 2)));
        cohort.record(withTicksPerDay(cohort.ticked("ada", "pour"), Map.of("2026-03-02", 1, "2026-03-03", 1)));
        // A change on another version than the row's, not a reset: the learner moved on since.
        var stale = cohort.member("ada", 2, CohortMembersChanged.MEMBER, false, List.of("stir"), List.of(),
                Map.of("2026-03-04", 1));
        cohort.record(stale);

        assertThat(cohort.state.newTicksPerDay()).containsOnly(
                entry(LocalDate.parse("2026-03-02").toEpochDay(), 3),
                entry(LocalDate.parse("2026-03-03").toEpochDay(), 1));
        assertThat(cohort.numbers()).doesNotContainKey("I:stir");
        assertThat(cohort.row("ada")).containsEntry("seq", Long.toString(stale.sequence()));
    }
}
