package dev.ticklist.events.webhook;

import dev.ticklist.events.EventType;

/**
 * A message is owed to an endpoint. Its event id follows from the message id, and a message id
 * is queued once: a milestone read twice queues nothing new.
 *
 * @param messageId        the {@code webhook-id} of every attempt
 * @param eventType        the type the body announces (a milestone's, or the test type)
 * @param milestoneEventId the milestone it tells of, or null for a test message
 * @param payload          the JSON body every attempt sends
 */
@EventType("dev.ticklist.webhook-message.queued.v1")
public record WebhookMessageQueued(
        String organisationId,
        String endpointId,
        String messageId,
        String eventType,
        String milestoneEventId,
        String payload) implements WebhookEvent {

    @Override
    public String subject() {
        return "webhook-endpoints/" + endpointId + "/messages/" + messageId;
    }
}
