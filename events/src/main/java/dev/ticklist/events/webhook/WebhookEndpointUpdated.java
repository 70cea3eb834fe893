package dev.ticklist.events.webhook;

import dev.ticklist.events.EventType;
import java.util.Set;

/** An endpoint's URL, description or event types changed; the fields carry its new values. */
@EventType("dev.ticklist.webhook-endpoint.updated.v1")
public record WebhookEndpointUpdated(
        String organisationId,
        String endpointId,
        String url,
        Set<String> eventTypes,
        String description) implements WebhookEvent {

    public WebhookEndpointUpdated {
        eventTypes = Set.copyOf(eventTypes);
    }

    @Override
    public String subject() {
        return "webhook-endpoints/" + endpointId;
    }
}
