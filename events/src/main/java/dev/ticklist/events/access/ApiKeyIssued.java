package dev.ticklist.events.access;

import dev.ticklist.events.EventType;
import java.util.Set;

/**
 * A new API key. Only its SHA-256 hash travels: the key itself is shown once to its creator.
 *
 * @param prefix the first characters of the key, so people can tell keys apart
 */
@EventType("dev.ticklist.api-key.issued.v1")
public record ApiKeyIssued(
        String organisationId,
        String keyId,
        String prefix,
        String sha256,
        Set<String> scopes) implements AccessEvent {

    public ApiKeyIssued {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public String subject() {
        return "api-keys/" + keyId;
    }
}
