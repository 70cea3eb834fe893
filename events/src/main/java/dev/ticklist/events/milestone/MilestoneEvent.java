package dev.ticklist.events.milestone;

import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.activity.LearnerActivityEvent;

/** Milestones that progress-service detects. Keyed like learner activity. */
public sealed interface MilestoneEvent extends TicklistEvent permits LevelCompleted, LevelReopened, ChecklistCompleted {

    String organisationId();

    String learnerId();

    @Override
    default String key() {
        return LearnerActivityEvent.learnerKey(organisationId(), learnerId());
    }
}
