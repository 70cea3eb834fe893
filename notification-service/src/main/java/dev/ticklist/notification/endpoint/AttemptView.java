package dev.ticklist.notification.endpoint;

import java.time.Instant;

/**
 * One delivery attempt in an endpoint's log.
 *
 * @param messageId  the {@code webhook-id} the receiver saw; the same on every attempt of one message
 * @param statusCode the receiver's HTTP status, or 0 when no response came
 */
public record AttemptView(
        String messageId,
        String milestoneEventId,
        int attempt,
        int statusCode,
        boolean delivered,
        long latencyMillis,
        Instant attemptedAt) {

    static AttemptView of(DeliveryAttempt attempt) {
        return new AttemptView(attempt.messageId(), attempt.milestoneEventId(), attempt.attempt(),
                attempt.statusCode(), attempt.delivered(), attempt.latencyMillis(), attempt.attemptedAt());
    }
}
