package dev.ticklist.events.access;

import dev.ticklist.events.EventType;
import java.time.Instant;

/**
 * A read-only link to one cohort or one learner of it, or a learner's own link that also lets
 * that learner tick their items. Only the link's SHA-256 hash travels: the link is shown once.
 *
 * @param learnerId the learner the link shows; null for a link to the whole cohort
 * @param access    {@code read}, or {@code tick} (a learner's own link: read and tick their items)
 * @param label     what the organisation calls the link, for its list; may be null
 */
@EventType("dev.ticklist.share-link.created.v1")
public record ShareLinkCreated(
        String organisationId,
        String linkId,
        String sha256,
        String cohortId,
        String learnerId,
        String access,
        Instant expiresAt,
        String label) implements AccessEvent {

    @Override
    public String subject() {
        return "share-links/" + linkId;
    }
}
