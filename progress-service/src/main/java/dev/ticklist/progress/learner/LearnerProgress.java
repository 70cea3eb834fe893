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

    /** @param finishedAt when the last open level was finished, or null while any level is open */
    public record ChecklistProgress(String checklistId, int version, String cohortId, int ticked, int total,
                                    double percent, Instant finishedAt, List<LevelProgress> levels,
                                    Map<String, Instant> tickedItems) {
    }

    /** @param finishedAt when the last open item of the level was ticked, or null while it is open */
    public record LevelProgress(String id, String name, int ticked, int total, double percent, Instant finishedAt,
                                List<CategoryProgress> categories) {
    }

    /**
     * @param finishedAt when the last open item of the category was ticked, or null while it is open
     * @param items      the category's items in the checklist's order, each with when it was ticked
     */
    public record CategoryProgress(String id, String name, int ticked, int total, double percent, Instant finishedAt,
                                   List<ItemProgress> items) {
    }

    /**
     * @param tickedAt when the item was ticked, or null while it is not
     * @param evidence the learner's link and note for the tick, or null
     */
    public record ItemProgress(String id, String name, Instant tickedAt, Evidence evidence) {
    }

    static double percent(int ticked, int total) {
        return total == 0 ? 0 : Math.round(1000.0 * ticked / total) / 10.0;
    }
}
