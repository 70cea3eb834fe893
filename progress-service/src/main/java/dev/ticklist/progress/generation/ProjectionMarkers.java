package dev.ticklist.progress.generation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Notices when Redis lost what was applied (a flush, a restart without persistence) while the
 * committed offsets say it was applied: a marker per partition is written when a generation
 * starts applying the partition from its beginning. A batch that does not start there, on a
 * partition without its marker, is not applied; the partition is sought back to its beginning
 * and applied again, in order, from nothing.
 */
public class ProjectionMarkers {

    private static final LogAccessor LOG = new LogAccessor(ProjectionMarkers.class);

    private final StringRedisTemplate redis;
    private final String generation;
    private final Counter replays;

    public ProjectionMarkers(StringRedisTemplate redis, ProjectionGenerations generations, MeterRegistry meters) {
        this.redis = redis;
        this.generation = generations.built();
        this.replays = Counter.builder("ticklist.progress.partitions.replayed")
                .description("partitions applied again from their beginning because Redis had lost them")
                .register(meters);
    }

    String marker(TopicPartition partition) {
        return "progress:" + generation + ":partition:" + partition.topic() + "-" + partition.partition();
    }

    /**
     * The records to apply: those of partitions whose projections Redis still holds, or that
     * start at the partition's beginning. Runs on the consumer's thread.
     */
    public <K, V> List<ConsumerRecord<K, V>> intactOnly(List<ConsumerRecord<K, V>> records, Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> firstOffsets = new LinkedHashMap<>();
        records.forEach(record -> firstOffsets.putIfAbsent(
                new TopicPartition(record.topic(), record.partition()), record.offset()));
        var partitions = List.copyOf(firstOffsets.keySet());
        List<Object> present = redis.executePipelined((RedisCallback<Object>) connection -> {
            partitions.forEach(partition -> connection.keyCommands().exists(bytes(marker(partition))));
            return null;
        });
        var unmarked = new ArrayList<TopicPartition>();
        for (int i = 0; i < partitions.size(); i++) {
            if (!Boolean.TRUE.equals(present.get(i))) {
                unmarked.add(partitions.get(i));
            }
        }
        if (unmarked.isEmpty()) {
            return records;
        }
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(unmarked);
        var lost = unmarked.stream()
                .filter(partition -> firstOffsets.get(partition) > beginnings.get(partition))
                .collect(Collectors.toSet());
        unmarked.stream().filter(partition -> !lost.contains(partition))
                .forEach(partition -> redis.opsForValue().set(marker(partition), "1"));
        if (lost.isEmpty()) {
            return records;
        }
        LOG.warn(() -> "Redis no longer holds the projections of " + lost + "; applying them again from the beginning");
        consumer.seekToBeginning(lost);
        replays.increment(lost.size());
        return records.stream().filter(record -> !isIn(lost, record)).toList();
    }

    private static boolean isIn(Set<TopicPartition> partitions, ConsumerRecord<?, ?> record) {
        return partitions.contains(new TopicPartition(record.topic(), record.partition()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
