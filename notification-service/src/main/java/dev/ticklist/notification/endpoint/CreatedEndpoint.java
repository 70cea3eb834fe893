package dev.ticklist.notification.endpoint;

import java.time.Instant;
import java.util.List;

/** The answer to a registration: the only place the signing secret is ever shown. */
public record CreatedEndpoint(
        String id,
        String url,
        String description,
        List<String> eventTypes,
        String secret,
        Instant createdAt) {
}
