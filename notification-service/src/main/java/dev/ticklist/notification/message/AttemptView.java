package dev.ticklist.notification.message;

import java.time.Instant;

/**
 * One delivery attempt of a message.
 *
 * @param outcome         delivered, rejected, timeout, unreachable or refused
 * @param statusCode      the receiver's HTTP status, or 0 when no answer came
 * @param responseExcerpt the first characters of the answer, or null
 */
public record AttemptView(
        int attempt,
        Instant attemptedAt,
        String outcome,
        int statusCode,
        long latencyMillis,
        String responseExcerpt) {
}
