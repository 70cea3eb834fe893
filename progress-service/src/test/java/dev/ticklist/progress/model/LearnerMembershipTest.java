package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.TEA_V1;
import static dev.ticklist.progress.model.Checklists.TEA_V2;
import static dev.ticklist.progress.model.LearnerScenario.given;
import static dev.ticklist.progress.model.LearnerScenario.join;
import static dev.ticklist.progress.model.LearnerScenario.leave;
import static dev.ticklist.progress.model.LearnerScenario.tick;
import static dev.ticklist.progress.model.LearnerScenario.untick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.cohort.CohortMembersChanged;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which cohorts a learner is in, and which of them hear of their activity. */
class LearnerMembershipTest {

    @Test
    void joiningACohortTellsItEverythingTickedOnTheVersion() {
        var then = given(join("north", 1), tick("north", "fill")).when(join("south", 1));

        assertThat(then.state().memberships()).isEqualTo(Map.of("north", TEA_V1, "south", TEA_V1));
        assertThat(then.changes()).containsExactly("south joined tea@1 [fill]");
        assertThat(then.state().membershipsChanged()).isTrue();
    }

    @Test
    void activityInACohortNotYetJoinedJoinsItOnTheEventsVersion() {
        // Streams older than membership events: the first tick is the join. The standing is
        // what was ticked before it; the tick follows as a change of its own.
        var then = given(tick("north", 2, "stir")).when(tick("south", 2, "pour"));

        assertThat(then.state().memberships()).isEqualTo(Map.of("north", TEA_V2, "south", TEA_V2));
        assertThat(then.changes()).containsExactly(
                "south joined tea@2 [stir]", "north ticked tea@2 pour", "south ticked tea@2 pour");
    }

    @Test
    void theChangesOfAnImplicitJoinCanEachBeAppliedToTheCohortOnItsOwn() {
        // Each change is a unit the cohort applies once, by its sequence. The join and the tick
        // come from one event; if they share a sequence, the cohort drops the tick.
        var then = given().when(tick("north", "fill"));
        var north = new CohortState(Checklists.ORG, "north", -1);
        long offset = 0;
        for (var change : then.effects().changes()) {
            var net = new MemberNet();
            net.add(change);
            CohortModel.apply(north, offset++, new CohortMembersChanged(Checklists.ORG, "north", "g1",
                    List.of(net.toMember("ada"))), Checklists.VERSIONS, List.of());
        }

        assertThat(north.storedRow("ada").fields()).as("north's row of ada").containsKey("I:fill");
    }

    @Test
    void anUntickInACohortNotYetJoinedJoinsItToo() {
        var then = given(tick("north", "fill")).when(untick("south", "fill"));

        assertThat(then.state().memberships()).containsOnlyKeys("north", "south");
        assertThat(then.changes()).containsExactly(
                "south joined tea@1 [fill]", "north unticked tea@1 fill", "south unticked tea@1 fill");
    }

    @Test
    void leavingACohortTellsItAndKeepsTheProgress() {
        var then = given(join("north", 1), tick("north", "fill")).when(leave("north", 1));

        assertThat(then.state().memberships()).isEmpty();
        assertThat(then.state().left()).containsExactly("north");
        assertThat(then.state().changedLeft()).containsExactly("north");
        assertThat(then.changes()).containsExactly("north left tea@1");
        assertThat(then.progress(1).ticked()).containsOnlyKeys("fill");
    }

    @Test
    void activityInALeftCohortIsNotCounted() {
        // A tick racing the withdrawal: it neither counts nor joins the learner again.
        var then = given(join("north", 1), tick("north", "fill"), leave("north", 1)).when(tick("north", "boil"));

        assertThat(then.effects().isEmpty()).isTrue();
        assertThat(then.progress(1).ticked()).containsOnlyKeys("fill");
        assertThat(then.state().memberships()).isEmpty();
        assertThat(then.state().newTimeline()).isEmpty();
        assertThat(then.state().applied()).isEqualTo(then.activity().offset());
    }

    @Test
    void joiningAgainAfterLeavingCountsAgain() {
        var scenario = given(join("north", 1), tick("north", "fill"), leave("north", 1));

        var then = scenario.when(join("north", 1));
        assertThat(then.state().memberships()).isEqualTo(Map.of("north", TEA_V1));
        assertThat(then.state().left()).isEmpty();
        assertThat(then.state().changedLeft()).containsExactly("north");
        assertThat(then.changes()).containsExactly("north joined tea@1 [fill]");

        assertThat(scenario.when(tick("north", "boil")).changes()).containsExactly("north ticked tea@1 boil");
    }

    @Test
    void aLearnerInTwoCohortsOnOneVersionCountsInBothAndStaysInBoth() {
        var scenario = given(join("north", 1), join("south", 1));

        var viaSouth = scenario.when(tick("south", "fill"));
        var viaNorth = scenario.when(tick("north", "boil"));

        assertThat(viaSouth.changes()).containsExactly("north ticked tea@1 fill", "south ticked tea@1 fill");
        assertThat(viaNorth.changes()).containsExactly("north ticked tea@1 boil", "south ticked tea@1 boil");
        assertThat(scenario.state().memberships()).isEqualTo(Map.of("north", TEA_V1, "south", TEA_V1));
        assertThat(scenario.state().membershipsChanged()).isFalse();
    }

    @Test
    void activityOnAnotherVersionThanTheCohortsCountsForThatVersionAndMovesNobody() {
        // The cohort moved to v2; a tick made on v1 before the learner saw it still counts on v1.
        var then = given(join("north", 2)).when(tick("north", 1, "boil"));

        assertThat(then.state().memberships()).isEqualTo(Map.of("north", TEA_V2));
        assertThat(then.changes()).isEmpty();
        assertThat(then.progress(1).ticked()).containsOnlyKeys("boil");
        assertThat(then.progress(2).ticked()).isEmpty();
        assertThat(then.state().newTimeline()).containsExactly(then.time() + "\tticked\ttea@1\tboil");
    }
}
