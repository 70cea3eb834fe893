package dev.ticklist.events.activity;

import dev.ticklist.events.EventType;

/**
 * The learner was enrolled in a cohort on a checklist version. It travels in the learner's own
 * stream, ahead of their first tick there, so progress knows who counts in a cohort.
 */
@EventType("dev.ticklist.learner.joined-cohort.v1")
public record LearnerJoinedCohort(
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
