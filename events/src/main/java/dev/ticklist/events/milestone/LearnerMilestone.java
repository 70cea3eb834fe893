package dev.ticklist.events.milestone;

import dev.ticklist.events.activity.LearnerActivityEvent;

/** A milestone of one learner. Keyed like learner activity, so it stays in order with it. */
public sealed interface LearnerMilestone extends MilestoneEvent permits LevelCompleted, LevelReopened, ChecklistCompleted {

    String learnerId();

    @Override
    default String key() {
        return LearnerActivityEvent.learnerKey(organisationId(), learnerId());
    }
}
