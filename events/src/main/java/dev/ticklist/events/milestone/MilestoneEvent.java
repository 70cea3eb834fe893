package dev.ticklist.events.milestone;

import dev.ticklist.events.TicklistEvent;

/** Milestones that progress-service detects, of one learner or of a whole cohort. */
public sealed interface MilestoneEvent extends TicklistEvent permits LearnerMilestone, CohortLevelThresholdReached {

    String organisationId();

    String cohortId();
}
