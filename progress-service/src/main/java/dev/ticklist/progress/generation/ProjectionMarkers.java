package dev.ticklist.progress.generation;

import dev.ticklist.events.Topics;
import dev.ticklist.progress.outbox.PendingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.core.log.LogAccessor;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Notices when Redis lost what was applied (a flush, a restart without persistence) while the
 * committed offsets say it was applied: a marker per partition is written when a generation
 * starts applying the partition from its beginning. A batch that does not start there, on a
 * partition without its marker, is not applied; what Redis still holds of that partition's
 * projections (written after the loss, perhaps by a batch that raced it) is deleted, and the
 * partition is sought back to its beginning and applied again, in order, from nothing.
 */
public class ProjectionMarkers {

    /** Told the numbers of partitions whose projections were lost, to drop what it holds of them. */
    @FunctionalInterface
    public interface LostPartitions {
        void accept(Set<Integer> partitions);
    }

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
    public <K, V> List<ConsumerRecord<K, V>> intactOnly(List<ConsumerRecord<K, V>> records, Consumer<?, ?> consumer,
                                                        LostPartitions forget) {
        Map<TopicPartition, Long> firstOffsets = new LinkedHashMap<>();
        records.forEach(record -> firstOffsets.putIfAbsent(
                new TopicPartition(record.topic(), record.partition()), record.offset()));
        var unmarked = unmarked(firstOffsets.keySet());
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
        replay(lost, consumer, forget);
        return records.stream().filter(record -> !isIn(lost, record)).toList();
    }

    /**
     * After a batch was applied: the partitions whose marker vanished meanwhile (Redis lost its
     * data while the batch ran). What the batch wrote there rests on lost state, so it is deleted
     * and the partitions are applied again from their beginning; the events the batch caused in
     * them must not be published.
     */
    private Set<TopicPartition> lostSince(List<? extends ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
                                          LostPartitions forget) {
        var partitions = new LinkedHashSet<TopicPartition>();
        records.forEach(record -> partitions.add(new TopicPartition(record.topic(), record.partition())));
        var lost = Set.copyOf(unmarked(partitions));
        if (!lost.isEmpty()) {
            replay(lost, consumer, forget);
        }
        return lost;
    }

    /**
     * After a batch was applied: the events it caused, less those caused in partitions whose
     * marker vanished meanwhile (see {@link #lostSince}): they rest on lost state, and their
     * partitions are applied again.
     */
    public List<PendingEvent<?>> stillStanding(List<PendingEvent<?>> caused,
                                               List<? extends ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
                                               LostPartitions forget) {
        var lost = lostSince(records, consumer, forget);
        return lost.isEmpty() ? caused
                : caused.stream().filter(event -> !isOf(lost, event.outbox(), consumer)).toList();
    }

    /** Whether a projection key (its hash tag names its stream's record key) belongs to one of the partitions. */
    private boolean isOf(Set<TopicPartition> partitions, String key, Consumer<?, ?> consumer) {
        return partitions.stream().anyMatch(partition -> partition.partition() == partitionOf(partition.topic(), key,
                consumer.partitionsFor(partition.topic()).size()));
    }

    private List<TopicPartition> unmarked(Collection<TopicPartition> partitions) {
        var ordered = List.copyOf(partitions);
        List<Object> present = redis.executePipelined((RedisCallback<Object>) connection -> {
            ordered.forEach(partition -> connection.keyCommands().exists(bytes(marker(partition))));
            return null;
        });
        var unmarked = new ArrayList<TopicPartition>();
        for (int i = 0; i < ordered.size(); i++) {
            if (!Boolean.TRUE.equals(present.get(i))) {
                unmarked.add(ordered.get(i));
            }
        }
        return unmarked;
    }

    /** @param forget told the lost partitions' numbers, so state held in memory for them is dropped */
    private void replay(Set<TopicPartition> lost, Consumer<?, ?> consumer,
                        LostPartitions forget) {
        forget.accept(lost.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
        LOG.warn(() -> "Redis no longer holds the projections of " + lost + "; applying them again from the beginning");
        deleteProjectionsOf(lost, consumer);
        consumer.seekToBeginning(lost);
        replays.increment(lost.size());
    }

    private String prefixOf(String topic) {
        return (topic.equals(Topics.COHORT_PROGRESS.name()) ? "cohort:" : "progress:") + generation + ":{";
    }

    private int partitionOf(String topic, String key, int partitions) {
        String prefix = prefixOf(topic);
        int end = key.indexOf('}', prefix.length());
        byte[] tag = key.substring(prefix.length(), end).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(tag)) % partitions;
    }

    /**
     * Deletes the keys of the lost partitions' projections: a key's hash tag is the record key
     * of its stream ({@code org/learner}, {@code org/cohort}), which names its partition.
     */
    private void deleteProjectionsOf(Set<TopicPartition> lost, Consumer<?, ?> consumer) {
        for (String topic : lost.stream().map(TopicPartition::topic).distinct().toList()) {
            int partitions = consumer.partitionsFor(topic).size();
            var doomed = new ArrayList<String>();
            try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(prefixOf(topic) + "*").count(1000).build())) {
                keys.forEachRemaining(key -> {
                    if (lost.contains(new TopicPartition(topic, partitionOf(topic, key, partitions)))) {
                        doomed.add(key);
                    }
                });
            }
            for (int from = 0; from < doomed.size(); from += 500) {
                redis.unlink(doomed.subList(from, Math.min(doomed.size(), from + 500)));
            }
        }
    }

    private static boolean isIn(Set<TopicPartition> partitions, ConsumerRecord<?, ?> record) {
        return partitions.contains(new TopicPartition(record.topic(), record.partition()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
