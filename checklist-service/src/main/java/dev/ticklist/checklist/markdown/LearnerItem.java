package dev.ticklist.checklist.markdown;

import dev.ticklist.checklist.tick.ItemState;
import java.util.Objects;

/**
 * Where a learner stands on one item, as their export writes it.
 *
 * @param skipReason why a skipped item does not apply, or null
 * @param evidence   the learner's evidence for a done item, or null
 */
public record LearnerItem(ItemState state, String skipReason, ItemEvidence evidence) {

    public LearnerItem {
        Objects.requireNonNull(state, "state");
    }

    public static LearnerItem done(ItemEvidence evidence) {
        return new LearnerItem(ItemState.DONE, null, evidence);
    }

    public static LearnerItem inProgress() {
        return new LearnerItem(ItemState.IN_PROGRESS, null, null);
    }

    public static LearnerItem skipped(String reason) {
        return new LearnerItem(ItemState.SKIPPED, reason, null);
    }
}
