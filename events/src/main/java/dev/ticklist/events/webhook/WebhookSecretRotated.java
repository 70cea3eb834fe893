package dev.ticklist.events.webhook;

import dev.ticklist.events.EventType;
import java.time.Instant;

/**
 * An endpoint has a new signing secret; until {@code previousSecretExpiresAt} messages are
 * signed with both, so its receiver can switch without dropping any.
 *
 * @param encryptedSecret the new secret, AES-GCM encrypted with a key from configuration
 */
@EventType("dev.ticklist.webhook-endpoint.secret-rotated.v1")
public record WebhookSecretRotated(
        String organisationId,
        String endpointId,
        String encryptedSecret,
        Instant previousSecretExpiresAt) implements WebhookEvent {

    @Override
    public String subject() {
        return "webhook-endpoints/" + endpointId;
    }
}
