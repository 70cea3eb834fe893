package dev.ticklist.events.access;

import dev.ticklist.events.EventType;

/**
 * An API key stops working. It names the key's hash too, so every gateway can forget the key
 * without having to look anything up.
 */
@EventType("dev.ticklist.api-key.revoked.v1")
public record ApiKeyRevoked(String organisationId, String keyId, String sha256) implements AccessEvent {

    @Override
    public String subject() {
        return "api-keys/" + keyId;
    }
}
