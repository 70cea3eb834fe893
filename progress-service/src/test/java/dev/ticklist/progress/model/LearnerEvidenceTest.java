package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.LearnerScenario.evidence;
import static dev.ticklist.progress.model.LearnerScenario.given;
import static dev.ticklist.progress.model.LearnerScenario.join;
import static dev.ticklist.progress.model.LearnerScenario.move;
import static dev.ticklist.progress.model.LearnerScenario.tick;
import static dev.ticklist.progress.model.LearnerScenario.untick;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evidence belongs to a tick (tea v1: brew {fill, boil}, serve {pour}; v2: brew {fill}, serve {pour, stir}). */
class LearnerEvidenceTest {

    private static final String REPO = "https://github.com/ada/kettle";

    @Test
    void evidenceForATickedItemIsKeptAndNewerEvidenceReplacesIt() {
        var then = given(join("north", 1), tick("north", "fill"), evidence("north", "fill", REPO, "first try"))
                .when(evidence("north", "fill", REPO, "with a filter this time"));

        assertThat(then.progress(1).evidence()).containsExactly(
                Map.entry("fill", new Evidence(REPO, "with a filter this time")));
        assertThat(then.progress(1).changedEvidence()).containsExactly("fill");
        assertThat(then.effects().isEmpty()).as("evidence changes no progress").isTrue();
    }

    @Test
    void evidenceForAnItemNotTickedChangesNothing() {
        var then = given(join("north", 1)).when(evidence("north", "fill", REPO, null));

        assertThat(then.progress(1).evidence()).isEmpty();
        assertThat(then.progress(1).changedEvidence()).isEmpty();
    }

    @Test
    void evidenceWithNeitherALinkNorANoteTakesItAway() {
        var then = given(join("north", 1), tick("north", "fill"), evidence("north", "fill", REPO, null))
                .when(evidence("north", "fill", null, null));

        assertThat(then.progress(1).evidence()).isEmpty();
        assertThat(then.progress(1).changedEvidence()).containsExactly("fill");
    }

    @Test
    void anUntickDropsTheEvidenceAndTickingAgainDoesNotBringItBack() {
        var then = given(join("north", 1), tick("north", "fill"), evidence("north", "fill", REPO, "done"),
                untick("north", "fill")).when(tick("north", "fill"));

        assertThat(then.progress(1).isTicked("fill")).isTrue();
        assertThat(then.progress(1).evidence()).isEmpty();
    }

    @Test
    void aMoveCarriesTheEvidenceOfTheTicksItCarries() {
        var then = given(join("north", 1), tick("north", "fill"), evidence("north", "fill", REPO, "v1"),
                tick("north", "boil"), evidence("north", "boil", REPO, "gone in v2")).when(move("north", 1, 2));

        assertThat(then.progress(2).evidence()).containsExactly(Map.entry("fill", new Evidence(REPO, "v1")));
    }
}
