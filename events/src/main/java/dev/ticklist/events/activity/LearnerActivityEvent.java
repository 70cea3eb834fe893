package dev.ticklist.events.activity;

import dev.ticklist.events.TicklistEvent;

/**
 * What happened to one learner's checklist. Keyed by organisation and learner, so one learner's
 * events stay in order.
 */
public sealed interface LearnerActivityEvent extends TicklistEvent permits ItemActivity, ItemEvidenceAttached,
        LearnerChecklistAssigned, LearnerJoinedCohort, LearnerLeftCohort {

    String organisationId();

    String cohortId();

    String learnerId();

    String checklistId();

    int checklistVersion();

    @Override
    default String key() {
        return learnerKey(organisationId(), learnerId());
    }

    static String learnerKey(String organisationId, String learnerId) {
        return organisationId + "/" + learnerId;
    }
}
