package dev.ticklist.notification.endpoint;

import java.time.Instant;
import java.util.List;

/** An endpoint as the API shows it: never with its secret. */
public record EndpointView(String id, String url, String description, List<String> eventTypes, Instant createdAt) {

    static EndpointView of(WebhookEndpoint endpoint) {
        return new EndpointView(endpoint.id(), endpoint.url(), endpoint.description(),
                endpoint.eventTypes().stream().sorted().toList(), endpoint.createdAt());
    }
}
