package dev.ticklist.events.webhook;

import dev.ticklist.events.EventType;
import java.util.Set;

/**
 * A webhook endpoint.
 *
 * @param encryptedSecret the signing secret, AES-GCM encrypted with a key from configuration
 * @param eventTypes      the milestone types it wants; empty means all
 */
@EventType("dev.ticklist.webhook-endpoint.created.v1")
public record WebhookEndpointCreated(
        String organisationId,
        String endpointId,
        String url,
        Set<String> eventTypes,
        String description,
        String encryptedSecret) implements WebhookEvent {

    public WebhookEndpointCreated {
        eventTypes = Set.copyOf(eventTypes);
    }

    @Override
    public String subject() {
        return "webhook-endpoints/" + endpointId;
    }
}
