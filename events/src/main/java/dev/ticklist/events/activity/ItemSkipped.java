package dev.ticklist.events.activity;

import dev.ticklist.events.EventType;

/**
 * A learner skips an item that does not apply to them: it leaves their level's count of items
 * to do and is never counted as done. A done item they skip is no longer done.
 *
 * @param reason why, as the learner or organisation said it: one line of plain text, at most
 *               {@link #MAX_REASON} characters; or null
 */
@EventType("dev.ticklist.item.skipped.v1")
public record ItemSkipped(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        String itemId,
        String reason) implements ItemActivity {

    /** The longest reason. */
    public static final int MAX_REASON = 280;
}
