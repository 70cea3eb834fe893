package dev.ticklist.events.milestone;

import dev.ticklist.events.EventType;
import dev.ticklist.events.Superseded;
import java.util.List;

/**
 * A learner finished a level: every item of it is done or skipped, and at least one is done.
 *
 * @param itemCount the level's items, skipped ones included
 * @param skipped   the items the learner skipped, with their reasons, in checklist order
 * @param evidence  the evidence the learner gave for the level's items, in checklist order
 */
@EventType(value = "dev.ticklist.level.completed.v2", supersedes = LevelCompleted.V1.class)
public record LevelCompleted(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        String levelId,
        int itemCount,
        List<SkippedItem> skipped,
        List<ItemEvidence> evidence) implements LearnerMilestone {

    public LevelCompleted {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A level finished with every item done and no evidence. */
    public LevelCompleted(String organisationId, String cohortId, String learnerId, String checklistId,
                          int checklistVersion, String levelId, int itemCount) {
        this(organisationId, cohortId, learnerId, checklistId, checklistVersion, levelId, itemCount, List.of(),
                List.of());
    }

    /** @param reason why, or null */
    public record SkippedItem(String itemId, String reason) {
    }

    /** @param url a link, never fetched, or null; @param note a note, or null */
    public record ItemEvidence(String itemId, String url, String note) {
    }

    @Override
    public String subject() {
        return "learners/" + learnerId + "/levels/" + levelId;
    }

    /** Version 1: items could not be skipped, and evidence was not carried. */
    @EventType("dev.ticklist.level.completed.v1")
    public record V1(
            String organisationId,
            String cohortId,
            String learnerId,
            String checklistId,
            int checklistVersion,
            String levelId,
            int itemCount) implements Superseded<LevelCompleted> {

        @Override
        public LevelCompleted upcast() {
            return new LevelCompleted(organisationId, cohortId, learnerId, checklistId, checklistVersion, levelId,
                    itemCount);
        }

        /** The same fact as version 1 says it, for receivers that subscribed to it. */
        public static V1 of(LevelCompleted current) {
            return new V1(current.organisationId(), current.cohortId(), current.learnerId(), current.checklistId(),
                    current.checklistVersion(), current.levelId(), current.itemCount());
        }
    }
}
