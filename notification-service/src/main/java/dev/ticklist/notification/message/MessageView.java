package dev.ticklist.notification.message;

import java.time.Instant;
import java.util.List;

/**
 * A message in an endpoint's delivery log.
 *
 * @param id               the {@code webhook-id} of every attempt
 * @param milestoneEventId the milestone it tells of, or null for a test message
 * @param nextAttemptAt    when the next attempt is due, or null when none is
 * @param attempts         oldest first
 */
public record MessageView(
        String id,
        String endpointId,
        String eventType,
        String milestoneEventId,
        String status,
        Instant createdAt,
        Instant nextAttemptAt,
        List<AttemptView> attempts) {
}
