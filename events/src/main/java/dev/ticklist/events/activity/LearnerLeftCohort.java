package dev.ticklist.events.activity;

import dev.ticklist.events.EventType;

/**
 * The learner was withdrawn from a cohort. It travels in the learner's own stream, so ticks for
 * that cohort after it (a race with the withdrawal) are recognised and not counted.
 */
@EventType("dev.ticklist.learner.left-cohort.v1")
public record LearnerLeftCohort(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion) implements LearnerActivityEvent {

    @Override
    public String subject() {
        return "learners/" + learnerId + "/cohorts/" + cohortId;
    }
}
