package dev.ticklist.events.milestone;

import dev.ticklist.events.EventType;
import dev.ticklist.events.cohort.CohortProgressEvent;

/**
 * The share of a cohort's learners who finished a level rose to a configured threshold (for
 * example 50, 90 or 100 percent). Emitted again only after the share fell below it and rose again.
 */
@EventType("dev.ticklist.cohort.level-threshold-reached.v1")
public record CohortLevelThresholdReached(
        String organisationId,
        String cohortId,
        String checklistId,
        int checklistVersion,
        String levelId,
        int thresholdPercent,
        int learnersFinished,
        int learners) implements MilestoneEvent {

    @Override
    public String key() {
        return CohortProgressEvent.cohortKey(organisationId, cohortId);
    }

    @Override
    public String subject() {
        return "cohorts/" + cohortId + "/levels/" + levelId;
    }
}
