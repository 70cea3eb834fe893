package dev.ticklist.events.webhook;

import dev.ticklist.events.EventType;

/** A disabled endpoint receives messages again, its pending ones included. */
@EventType("dev.ticklist.webhook-endpoint.enabled.v1")
public record WebhookEndpointEnabled(String organisationId, String endpointId) implements WebhookEvent {

    @Override
    public String subject() {
        return "webhook-endpoints/" + endpointId;
    }
}
