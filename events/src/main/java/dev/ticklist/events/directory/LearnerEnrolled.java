package dev.ticklist.events.directory;

import dev.ticklist.events.EventType;

@EventType("dev.ticklist.learner.enrolled.v1")
public record LearnerEnrolled(String organisationId, String cohortId, String learnerId) implements DirectoryEvent {

    @Override
    public String subject() {
        return "cohorts/" + cohortId + "/learners/" + learnerId;
    }
}
