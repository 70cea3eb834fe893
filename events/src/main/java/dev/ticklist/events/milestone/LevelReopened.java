package dev.ticklist.events.milestone;

import dev.ticklist.events.EventType;

/** A learner unticked an item of a level they had finished: the level is open again. */
@EventType("dev.ticklist.level.reopened.v1")
public record LevelReopened(
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
