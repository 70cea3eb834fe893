package dev.ticklist.progress.generation;

import dev.ticklist.events.Topic;
import dev.ticklist.platform.web.Problems;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Whether the serving projections of a partition can be read: Redis holds its marker, and it is
 * not being applied again after a loss. A partition that was applied (its consumer group
 * committed beyond its beginning) but has no marker lost its projections (a flush, an empty
 * restart): reads answer 503 until it is whole again, never an empty answer that looks right. A
 * partition never applied yet answers as it is (its events are simply not in yet). Kafka is
 * asked only while a marker is missing, at most once a second. An instance serving a generation
 * it does not build cannot ask that generation's group, and takes "the partition has events"
 * instead.
 */
public class ProjectionReadiness {

    private static final Duration ASK_KAFKA_EVERY = Duration.ofSeconds(1);

    private final StringRedisTemplate redis;
    private final ProjectionGenerations generations;
    private final Admin admin;
    private final String groupId;
    private final Map<TopicPartition, Boolean> applied = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> askedAt = new ConcurrentHashMap<>();

    /** @param groupId the consumer group of the generation this instance builds */
    public ProjectionReadiness(StringRedisTemplate redis, ProjectionGenerations generations, Admin admin,
                               String groupId) {
        this.redis = redis;
        this.generations = generations;
        this.admin = admin;
        this.groupId = groupId;
    }

    /** @throws org.springframework.web.ErrorResponseException 503 when the partition of {@code recordKey} is not whole */
    public void requireReady(Topic<?> topic, String recordKey) {
        int partition = Utils.toPositive(Utils.murmur2(recordKey.getBytes(StandardCharsets.UTF_8))) % topic.partitions();
        require(List.of(new TopicPartition(topic.name(), partition)));
    }

    /** @throws org.springframework.web.ErrorResponseException 503 when any partition of the topic is not whole */
    public void requireAllReady(Topic<?> topic) {
        require(IntStream.range(0, topic.partitions()).mapToObj(p -> new TopicPartition(topic.name(), p)).toList());
    }

    private void require(List<TopicPartition> partitions) {
        String generation = generations.serving();
        List<Object> markers = redis.executePipelined((RedisCallback<Object>) connection -> {
            partitions.forEach(partition -> connection.stringCommands().get(
                    ProjectionMarkers.markerKey(generation, partition).getBytes(StandardCharsets.UTF_8)));
            return null;
        });
        for (int i = 0; i < partitions.size(); i++) {
            String marker = (String) markers.get(i);
            if (ProjectionMarkers.isReplaying(marker) || (marker == null && wasApplied(partitions.get(i)))) {
                throw Problems.unavailable("projections-rebuilding", "progress is being rebuilt from the event log"
                        + " after the projection store lost its data; try again shortly");
            }
        }
    }

    /** Whether the serving generation applied the partition beyond its beginning (or, see above, it has events). */
    private boolean wasApplied(TopicPartition partition) {
        long now = System.nanoTime();
        Long asked = askedAt.get(partition);
        if (asked == null || now - asked >= ASK_KAFKA_EVERY.toNanos()) {
            askedAt.put(partition, now);
            try {
                long start = admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).all().get()
                        .get(partition).offset();
                long reached;
                if (generations.isServing()) {
                    var committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get()
                            .get(partition);
                    reached = committed == null ? start : committed.offset();
                } else {
                    reached = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get()
                            .get(partition).offset();
                }
                applied.put(partition, reached > start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw kafkaUnavailable();
            } catch (ExecutionException e) {
                throw kafkaUnavailable();
            }
        }
        return applied.get(partition);
    }

    private static RuntimeException kafkaUnavailable() {
        return Problems.unavailable("kafka-unavailable", "the event log cannot be reached; try again shortly");
    }
}
