package dev.ticklist.notification.message;

import java.time.Instant;

/**
 * A message whose next attempt is due: all an attempt needs besides its endpoint.
 *
 * @param attempt  the number of the attempt to make, from 1
 * @param payload  the JSON body every attempt sends
 * @param traceparent the trace of the milestone it tells of, continued by each attempt (null: none)
 */
public record DueMessage(
        String organisationId,
        String endpointId,
        String messageId,
        int attempt,
        Instant dueAt,
        Instant createdAt,
        String payload,
        String traceparent) {

    /** Names the message across organisations and endpoints. */
    public String key() {
        return organisationId + "/" + endpointId + "/" + messageId;
    }
}
