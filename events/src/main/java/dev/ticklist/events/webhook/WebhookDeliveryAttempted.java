package dev.ticklist.events.webhook;

import dev.ticklist.events.EventType;
import dev.ticklist.events.Superseded;

/**
 * One attempt to deliver a message to an endpoint, as the first, inline-only deliveries recorded
 * it. Still read, and upcast to {@link WebhookDeliveryAttemptedV2} as it is.
 *
 * @param messageId  the {@code webhook-id}: the same on every attempt of one message
 * @param statusCode the receiver's HTTP status, or 0 when no response came
 */
@EventType("dev.ticklist.webhook-delivery.attempted.v1")
public record WebhookDeliveryAttempted(
        String organisationId,
        String endpointId,
        String messageId,
        String milestoneEventId,
        int attempt,
        int statusCode,
        boolean delivered,
        long latencyMillis) implements Superseded<WebhookDeliveryAttemptedV2> {

    /** Version 1 attempts were never retried later: a failed one has no next attempt. */
    @Override
    public WebhookDeliveryAttemptedV2 upcast() {
        String outcome = delivered ? WebhookDeliveryAttemptedV2.DELIVERED : statusCode == 0 ? "unreachable" : "rejected";
        return new WebhookDeliveryAttemptedV2(organisationId, endpointId, messageId, attempt, outcome, statusCode,
                latencyMillis, null, null);
    }
}
