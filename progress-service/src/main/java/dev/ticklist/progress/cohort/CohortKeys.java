package dev.ticklist.progress.cohort;

/**
 * Redis keys of one cohort's projection in one generation. They all carry the hash tag {@code {org/cohort}}: a
 * cohort's every step touches one hash slot, and its changes arrive through the cohort's own
 * stream rather than from learners' slots (invariant 4).
 */
record CohortKeys(String generation, String organisationId, String cohortId) {

    private String prefix() {
        return "cohort:" + generation + ":{" + organisationId + "/" + cohortId + "}:";
    }

    /** The offset of the last cohort-stream record applied: the cohort's marker. */
    String applied() {
        return prefix() + "applied";
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
}
