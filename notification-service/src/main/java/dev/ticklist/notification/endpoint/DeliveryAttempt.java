package dev.ticklist.notification.endpoint;

import java.time.Instant;

/** One attempt to deliver a message to an endpoint, as its event recorded it. */
public record DeliveryAttempt(
        String messageId,
        String milestoneEventId,
        int attempt,
        int statusCode,
        boolean delivered,
        long latencyMillis,
        Instant attemptedAt) {
}
