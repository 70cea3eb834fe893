package dev.ticklist.gateway.sharelink;

import java.time.Instant;
import java.util.List;

/** A share link as its organisation's list shows it: never the token or its hash. */
public record ShareLinkView(String id, String cohortId, String learnerId, String access, Instant expiresAt,
                            boolean expired, String label, Instant createdAt) {

    static ShareLinkView of(ShareLink link, Instant now) {
        return new ShareLinkView(link.linkId(), link.cohortId(), link.learnerId(), link.access().value(),
                link.expiresAt(), link.expired(now), link.label(), link.createdAt());
    }

    /** The body of {@code GET /api/v1/share-links}. */
    public record Listed(List<ShareLinkView> links) {
    }
}
