package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.ORG;
import static dev.ticklist.progress.model.Checklists.TEA;
import static dev.ticklist.progress.model.Checklists.TEA_V1;
import static dev.ticklist.progress.model.Checklists.TEA_V2;
import static dev.ticklist.progress.model.LearnerScenario.LEARNER;
import static dev.ticklist.progress.model.LearnerScenario.given;
import static dev.ticklist.progress.model.LearnerScenario.join;
import static dev.ticklist.progress.model.LearnerScenario.leave;
import static dev.ticklist.progress.model.LearnerScenario.move;
import static dev.ticklist.progress.model.LearnerScenario.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.events.milestone.LevelReopened;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cohort moving to another checklist version (tea v1: brew {fill, boil}, serve {pour};
 * v2: brew {fill}, serve {pour, stir}).
 */
class LearnerMoveTest {

    @Test
    void aMoveCarriesTicksOverToTheItemsThereWithTheirTimes() {
        var scenario = given(join("north", 1), tick("north", "fill"), tick("north", "boil"));
        var v1 = Map.copyOf(scenario.state().version(TEA_V1).ticked());

        var then = scenario.when(move("north", 1, 2));

        assertThat(then.state().memberships()).isEqualTo(Map.of("north", TEA_V2));
        assertThat(then.progress(2).ticked()).containsExactly(Map.entry("fill", v1.get("fill")));
        assertThat(then.progress(1).ticked()).isEqualTo(v1);
        assertThat(then.changes()).containsExactly("north moved tea@2 [fill]");
        // brew was finished on v1 and is on v2: nothing to say; it finished with its last tick.
        assertThat(then.milestones()).isEmpty();
        assertThat(then.progress(2).finishedAt("brew")).isEqualTo(v1.get("fill"));
        assertThat(then.state().newTimeline()).isEmpty();
        assertThat(then.state().newTicksPerDay()).isEmpty();
    }

    @Test
    void aMoveThatRemovesTheOpenItemsOfALevelFinishesItAndSaysSo() {
        var scenario = given(join("north", 1), tick("north", "fill"));
        long filled = scenario.state().version(TEA_V1).tickedAt("fill");

        var then = scenario.when(move("north", 1, 2));

        assertThat(then.progress(2).finishedAt("brew")).isEqualTo(filled);
        assertThat(then.progress(2).tickedIn("brew")).isEqualTo(1);
        assertThat(then.milestones()).containsExactly(new LevelCompleted(ORG, "north", LEARNER, TEA, 2, "brew", 1));
        assertThat(then.milestoneIds()).containsExactly(
                CausedMilestone.idOf("level-completed:brew", then.activity().eventId()));
    }

    @Test
    void aMoveThatAddsAnItemToAFinishedLevelReopensItAndSaysSo() {
        var then = given(join("north", 1), tick("north", "pour")).when(move("north", 1, 2));

        assertThat(then.progress(2).finishedAt("serve")).isNull();
        assertThat(then.progress(2).tickedIn("serve")).isEqualTo(1);
        assertThat(then.milestones()).containsExactly(new LevelReopened(ORG, "north", LEARNER, TEA, 2, "serve", 2));
        assertThat(then.milestoneIds()).containsExactly(
                CausedMilestone.idOf("level-reopened:serve", then.activity().eventId()));
    }

    @Test
    void aMoveInACohortTheLearnerLeftChangesNothing() {
        var then = given(join("north", 1), tick("north", "fill"), leave("north", 1)).when(move("north", 1, 2));

        assertThat(then.effects().isEmpty()).isTrue();
        assertThat(then.state().memberships()).isEmpty();
        assertThat(then.state().versions()).doesNotContainKey(TEA_V2);
    }

    @Test
    void aMoveThatCarriesTicksIntoAVersionTellsTheOtherCohortsOnThatVersion() {
        // "A cohort shows the progress of the version its member is on": south is on v2, and
        // north's move puts fill into the learner's v2 progress, so south must hear of fill.
        var then = given(join("north", 1), join("south", 2), tick("north", "fill")).when(move("north", 1, 2));

        assertThat(then.progress(2).ticked()).containsOnlyKeys("fill");
        assertThat(then.changes())
                .as("the changes must tell south, which is on v2 too, that fill is ticked there")
                .anyMatch(change -> change.startsWith("south ") && change.contains("fill"));
    }
}
