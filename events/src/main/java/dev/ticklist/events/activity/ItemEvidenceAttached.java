package dev.ticklist.events.activity;

import dev.ticklist.events.EventType;

/**
 * A learner's evidence for an item they ticked: a link (a project's repository, a certificate)
 * and a short note, either or both; both null takes the evidence away. It belongs to the tick:
 * evidence for an item not ticked changes nothing, and unticking the item drops it.
 *
 * @param url  an absolute {@code http} or {@code https} URL, never fetched; or null
 * @param note plain text, at most 280 characters; or null
 */
@EventType("dev.ticklist.item.evidence-attached.v1")
public record ItemEvidenceAttached(
        String organisationId,
        String cohortId,
        String learnerId,
        String checklistId,
        int checklistVersion,
        String itemId,
        String url,
        String note) implements LearnerActivityEvent {

    /** The longest note. */
    public static final int MAX_NOTE = 280;
    /** The longest URL. */
    public static final int MAX_URL = 2048;

    @Override
    public String subject() {
        return "learners/" + learnerId + "/items/" + itemId;
    }
}
