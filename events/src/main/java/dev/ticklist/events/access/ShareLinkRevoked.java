package dev.ticklist.events.access;

import dev.ticklist.events.EventType;

/** A share link stops working. It names the link's hash, so every gateway forgets it without a lookup. */
@EventType("dev.ticklist.share-link.revoked.v1")
public record ShareLinkRevoked(String organisationId, String linkId, String sha256) implements AccessEvent {

    @Override
    public String subject() {
        return "share-links/" + linkId;
    }
}
