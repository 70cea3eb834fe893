package dev.ticklist.progress.cohort;

import java.util.List;

/**
 * A cohort's progress in brief, for a list of cohorts: its learners, their average percent done,
 * and per level how many finished it.
 */
public record CohortSummary(String cohortId, String checklistId, Integer checklistVersion, long learners,
                            double averagePercent, List<LevelSummary> levels) {

    public record LevelSummary(String id, String name, long learners, long finished) {
    }

    /** The body of {@code GET /api/v1/progress/cohorts?ids=…}, in the order the ids were asked. */
    public record Listed(List<CohortSummary> cohorts) {
    }

    static CohortSummary of(CohortProgress progress) {
        return new CohortSummary(progress.cohortId(), progress.checklistId(), progress.checklistVersion(),
                progress.overall().learners(), progress.overall().averagePercent(),
                progress.levels().stream().map(level -> new LevelSummary(level.id(), level.name(),
                        level.standing().learners(), level.standing().finished())).toList());
    }
}
