package dev.ticklist.checklist.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.events.activity.ItemStarted;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class StateChangeTest {

    private static final ChecklistVersionPublished ML = new ChecklistVersionPublished("machine-learning", 3, null,
            "Machine Learning progress", List.of());

    @Test
    void eachStateIsRecordedByItsOwnEvent() {
        assertThat(eventOf(StateChange.to(ItemState.DONE)))
                .isEqualTo(new ItemTicked("org_a", "coh_a", "ada", "machine-learning", 3, "regression"));
        assertThat(eventOf(StateChange.to(ItemState.IN_PROGRESS)))
                .isEqualTo(new ItemStarted("org_a", "coh_a", "ada", "machine-learning", 3, "regression"));
        assertThat(eventOf(StateChange.to(ItemState.SKIPPED)))
                .isEqualTo(new ItemSkipped("org_a", "coh_a", "ada", "machine-learning", 3, "regression", null));
        assertThat(eventOf(new StateChange(ItemState.SKIPPED, "Covered by my degree"))).isEqualTo(new ItemSkipped(
                "org_a", "coh_a", "ada", "machine-learning", 3, "regression", "Covered by my degree"));
        assertThat(eventOf(StateChange.to(ItemState.NOT_STARTED)))
                .isEqualTo(new ItemUnticked("org_a", "coh_a", "ada", "machine-learning", 3, "regression"));
    }

    @Test
    void statesAreNamedOnTheWireExactlyAsWritten() {
        assertThat(ItemState.named("done")).contains(ItemState.DONE);
        assertThat(ItemState.named("in-progress")).contains(ItemState.IN_PROGRESS);
        assertThat(ItemState.named("skipped")).contains(ItemState.SKIPPED);
        assertThat(ItemState.named("not-started")).contains(ItemState.NOT_STARTED);
        for (String other : new String[] {"DONE", "Done", "in_progress", "IN_PROGRESS", "skip", "ticked", " done", "",
                null}) {
            assertThat(ItemState.named(other)).as(other).isEmpty();
        }
        assertThat(ItemState.NAMES).isEqualTo("done, in-progress, skipped, not-started");
    }

    @Test
    void aSkipReasonIsOneLineOfPlainTextOfAtMost280Characters() {
        assertThat(new StateChange(ItemState.SKIPPED, "x".repeat(280)).reason()).hasSize(280);
        assertThat(new StateChange(ItemState.SKIPPED, "🎓".repeat(280)).reason()).as("characters").hasSize(560);
        assertThat(new StateChange(ItemState.SKIPPED, "Gödel — 读书笔记 ✅").reason()).isEqualTo("Gödel — 读书笔记 ✅");
        String[][] cases = {
                {"", "reason is blank"},
                {"  ", "reason is blank"},
                {"x".repeat(281), "reason is 281 characters long; at most 280"},
                {"line one\nline two", "U+000A (a control character) at character 9"},
                {"tab\there", "U+0009"},
                {"nul\u0000", "U+0000"},
                {"cert \u202Efdp.exe", "U+202E (a bidirectional control)"},
                {"half \uD83C pair", "half of a surrogate pair"},
        };
        for (String[] bad : cases) {
            assertBadReason(() -> new StateChange(ItemState.SKIPPED, bad[0]), bad[1]);
        }
    }

    @Test
    void aReasonGoesWithSkippedOnly() {
        for (ItemState state : new ItemState[] {ItemState.DONE, ItemState.IN_PROGRESS, ItemState.NOT_STARTED}) {
            assertBadReason(() -> new StateChange(state, "Because"),
                    "a reason goes only with the state skipped, not " + state.wireName());
        }
    }

    @Test
    void aRequestNamesAKnownStateAndPerhapsAReason() {
        assertThat(new TickController.StateRequest("skipped", "Covered by my degree").checked())
                .isEqualTo(new StateChange(ItemState.SKIPPED, "Covered by my degree"));
        assertThat(new TickController.StateRequest("in-progress", null).checked())
                .isEqualTo(StateChange.to(ItemState.IN_PROGRESS));
        for (String state : new String[] {null, "started", "Skipped", ""}) {
            assertThatThrownBy(() -> new TickController.StateRequest(state, null).checked()).as(state)
                    .isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
                        assertThat(problem.getStatusCode().value()).isEqualTo(400);
                        assertThat(problem.getBody().getType()).hasToString("urn:ticklist:problem:bad-item-state");
                        assertThat(problem.getBody().getDetail()).startsWith("state ")
                                .endsWith("done, in-progress, skipped, not-started");
                    });
        }
        assertBadReason(() -> new TickController.StateRequest("done", "x").checked(), "only with the state skipped");
    }

    private static Object eventOf(StateChange change) {
        return change.eventFor("org_a", "coh_a", "ada", ML, "regression");
    }

    private static void assertBadReason(Runnable change, String detail) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
            assertThat(problem.getStatusCode().value()).isEqualTo(400);
            assertThat(problem.getBody().getType()).hasToString("urn:ticklist:problem:bad-skip-reason");
            assertThat(problem.getBody().getDetail()).contains(detail);
        });
    }
}
