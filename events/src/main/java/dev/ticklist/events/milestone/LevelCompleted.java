package dev.ticklist.events.milestone;

import dev.ticklist.events.EventType;

/** A learner ticked the last open item of a level. */
@EventType("dev.ticklist.level.completed.v1")
public record LevelCompleted(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        String levelId,
        int itemCount) implements LearnerMilestone {

    @Override
    public String subject() {
        return "learners/" + learnerId + "/levels/" + levelId;
    }
}
