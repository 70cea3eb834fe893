package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.ORG;
import static dev.ticklist.progress.model.Checklists.TEA;
import static dev.ticklist.progress.model.LearnerScenario.LEARNER;
import static dev.ticklist.progress.model.LearnerScenario.evidence;
import static dev.ticklist.progress.model.LearnerScenario.given;
import static dev.ticklist.progress.model.LearnerScenario.join;
import static dev.ticklist.progress.model.LearnerScenario.move;
import static dev.ticklist.progress.model.LearnerScenario.tick;
import static dev.ticklist.progress.model.LearnerScenario.untick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.events.activity.ItemStarted;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.TickEvidence;
import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.LevelReopened;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Items in progress and skipped (tea v1: brew {fill, boil}, serve {pour}, later {nothing};
 * v2: brew {fill}, serve {pour, stir}).
 */
class LearnerItemStatesTest {

    private static final String REPO = "https://github.com/ada/kettle";

    @Test
    void aStartedItemIsInProgressAndCountsAsNothingDone() {
        var then = given(join("north", 1)).when(start("north", "fill"));

        assertThat(then.progress(1).state("fill")).isEqualTo(ItemState.IN_PROGRESS);
        assertThat(then.progress(1).tickedIn("brew")).isZero();
        assertThat(then.progress(1).changedStates()).containsExactly("fill");
        assertThat(then.milestones()).isEmpty();
        assertThat(then.changes()).containsExactly("north started tea@1 fill");
    }

    @Test
    void aTickOfAnItemInProgressMakesItDoneAndNoLongerInProgress() {
        var then = given(join("north", 1), start("north", "fill")).when(tick("north", "fill"));

        assertThat(then.progress(1).state("fill")).isEqualTo(ItemState.DONE);
        assertThat(then.progress(1).marked()).isEmpty();
        assertThat(then.progress(1).changedStates()).containsExactly("fill");
        assertThat(then.progress(1).tickedIn("brew")).isEqualTo(1);
    }

    @Test
    void skippingTheLastOpenItemFinishesTheLevelAndTheMilestoneNamesTheSkippedItemWithItsReason() {
        var then = given(join("north", 1), tick("north", "fill")).when(skip("north", "boil", "we use a tap"));

        assertThat(then.progress(1).state("boil")).isEqualTo(ItemState.skipped("we use a tap"));
        assertThat(then.progress(1).skippedIn("brew")).isEqualTo(1);
        assertThat(then.progress(1).finishedAt("brew")).isEqualTo(then.time());
        assertThat(then.milestones()).containsExactly(new LevelCompleted(ORG, "north", LEARNER, TEA, 1, "brew", 2,
                List.of(new LevelCompleted.SkippedItem("boil", "we use a tap")), List.of()));
    }

    @Test
    void aLevelWhoseEveryItemIsSkippedIsNotFinishedButNoLongerHoldsTheChecklistBack() {
        var then = given(join("north", 1), tick("north", "pour"), skip("north", "fill", null))
                .when(skip("north", "boil", null));

        assertThat(then.progress(1).finishedAt("brew")).as("nothing done in it").isNull();
        assertThat(then.progress(1).checklistFinishedAt()).isEqualTo(then.time());
        assertThat(then.milestones()).containsExactly(new ChecklistCompleted(ORG, "north", LEARNER, TEA, 1, 3));
    }

    @Test
    void skippingADoneItemUndoesItAndTheLevelStaysFinishedWhileAnotherItemIsDone() {
        var then = given(join("north", 1), tick("north", "fill"), tick("north", "boil"))
                .when(skip("north", "boil", "not needed"));

        assertThat(then.progress(1).isTicked("boil")).isFalse();
        assertThat(then.progress(1).tickedIn("brew")).isEqualTo(1);
        assertThat(then.progress(1).skippedIn("brew")).isEqualTo(1);
        assertThat(then.progress(1).finishedAt("brew")).isNotNull();
        assertThat(then.milestones()).as("still finished: nothing to say").isEmpty();
        assertThat(then.changes()).containsExactly("north skipped tea@1 boil");
    }

    @Test
    void unskippingAnItemOfAFinishedLevelReopensIt() {
        var then = given(join("north", 1), tick("north", "fill"), skip("north", "boil", null))
                .when(start("north", "boil"));

        assertThat(then.progress(1).finishedAt("brew")).isNull();
        assertThat(then.progress(1).skippedIn("brew")).isZero();
        assertThat(then.milestones()).containsExactly(new LevelReopened(ORG, "north", LEARNER, TEA, 1, "brew", 2));
    }

    @Test
    void anUntickTakesAnyStateBackToNotStarted() {
        var then = given(join("north", 1), skip("north", "boil", "later")).when(untick("north", "boil"));

        assertThat(then.progress(1).state("boil")).isEqualTo(ItemState.NOT_STARTED);
        assertThat(then.progress(1).skippedIn("brew")).isZero();
        assertThat(then.changes()).containsExactly("north unticked tea@1 boil");
    }

    @Test
    void skippingASkippedItemAgainChangesOnlyItsReason() {
        var then = given(join("north", 1), skip("north", "boil", "later")).when(skip("north", "boil", "never"));

        assertThat(then.progress(1).state("boil")).isEqualTo(ItemState.skipped("never"));
        assertThat(then.progress(1).skippedIn("brew")).isEqualTo(1);
        assertThat(then.progress(1).changedStates()).containsExactly("boil");
        assertThat(then.milestones()).isEmpty();
        assertThat(then.changes()).as("no cohort counts a reason").isEmpty();
        assertThat(then.state().newTimeline()).as("no new entry").isEmpty();
    }

    @Test
    void skippingOrStartingADoneItemDropsItsEvidence() {
        var then = given(join("north", 1), tick("north", "fill"), evidence("north", "fill", REPO, "done"))
                .when(skip("north", "fill", "not for us"));

        assertThat(then.progress(1).evidence()).isEmpty();
        assertThat(then.progress(1).changedEvidence()).containsExactly("fill");
    }

    @Test
    void unskippingTheLastDoneItemOfALevelWhoseOtherItemsAreSkippedReopensItAndTheChecklistStaysUnfinished() {
        var then = given(join("north", 1), tick("north", "pour"), skip("north", "boil", null), tick("north", "fill"))
                .when(skip("north", "fill", null));

        assertThat(then.progress(1).finishedAt("brew")).as("every item skipped: nothing done").isNull();
        assertThat(then.progress(1).checklistFinishedAt()).as("brew no longer holds it back").isNotNull();
        assertThat(then.milestones()).containsExactly(new LevelReopened(ORG, "north", LEARNER, TEA, 1, "brew", 2));
    }

    @Test
    void startingAStartedItemChangesNothing() {
        var then = given(join("north", 1), start("north", "fill")).when(start("north", "fill"));

        assertThat(then.progress(1).changedStates()).isEmpty();
        assertThat(then.changes()).isEmpty();
    }

    @Test
    void evidenceGivenWithTheTickIsKeptAndTheLevelsMilestoneCarriesAllItsEvidence() {
        var then = given(join("north", 1), tick("north", "fill"), evidence("north", "fill", REPO, "first"))
                .when(new ItemTicked(ORG, "north", LEARNER, TEA, 1, "boil", new TickEvidence(null, "boiled twice")));

        assertThat(then.progress(1).evidence("boil")).isEqualTo(new Evidence(null, "boiled twice"));
        assertThat(then.milestones()).containsExactly(new LevelCompleted(ORG, "north", LEARNER, TEA, 1, "brew", 2,
                List.of(), List.of(new LevelCompleted.ItemEvidence("fill", REPO, "first"),
                        new LevelCompleted.ItemEvidence("boil", null, "boiled twice"))));
    }

    @Test
    void aTickWithEvidenceOfAnItemAlreadyDoneReplacesItsEvidence() {
        var then = given(join("north", 1), tick("north", "fill"))
                .when(new ItemTicked(ORG, "north", LEARNER, TEA, 1, "fill", new TickEvidence(REPO, null)));

        assertThat(then.progress(1).evidence()).containsExactly(Map.entry("fill", new Evidence(REPO, null)));
        assertThat(then.changes()).isEmpty();
    }

    @Test
    void aMoveCarriesStatesToTheItemsTheNewVersionHasAndCountsItsLevelsWithThem() {
        var then = given(join("north", 1), tick("north", "pour"), skip("north", "fill", "tap"),
                start("north", "boil")).when(move("north", 1, 2));

        assertThat(then.progress(2).marked()).containsExactly(Map.entry("fill", ItemState.skipped("tap")));
        assertThat(then.progress(2).skippedIn("brew")).isEqualTo(1);
        assertThat(then.progress(2).finishedAt("brew")).as("every item skipped: not finished").isNull();
        assertThat(then.changes()).containsExactly("north moved tea@2 [pour] skipped [fill]");
    }

    private static LearnerActivityEvent start(String cohort, String item) {
        return new ItemStarted(ORG, cohort, LEARNER, TEA, 1, item);
    }

    private static LearnerActivityEvent skip(String cohort, String item, String reason) {
        return new ItemSkipped(ORG, cohort, LEARNER, TEA, 1, item, reason);
    }
}
