package dev.ticklist.progress.learner;

import dev.ticklist.progress.model.Evidence;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A learner's progress in every checklist they have activity in.
 *
 * @param consistent false when a query asked to include a position that was not applied in time
 */
public record LearnerProgress(String learnerId, boolean consistent, List<ChecklistProgress> checklists) {

    LearnerProgress withConsistent(boolean isConsistent) {
        return new LearnerProgress(learnerId, isConsistent, checklists);
    }

    /**
     * Counts here and in levels and categories: {@code ticked} items done, {@code total} all items,
     * {@code skipped} and {@code inProgress}; {@code percent} is of the items left to do ({@code total}
     * less {@code skipped}).
     *
     * @param finishedAt when the last open level was finished, or null while any level is open
     */
    public record ChecklistProgress(String checklistId, int version, String cohortId, int ticked, int total,
                                    int skipped, int inProgress, double percent, Instant finishedAt,
                                    List<LevelProgress> levels, Map<String, Instant> tickedItems) {
    }

    /** @param finishedAt when the level's last item was done or skipped, or null while it is open */
    public record LevelProgress(String id, String name, int ticked, int total, int skipped, int inProgress,
                                double percent, Instant finishedAt, List<CategoryProgress> categories) {
    }

    /**
     * @param finishedAt when the category's last open item was done, or null while it is open
     * @param items      the category's items in the checklist's order, each with its state
     */
    public record CategoryProgress(String id, String name, int ticked, int total, int skipped, int inProgress,
                                   double percent, Instant finishedAt, List<ItemProgress> items) {
    }

    /**
     * @param state      {@code done}, {@code in-progress}, {@code skipped} or {@code not-started}
     * @param tickedAt   when the item was ticked, or null while it is not done
     * @param skipReason why a skipped item was skipped, or null
     * @param evidence   the learner's link and note for the tick, or null
     */
    public record ItemProgress(String id, String name, String state, Instant tickedAt, String skipReason,
                               Evidence evidence) {
    }

    static double percent(int ticked, int total) {
        return total == 0 ? 0 : Math.round(1000.0 * ticked / total) / 10.0;
    }
}
