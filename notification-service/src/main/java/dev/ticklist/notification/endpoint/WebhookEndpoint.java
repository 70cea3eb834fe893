package dev.ticklist.notification.endpoint;

import java.time.Instant;
import java.util.Set;

/**
 * A registered endpoint, as the webhook events made it.
 *
 * @param encryptedSecret the signing secret as {@link dev.ticklist.notification.signing.SecretCipher} stored it
 * @param eventTypes      the milestone types it wants; empty means all
 */
public record WebhookEndpoint(
        String organisationId,
        String id,
        String url,
        String description,
        Set<String> eventTypes,
        String encryptedSecret,
        Instant createdAt) {

    public WebhookEndpoint {
        eventTypes = Set.copyOf(eventTypes);
    }

    public boolean wants(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }

    /** What the secret's encryption is bound to, so it decrypts for this endpoint only. */
    public String secretContext() {
        return secretContext(organisationId, id);
    }

    public static String secretContext(String organisationId, String endpointId) {
        return organisationId + "/" + endpointId;
    }
}
