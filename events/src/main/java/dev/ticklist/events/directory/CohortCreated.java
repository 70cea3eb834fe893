package dev.ticklist.events.directory;

import dev.ticklist.events.EventType;

@EventType("dev.ticklist.cohort.created.v1")
public record CohortCreated(
        String organisationId,
        String cohortId,
        String name,
        String checklistId,
        int checklistVersion) implements DirectoryEvent {

    @Override
    public String subject() {
        return "cohorts/" + cohortId;
    }
}
