package dev.ticklist.progress.cohort;

import java.util.List;

/**
 * Redis keys of one cohort's projection in one generation. They all carry the hash tag {@code {org/cohort}}: a
 * cohort's every step touches one hash slot, and its changes arrive through the cohort's own
 * stream rather than from learners' slots (invariant 4).
 */
record CohortKeys(String generation, String organisationId, String cohortId) {

    private String prefix() {
        return "cohort:" + generation + ":{" + organisationId + "/" + cohortId + "}:";
    }

    String aggregates() {
        return prefix() + "aggregates";
    }

    String ranking() {
        return prefix() + "ranking";
    }

    String learner(String learnerId) {
        return prefix() + "learner:" + learnerId;
    }

    String outbox() {
        return prefix() + "outbox";
    }

    String days() {
        return prefix() + "days";
    }

    /** The keys of a script call on the cohort; each change adds its learner's row. */
    List<String> forChanges() {
        return List.of(aggregates(), ranking(), outbox(), days());
    }
}
