package dev.ticklist.events.activity;

import dev.ticklist.events.EventType;
import dev.ticklist.events.Superseded;

/**
 * A learner did an item. Whatever state the item was in (in progress, skipped) it is now done.
 *
 * @param evidence what the learner gave with the tick, or null: in the tick itself, so the
 *                 milestone a tick causes already carries it
 */
@EventType(value = "dev.ticklist.item.ticked.v2", supersedes = ItemTicked.V1.class)
public record ItemTicked(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        String itemId,
        TickEvidence evidence) implements ItemActivity {

    /** A tick without evidence. */
    public ItemTicked(String organisationId, String cohortId, String learnerId, String checklistId,
                      int checklistVersion, String itemId) {
        this(organisationId, cohortId, learnerId, checklistId, checklistVersion, itemId, null);
    }

    /** Version 1: a tick, its evidence (if any) in a separate {@link ItemEvidenceAttached} after it. */
    @EventType("dev.ticklist.item.ticked.v1")
    public record V1(
            String organisationId,
            String cohortId,
            String learnerId,
            String checklistId,
            int checklistVersion,
            String itemId) implements Superseded<ItemTicked> {

        @Override
        public ItemTicked upcast() {
            return new ItemTicked(organisationId, cohortId, learnerId, checklistId, checklistVersion, itemId, null);
        }
    }
}
