package dev.ticklist.progress.learner;

import dev.ticklist.events.Topics;
import dev.ticklist.events.milestone.MilestoneEvent;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import java.util.List;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Publishes milestones from learners' outboxes and removes each only after the broker
 * acknowledged it: at least once, always under the same event id.
 */
public class MilestoneOutbox {

    private final EventPublisher publisher;
    private final StringRedisTemplate redis;

    public MilestoneOutbox(EventPublisher publisher, StringRedisTemplate redis) {
        this.publisher = publisher;
        this.redis = redis;
    }

    public void publish(List<PendingMilestone> pending) {
        if (pending.isEmpty()) {
            return;
        }
        publisher.publishAll(Topics.MILESTONES, pending.stream()
                .map(milestone -> new Identified<MilestoneEvent>(milestone.eventId(), milestone.event()))
                .toList());
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (PendingMilestone milestone : pending) {
                var keys = new LearnerKeys(milestone.event().organisationId(), milestone.event().learnerId());
                connection.listCommands().lRem(bytes(keys.outbox()), 1, bytes(milestone.entry()));
            }
            return null;
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
