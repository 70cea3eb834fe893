package dev.ticklist.events.webhook;

import dev.ticklist.events.EventType;

/** An endpoint is gone, with its pending messages. */
@EventType("dev.ticklist.webhook-endpoint.deleted.v1")
public record WebhookEndpointDeleted(String organisationId, String endpointId) implements WebhookEvent {

    @Override
    public String subject() {
        return "webhook-endpoints/" + endpointId;
    }
}
