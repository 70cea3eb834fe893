package dev.ticklist.events.directory;

import dev.ticklist.events.EventType;

/**
 * A cohort now works on this checklist version: a first assignment, or a move to a newer
 * version, after which ticks on items that still exist count in the new version.
 */
@EventType("dev.ticklist.cohort.checklist-assigned.v1")
public record CohortChecklistAssigned(
        String organisationId,
        String cohortId,
        String checklistId,
        int checklistVersion) implements DirectoryEvent {

    @Override
    public String subject() {
        return "cohorts/" + cohortId;
    }
}
