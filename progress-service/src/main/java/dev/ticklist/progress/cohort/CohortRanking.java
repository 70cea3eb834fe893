package dev.ticklist.progress.cohort;

import java.util.List;

/** A page of a cohort's learners, most progressed first; learners level on percent share a rank. */
public record CohortRanking(String cohortId, long total, long offset, int limit, List<RankedLearner> learners) {

    public record RankedLearner(long rank, String learnerId, double percent) {
    }
}
