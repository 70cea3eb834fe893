package dev.ticklist.events.webhook;

import dev.ticklist.events.EventType;
import java.time.Instant;

/**
 * One attempt to deliver a message, and what comes next: the time of the next attempt, decided
 * once here (jitter and {@code Retry-After} included) so every instance's fold agrees.
 *
 * @param outcome         delivered, rejected (a non-2xx answer), timeout, unreachable or refused
 *                        (the URL guard stopped it)
 * @param statusCode      the receiver's HTTP status, or 0 when no answer came
 * @param responseExcerpt the first characters of the answer, or null
 * @param nextAttemptAt   when to try again, or null: delivered, or given up
 */
@EventType(value = "dev.ticklist.webhook-delivery.attempted.v2", supersedes = WebhookDeliveryAttempted.class)
public record WebhookDeliveryAttemptedV2(
        String organisationId,
        String endpointId,
        String messageId,
        int attempt,
        String outcome,
        int statusCode,
        long latencyMillis,
        String responseExcerpt,
        Instant nextAttemptAt) implements WebhookEvent {

    public static final String DELIVERED = "delivered";

    public boolean delivered() {
        return DELIVERED.equals(outcome);
    }

    @Override
    public String subject() {
        return "webhook-endpoints/" + endpointId + "/messages/" + messageId;
    }
}
