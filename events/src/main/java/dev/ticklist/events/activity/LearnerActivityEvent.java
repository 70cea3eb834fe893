package dev.ticklist.events.activity;

import dev.ticklist.events.TicklistEvent;

/** What a learner did. Keyed by organisation and learner, so one learner's events stay in order. */
public sealed interface LearnerActivityEvent extends TicklistEvent permits ItemTicked, ItemUnticked {

    String organisationId();

    String cohortId();

    String learnerId();

    String checklistId();

    int checklistVersion();

    String itemId();

    @Override
    default String key() {
        return learnerKey(organisationId(), learnerId());
    }

    @Override
    default String subject() {
        return "learners/" + learnerId() + "/items/" + itemId();
    }

    static String learnerKey(String organisationId, String learnerId) {
        return organisationId + "/" + learnerId;
    }
}
