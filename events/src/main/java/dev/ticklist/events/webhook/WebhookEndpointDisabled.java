package dev.ticklist.events.webhook;

import dev.ticklist.events.EventType;

/**
 * No more attempts go to an endpoint until it is enabled again.
 *
 * @param reason {@link #REQUESTED} by the organisation, {@link #GONE} (the receiver answered 410),
 *               or {@link #FAILING} (no success for the configured time)
 * @param detail what happened, in words the organisation can act on
 */
@EventType("dev.ticklist.webhook-endpoint.disabled.v1")
public record WebhookEndpointDisabled(
        String organisationId,
        String endpointId,
        String reason,
        String detail) implements WebhookEvent {

    public static final String REQUESTED = "requested";
    public static final String GONE = "gone";
    public static final String FAILING = "failing";

    @Override
    public String subject() {
        return "webhook-endpoints/" + endpointId;
    }
}
