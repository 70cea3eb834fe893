package dev.ticklist.events.milestone;

import dev.ticklist.events.EventType;

/** A learner finished every level of their checklist version. */
@EventType("dev.ticklist.checklist.completed.v1")
public record ChecklistCompleted(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        int itemCount) implements LearnerMilestone {

    @Override
    public String subject() {
        return "learners/" + learnerId + "/checklists/" + checklistId;
    }
}
