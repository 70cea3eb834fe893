package dev.ticklist.events.directory;

import dev.ticklist.events.EventType;

/** An archived cohort keeps its history but takes no new enrolments, ticks or assignments. */
@EventType("dev.ticklist.cohort.archived.v1")
public record CohortArchived(String organisationId, String cohortId) implements DirectoryEvent {

    @Override
    public String subject() {
        return "cohorts/" + cohortId;
    }
}
