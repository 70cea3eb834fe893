package dev.ticklist.events.activity;

import dev.ticklist.events.EventType;

@EventType("dev.ticklist.item.ticked.v1")
public record ItemTicked(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        String itemId) implements ItemActivity {
}
