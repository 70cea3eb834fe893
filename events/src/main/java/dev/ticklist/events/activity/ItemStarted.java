package dev.ticklist.events.activity;

import dev.ticklist.events.EventType;

/**
 * A learner is working on an item. It is not done: a done or skipped item they start again is
 * open again, and counts as an untick would.
 */
@EventType("dev.ticklist.item.started.v1")
public record ItemStarted(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        String itemId) implements ItemActivity {
}
