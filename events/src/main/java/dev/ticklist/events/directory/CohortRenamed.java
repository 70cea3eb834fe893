package dev.ticklist.events.directory;

import dev.ticklist.events.EventType;

@EventType("dev.ticklist.cohort.renamed.v1")
public record CohortRenamed(String organisationId, String cohortId, String name) implements DirectoryEvent {

    @Override
    public String subject() {
        return "cohorts/" + cohortId;
    }
}
