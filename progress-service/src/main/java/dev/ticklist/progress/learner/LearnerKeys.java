package dev.ticklist.progress.learner;

/**
 * Redis keys of one learner's projection in one generation. They all carry the hash tag
 * {@code {org/learner}}, so each atomic step touches one hash slot (Redis Cluster ready).
 */
record LearnerKeys(String generation, String organisationId, String learnerId) {

    private String prefix() {
        return "progress:" + generation + ":{" + organisationId + "/" + learnerId + "}:";
    }

    /** Names the learner's stream: their changes are applied in order. */
    String stream() {
        return organisationId + "/" + learnerId;
    }

    String applied() {
        return prefix() + "applied";
    }

    String items(String checklist) {
        return prefix() + checklist + ":items";
    }

    String levels(String checklist) {
        return prefix() + checklist + ":levels";
    }

    /** Item to evidence ({@code Evidence.encoded()}), for ticked items that have some. */
    String evidence(String checklist) {
        return prefix() + checklist + ":evidence";
    }

    /** Item to state ({@code ItemState.encoded()}), for items in progress or skipped. */
    String states(String checklist) {
        return prefix() + checklist + ":states";
    }

    String outbox() {
        return prefix() + "outbox";
    }

    /** Cohort to {@code checklist@version}: the cohorts the learner is in. */
    String cohorts() {
        return prefix() + "cohorts";
    }

    /** {@code checklist@version} to the cohorts the learner is in on it (comma-separated), for reads. */
    String checklists() {
        return prefix() + "checklists";
    }

    String cohortsLeft() {
        return prefix() + "left";
    }

    String timeline() {
        return prefix() + "timeline";
    }

    String days() {
        return prefix() + "days";
    }

    /** {@code checklist@version}: how a learner's checklist is named inside its keys. */
    static String checklist(String checklistId, int version) {
        return checklistId + "@" + version;
    }
}
