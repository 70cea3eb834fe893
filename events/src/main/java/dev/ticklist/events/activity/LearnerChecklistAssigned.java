package dev.ticklist.events.activity;

import dev.ticklist.events.EventType;

/**
 * The learner's cohort moved to another checklist version. Ticks on items that exist in both
 * carry over; it travels in the learner's own stream so it stays in order with their ticks.
 */
@EventType("dev.ticklist.learner.checklist-assigned.v1")
public record LearnerChecklistAssigned(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        String previousChecklistId,
        int previousChecklistVersion) implements LearnerActivityEvent {

    @Override
    public String subject() {
        return "learners/" + learnerId + "/checklist";
    }
}
