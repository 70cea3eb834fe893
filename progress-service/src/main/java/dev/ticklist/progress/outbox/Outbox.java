package dev.ticklist.progress.outbox;

import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topic;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Publishes events from projection outboxes and removes each only after the broker acknowledged
 * it: at least once, always under the same event id, in the order recorded.
 */
public class Outbox {

    private final EventPublisher publisher;
    private final StringRedisTemplate redis;

    public Outbox(EventPublisher publisher, StringRedisTemplate redis) {
        this.publisher = publisher;
        this.redis = redis;
    }

    public void publish(List<? extends PendingEvent<?>> pending) {
        if (pending.isEmpty()) {
            return;
        }
        // Each outbox is named once, as the batch's last script on it left it (see ScriptBatch).
        var byTopic = new LinkedHashMap<Topic<?>, List<PendingEvent<?>>>();
        pending.forEach(event -> byTopic.computeIfAbsent(event.topic(), topic -> new ArrayList<>()).add(event));
        byTopic.forEach(this::publishTo);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (PendingEvent<?> event : pending) {
                connection.listCommands().lRem(bytes(event.outbox()), 1, bytes(event.entry()));
            }
            return null;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void publishTo(Topic<?> topic, List<PendingEvent<?>> events) {
        List<Identified<TicklistEvent>> identified = events.stream()
                .map(event -> new Identified<TicklistEvent>(event.eventId(), event.event()))
                .toList();
        publisher.publishAll((Topic) topic, (List) identified);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
