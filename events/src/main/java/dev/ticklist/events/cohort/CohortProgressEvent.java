package dev.ticklist.events.cohort;

import dev.ticklist.events.TicklistEvent;

/**
 * The stream that feeds cohort projections (invariant 4): derived by progress-service from
 * learners' streams and keyed by organisation and cohort, so one cohort's changes are applied in
 * order on one Redis hash slot, never by a script that spans learners' slots.
 */
public sealed interface CohortProgressEvent extends TicklistEvent permits CohortMembersChanged {

    String organisationId();

    String cohortId();

    @Override
    default String key() {
        return cohortKey(organisationId(), cohortId());
    }

    static String cohortKey(String organisationId, String cohortId) {
        return organisationId + "/" + cohortId;
    }
}
