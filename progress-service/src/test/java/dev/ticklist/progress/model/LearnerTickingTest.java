package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.ORG;
import static dev.ticklist.progress.model.Checklists.TEA;
import static dev.ticklist.progress.model.LearnerScenario.LEARNER;
import static dev.ticklist.progress.model.LearnerScenario.given;
import static dev.ticklist.progress.model.LearnerScenario.join;
import static dev.ticklist.progress.model.LearnerScenario.tick;
import static dev.ticklist.progress.model.LearnerScenario.untick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.milestone.ChecklistCompleted;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.LevelReopened;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ticks, unticks and the levels and checklist they finish or reopen (tea v1: brew {fill, boil}, serve {pour}). */
class LearnerTickingTest {

    @Test
    void tickingAnItemRecordsItsTimeAndTellsTheCohort() {
        var then = given(join("north", 1)).when(tick("north", "fill"));

        assertThat(then.progress(1).ticked()).containsExactly(Map.entry("fill", then.time()));
        assertThat(then.progress(1).tickedIn("brew")).isEqualTo(1);
        assertThat(then.changes()).containsExactly("north ticked tea@1 fill");
        assertThat(then.milestones()).isEmpty();
        assertThat(then.state().newTimeline()).containsExactly(then.time() + "\tticked\ttea@1\tfill");
    }

    @Test
    void untickingAnItemForgetsItAndTellsTheCohort() {
        var then = given(join("north", 1), tick("north", "fill")).when(untick("north", "fill"));

        assertThat(then.progress(1).ticked()).isEmpty();
        assertThat(then.progress(1).tickedIn("brew")).isZero();
        assertThat(then.changes()).containsExactly("north unticked tea@1 fill");
        assertThat(then.state().newTimeline()).containsExactly(then.time() + "\tunticked\ttea@1\tfill");
        assertThat(then.state().newTicksPerDay()).isEmpty();
    }

    @Test
    void tickingATickedItemAgainChangesNothing() {
        var scenario = given(join("north", 1), tick("north", "fill"));
        long firstTick = scenario.state().version("tea@1").tickedAt("fill");

        var then = scenario.when(tick("north", "fill"));

        assertThat(then.effects().isEmpty()).isTrue();
        assertThat(then.progress(1).ticked()).containsExactly(Map.entry("fill", firstTick));
        assertThat(then.progress(1).tickedIn("brew")).isEqualTo(1);
        assertThat(then.state().newTimeline()).isEmpty();
        assertThat(then.state().newTicksPerDay()).isEmpty();
        assertThat(then.progress(1).changedItems()).isEmpty();
    }

    @Test
    void untickingAnUntickedItemChangesNothing() {
        var then = given(join("north", 1)).when(untick("north", "fill"));

        assertThat(then.effects().isEmpty()).isTrue();
        assertThat(then.progress(1).tickedIn("brew")).isZero();
        assertThat(then.state().newTimeline()).isEmpty();
    }

    @Test
    void tickingTheLastItemOfALevelFinishesItAndSaysSo() {
        var then = given(join("north", 1), tick("north", "fill")).when(tick("north", "boil"));

        assertThat(then.progress(1).finishedAt("brew")).isEqualTo(then.time());
        assertThat(then.progress(1).checklistFinishedAt()).isNull();
        assertThat(then.milestones()).containsExactly(new LevelCompleted(ORG, "north", LEARNER, TEA, 1, "brew", 2));
        assertThat(then.milestoneIds()).containsExactly(
                CausedMilestone.idOf("level-completed", then.activity().eventId()));
    }

    @Test
    void untickingAnItemOfAFinishedLevelReopensItAndSaysSo() {
        var then = given(join("north", 1), tick("north", "fill"), tick("north", "boil"))
                .when(untick("north", "fill"));

        assertThat(then.progress(1).finishedAt("brew")).isNull();
        assertThat(then.progress(1).tickedIn("brew")).isEqualTo(1);
        assertThat(then.milestones()).containsExactly(new LevelReopened(ORG, "north", LEARNER, TEA, 1, "brew", 2));
        assertThat(then.milestoneIds()).containsExactly(
                CausedMilestone.idOf("level-reopened", then.activity().eventId()));
    }

    @Test
    void finishingEveryLevelWithItemsFinishesTheChecklistAndSaysSo() {
        // "later" has no items: it does not hold the checklist back.
        var then = given(join("north", 1), tick("north", "fill"), tick("north", "boil"))
                .when(tick("north", "pour"));

        assertThat(then.progress(1).finishedAt("serve")).isEqualTo(then.time());
        assertThat(then.progress(1).checklistFinishedAt()).isEqualTo(then.time());
        assertThat(then.milestones()).containsExactly(
                new LevelCompleted(ORG, "north", LEARNER, TEA, 1, "serve", 1),
                new ChecklistCompleted(ORG, "north", LEARNER, TEA, 1, 3));
        assertThat(then.milestoneIds()).containsExactly(
                CausedMilestone.idOf("level-completed", then.activity().eventId()),
                CausedMilestone.idOf("checklist-completed", then.activity().eventId()));
    }

    @Test
    void reopeningALevelReopensTheChecklistAndFinishingItAgainSaysSoAgain() {
        var scenario = given(join("north", 1), tick("north", "fill"), tick("north", "boil"), tick("north", "pour"));

        var reopened = scenario.when(untick("north", "boil"));
        assertThat(reopened.progress(1).checklistFinishedAt()).isNull();
        assertThat(reopened.milestones()).containsExactly(new LevelReopened(ORG, "north", LEARNER, TEA, 1, "brew", 2));

        var finished = scenario.when(tick("north", "boil"));
        assertThat(finished.progress(1).checklistFinishedAt()).isEqualTo(finished.time());
        assertThat(finished.milestones()).containsExactly(
                new LevelCompleted(ORG, "north", LEARNER, TEA, 1, "brew", 2),
                new ChecklistCompleted(ORG, "north", LEARNER, TEA, 1, 3));
    }

    @Test
    void milestoneIdsAreStableForTheSameCausingEventAndDifferForAnother() {
        // The same stream folded twice (a replay) gives the same ids; finishing again gives new ones.
        var first = given(join("north", 1), tick("north", "fill")).when(tick("north", "boil"));
        var replayed = given(join("north", 1), tick("north", "fill")).when(tick("north", "boil"));
        assertThat(replayed.activity().eventId()).isEqualTo(first.activity().eventId());
        assertThat(replayed.milestoneIds()).isEqualTo(first.milestoneIds());

        var scenario = given(join("north", 1), tick("north", "fill"), tick("north", "boil"), untick("north", "boil"));
        var again = scenario.when(tick("north", "boil"));
        assertThat(again.milestones()).isEqualTo(first.milestones());
        assertThat(again.milestoneIds()).doesNotContainAnyElementsOf(first.milestoneIds());
    }

    @Test
    void anEventAtOrBelowTheAppliedOffsetChangesNothing() {
        var scenario = given(join("north", 1), tick("north", "fill"));
        long applied = scenario.state().applied();
        Instant now = Instant.parse("2026-03-05T10:00:00Z");

        var redelivered = scenario.when(
                new LearnerActivity("evt-" + applied, 0, applied, now, untick("north", "fill")));
        var older = scenario.when(new LearnerActivity("evt-old", 0, applied - 1, now, tick("north", "boil")));

        assertThat(redelivered.effects().isEmpty()).isTrue();
        assertThat(older.effects().isEmpty()).isTrue();
        assertThat(scenario.state().applied()).isEqualTo(applied);
        assertThat(scenario.state().version("tea@1").ticked()).containsOnlyKeys("fill");
        assertThat(scenario.state().isDirty()).isFalse();
        assertThat(scenario.state().newTimeline()).isEmpty();
    }

    @Test
    void theTimelineListsEveryChangeAndTicksAreCountedPerUtcDay() {
        var scenario = given(join("north", 1));
        var lateOnMonday = scenario.when(Instant.parse("2026-03-02T23:30:00Z"), tick("north", "fill"));
        var earlyOnTuesday = scenario.when(Instant.parse("2026-03-03T00:10:00Z"), tick("north", "boil"));
        var untick = scenario.when(Instant.parse("2026-03-03T08:00:00Z"), untick("north", "boil"));
        var again = scenario.when(Instant.parse("2026-03-03T09:00:00Z"), tick("north", "boil"));
        scenario.when(Instant.parse("2026-03-03T09:30:00Z"), tick("north", "boil")); // a no-op: not counted

        assertThat(scenario.state().newTimeline()).containsExactly(
                lateOnMonday.time() + "\tticked\ttea@1\tfill",
                earlyOnTuesday.time() + "\tticked\ttea@1\tboil",
                untick.time() + "\tunticked\ttea@1\tboil",
                again.time() + "\tticked\ttea@1\tboil");
        assertThat(scenario.state().newTicksPerDay()).containsExactly(
                Map.entry(LocalDate.parse("2026-03-02").toEpochDay(), 1),
                Map.entry(LocalDate.parse("2026-03-03").toEpochDay(), 2));
    }
}
