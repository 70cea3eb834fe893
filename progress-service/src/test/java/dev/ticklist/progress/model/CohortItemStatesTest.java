package dev.ticklist.progress.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.events.cohort.CohortMembersChanged.Member;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Items in progress and skipped in a cohort (tea v1: brew {kettle: fill, boil}, serve {cups:
 * pour}, later {someday: nothing}): each learner is measured against their own items to do.
 */
class CohortItemStatesTest {

    private final CohortScenario cohort = new CohortScenario();

    @Test
    void aSkippedItemLeavesTheLearnersSizesAndCountsApart() {
        cohort.record(cohort.joined("ada", "fill"));

        cohort.record(cohort.skipped("ada", "boil"));

        assertThat(cohort.row("ada")).contains(entry("I:boil", "s"), entry("LS:brew", "1"), entry("CS:kettle", "1"),
                entry("TS", "2"), entry("L:brew", "1"));
        assertThat(cohort.numbers()).contains(entry("IS:boil", 1L), entry("L:brew:finished", 1L),
                entry("L:brew:sum", 10000L), entry("T:sum", 5000L)).doesNotContainKey("I:boil");
    }

    @Test
    void anItemInProgressCountsApartAndChangesNoPercent() {
        cohort.record(cohort.joined("ada"));
        var before = cohort.numbers();

        cohort.record(cohort.started("ada", "fill"));

        assertThat(cohort.row("ada")).contains(entry("I:fill", "p"));
        var after = cohort.numbers();
        after.remove("IP:fill");
        assertThat(after).isEqualTo(before);
        assertThat(cohort.numbers()).contains(entry("IP:fill", 1L));
    }

    @Test
    void aLearnerWhoSkipsAWholeLevelIsNotCountedInIt() {
        cohort.record(cohort.joined("ada"));

        cohort.record(cohort.skipped("ada", "fill", "boil"));

        assertThat(cohort.numbers()).doesNotContainKeys("L:brew:learners", "C:kettle:learners")
                .contains(entry("L:serve:learners", 1L), entry("T:learners", 1L), entry("IS:fill", 1L),
                        entry("IS:boil", 1L));
    }

    @Test
    void tickingASkippedItemPutsItBackInTheSizesAndCountsItDone() {
        cohort.record(cohort.joined("ada", "fill"));
        cohort.record(cohort.skipped("ada", "boil"));

        cohort.record(cohort.ticked("ada", "boil"));

        assertThat(cohort.row("ada")).contains(entry("I:boil", "1"), entry("LS:brew", "2"), entry("L:brew", "2"),
                entry("TS", "3"));
        assertThat(cohort.numbers()).contains(entry("I:boil", 1L), entry("L:brew:finished", 1L))
                .doesNotContainKey("IS:boil");
    }

    @Test
    void aJoinWithItemsInEveryStateBuildsTheRowWithTheLearnersOwnSizes() {
        cohort.record(new Member("ada", Checklists.TEA, 1, 3, CohortMembersChanged.MEMBER, true, List.of("fill"),
                List.of(), List.of("pour"), List.of("boil"), Map.of(), Map.of(), CohortScenario.AT, "0-3"));

        assertThat(cohort.row("ada")).contains(entry("I:fill", "1"), entry("I:pour", "p"), entry("I:boil", "s"),
                entry("LS:brew", "1"), entry("TS", "2"), entry("T", "1"));
        assertThat(cohort.numbers()).contains(entry("L:brew:finished", 1L), entry("IP:pour", 1L),
                entry("IS:boil", 1L));
    }
}
