package dev.ticklist.progress.learner;

import dev.ticklist.events.Topics;
import dev.ticklist.platform.kafka.EventPublisher;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Publishes milestones from a learner's outbox and removes each only after the broker
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
        for (PendingMilestone milestone : pending) {
            publisher.publish(Topics.MILESTONES, milestone.eventId(), milestone.event());
            var keys = new LearnerKeys(milestone.event().organisationId(), milestone.event().learnerId());
            redis.opsForList().remove(keys.outbox(), 1, milestone.encode());
        }
    }
}
