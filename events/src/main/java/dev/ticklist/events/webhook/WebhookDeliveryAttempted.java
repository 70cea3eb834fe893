package dev.ticklist.events.webhook;

import dev.ticklist.events.EventType;

/**
 * One attempt to deliver a message to an endpoint.
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
        long latencyMillis) implements WebhookEvent {

    @Override
    public String subject() {
        return "webhook-endpoints/" + endpointId + "/messages/" + messageId;
    }
}
