package dev.ticklist.progress.cohort;

import java.util.List;

/**
 * A cohort's progress for dashboards. Progress knows a cohort from the moment a learner joins
 * it; before that every count is zero and the checklist is null.
 *
 * @param checklistId      the checklist version learners most recently joined or moved to
 * @param overall          the whole checklist
 */
public record CohortProgress(String cohortId, String checklistId, Integer checklistVersion, Standing overall,
                             List<LevelProgress> levels) {

    /**
     * How the cohort's learners stand in one part of the checklist.
     *
     * @param learners       learners counted: members on a version that has this part, who did not
     *                       skip all of it
     * @param finished       of those, how many did every item of it they did not skip
     * @param averagePercent their average percent done, each of the items they did not skip
     * @param histogram      learners per 10% bucket of percent done: [0,10), [10,20), … [90,100]
     */
    public record Standing(long learners, long finished, double averagePercent, List<Long> histogram) {
    }

    public record LevelProgress(String id, String name, int itemCount, Standing standing,
                                List<CategoryProgress> categories) {
    }

    public record CategoryProgress(String id, String name, int itemCount, Standing standing, List<ItemShare> items) {
    }

    /**
     * @param tickedBy     learners who did the item
     * @param share        the fraction of the cohort's learners who did it, 0 to 1
     * @param inProgressBy learners working on it
     * @param skippedBy    learners who skipped it
     */
    public record ItemShare(String id, String name, long tickedBy, double share, long inProgressBy, long skippedBy) {
    }
}
