package dev.ticklist.events.activity;

import dev.ticklist.events.EventType;

/** The item is back to not started: no longer done, in progress or skipped. */
@EventType("dev.ticklist.item.unticked.v1")
public record ItemUnticked(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        String itemId) implements ItemActivity {
}
