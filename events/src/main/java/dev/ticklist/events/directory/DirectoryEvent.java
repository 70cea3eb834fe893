package dev.ticklist.events.directory;

import dev.ticklist.events.TicklistEvent;

/** Organisations, cohorts and enrolments. Keyed by organisation. */
public sealed interface DirectoryEvent extends TicklistEvent
        permits OrganisationCreated, CohortCreated, LearnerEnrolled,
        CohortRenamed, CohortArchived, LearnerWithdrawn, CohortChecklistAssigned {

    String organisationId();

    @Override
    default String key() {
        return organisationId();
    }
}
