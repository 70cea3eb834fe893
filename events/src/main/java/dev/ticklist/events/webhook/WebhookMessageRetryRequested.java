package dev.ticklist.events.webhook;

import dev.ticklist.events.EventType;

/** The organisation asked for a failed message to be attempted again, now. */
@EventType("dev.ticklist.webhook-message.retry-requested.v1")
public record WebhookMessageRetryRequested(String organisationId, String endpointId, String messageId)
        implements WebhookEvent {

    @Override
    public String subject() {
        return "webhook-endpoints/" + endpointId + "/messages/" + messageId;
    }
}
