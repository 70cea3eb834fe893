package dev.ticklist.progress.model;

import static dev.ticklist.progress.model.Checklists.TEA_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress kept in arrays numbered as the version's items and levels reads and writes as the stored hashes. */
class VersionProgressTest {

    @Test
    void storedProgressReadsBackAsStoredAndWhatTheVersionLacksIsLeftOut() {
        var progress = VersionProgress.of(TEA_1, Map.of("fill", 10L, "boil", 20L, "gone", 30L),
                Map.of("brew.ticked", 2L, "brew.finishedAt", 20L, "vanished.ticked", 1L,
                        VersionProgress.CHECKLIST_FINISHED, 40L));

        assertThat(progress.ticked()).containsExactly(Map.entry("fill", 10L), Map.entry("boil", 20L));
        assertThat(progress.levelFields()).containsExactly(Map.entry("brew.ticked", 2L),
                Map.entry("brew.finishedAt", 20L), Map.entry(VersionProgress.CHECKLIST_FINISHED, 40L));
        assertThat(progress.tickedIn("brew")).isEqualTo(2);
        assertThat(progress.tickedIn("serve")).isZero();
        assertThat(progress.finishedAt("serve")).isNull();
        assertThat(progress.tickedAt("gone")).isNull();
        assertThat(progress.changedItems()).isEmpty();
        assertThat(progress.changedLevelFields()).isEmpty();
    }

    @Test
    void onlyWhatChangedSinceTheLastFlushIsToBeWritten() {
        var progress = VersionProgress.empty(TEA_1);
        progress.tick("pour", 5L);
        progress.setTickedIn("serve", 1);
        progress.setFinishedAt("serve", 5L);
        progress.setFinishedAt("brew", null);
        assertThat(progress.changedItems()).containsExactly("pour");
        assertThat(progress.changedLevelFields()).containsExactly("serve.ticked", "serve.finishedAt");

        progress.flushed();
        progress.setTickedIn("serve", 1);
        progress.untick("pour");
        progress.setChecklistFinishedAt(null);
        assertThat(progress.changedItems()).containsExactly("pour");
        assertThat(progress.changedLevelFields()).isEmpty();
        assertThat(progress.ticked()).isEmpty();
        // A level's count, once set, is stored even at zero, as it always was.
        progress.setTickedIn("serve", 0);
        assertThat(progress.levelFields()).containsEntry("serve.ticked", 0L);
    }

    @Test
    void anItemOrLevelTheVersionLacksCannotBeTickedOrCounted() {
        var progress = VersionProgress.empty(TEA_1);
        assertThatThrownBy(() -> progress.tick("stir", 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> progress.setTickedIn("dessert", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
