package dev.ticklist.events.directory;

import dev.ticklist.events.EventType;

@EventType("dev.ticklist.learner.withdrawn.v1")
public record LearnerWithdrawn(String organisationId, String cohortId, String learnerId) implements DirectoryEvent {

    @Override
    public String subject() {
        return "cohorts/" + cohortId + "/learners/" + learnerId;
    }
}
