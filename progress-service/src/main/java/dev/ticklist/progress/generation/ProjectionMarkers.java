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
    private final OffsetGaps gaps;

    public ProjectionMarkers(StringRedisTemplate redis, ProjectionGenerations generations, MeterRegistry meters,
                             OffsetGaps gaps) {
        this.redis = redis;
        this.gaps = gaps;
        this.generation = generations.built();
        this.replays = Counter.builder("ticklist.progress.partitions.replayed")
                .description("partitions applied again from their beginning because Redis had lost them")
                .register(meters);
    }

    String marker(TopicPartition partition) {
        return markerKey(generation, partition);
    }

    /** The marker of a generation's projections of one partition. */
    static String markerKey(String generation, TopicPartition partition) {
        return "progress:" + generation + ":partition:" + partition.topic() + "-" + partition.partition();
    }

    /**
     * A marker's value while a lost partition is applied again: {@code replay:<end>:<last>}, the
     * end offset it must reach to be whole and the last offset applied so far. A batch that does
     * not follow on from the last (another instance resuming at old committed offsets) is lost.
     */
    static final String REPLAYING = "replay:";
    static final String WHOLE = "1";

    /**
     * The records to apply: those of partitions whose projections Redis still holds, or that
     * start at the partition's beginning. Checks every partition the consumer is assigned, not
     * only the batch's, so a loss is noticed on a partition with no new events too (and, with an
     * empty batch from the idle check, on a consumer with none at all). Runs on the consumer's
     * thread.
     */
    public <K, V> List<ConsumerRecord<K, V>> intactOnly(List<ConsumerRecord<K, V>> records, Consumer<?, ?> consumer,
                                                        LostPartitions forget) {
        Map<TopicPartition, Long> firstOffsets = new LinkedHashMap<>();
        records.forEach(record -> firstOffsets.putIfAbsent(
                new TopicPartition(record.topic(), record.partition()), record.offset()));
        var checked = new LinkedHashSet<>(firstOffsets.keySet());
        checked.addAll(consumer.assignment());
        var markers = markers(checked);
        var unmarked = new ArrayList<>(unmarked(markers));
        // A replay that jumps past a record where it stopped (another instance resuming at old
        // committed offsets, a seek) lost its way: start it again. Going back (a batch retried) is
        // harmless, and so is skipping offsets without records (transaction markers).
        markers.forEach((partition, value) -> {
            if (isReplaying(value) && firstOffsets.containsKey(partition)
                    && firstOffsets.get(partition) > replayedUpTo(value) + 1
                    && gaps.holdsRecords(partition, replayedUpTo(value) + 1, firstOffsets.get(partition))) {
                unmarked.add(partition);
            }
        });
        // A replay with no records left but transaction markers is whole once the consumer is past
        // them; one whose consumer is past records it never applied lost its way.
        markers.forEach((partition, value) -> {
            if (isReplaying(value) && !firstOffsets.containsKey(partition) && consumer.assignment().contains(partition)
                    && consumer.position(partition) >= replayEnd(value)) {
                if (gaps.holdsRecords(partition, replayedUpTo(value) + 1, replayEnd(value))) {
                    unmarked.add(partition);
                } else {
                    redis.opsForValue().set(marker(partition), WHOLE);
                }
            }
        });
        if (unmarked.isEmpty()) {
            return records;
        }
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(unmarked);
        // Applied beyond the beginning, yet Redis has no marker: what was applied is lost.
        var lost = unmarked.stream()
                .filter(partition -> (firstOffsets.containsKey(partition) ? firstOffsets.get(partition)
                        : consumer.position(partition)) > beginnings.get(partition))
                .collect(Collectors.toSet());
        // Starting at the beginning: a first build marks it; a replay starting over goes on as one.
        unmarked.stream().filter(partition -> !lost.contains(partition) && firstOffsets.containsKey(partition)
                        && markers.get(partition) == null)
                .forEach(partition -> redis.opsForValue().set(marker(partition), WHOLE));
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
     * them must not be published. A partition being applied again is whole once the batch
     * reached the end it had when the loss was noticed.
     */
    private Set<TopicPartition> lostSince(List<? extends ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
                                          LostPartitions forget) {
        Map<TopicPartition, Long> lastOffsets = new LinkedHashMap<>();
        records.forEach(record -> lastOffsets.put(new TopicPartition(record.topic(), record.partition()),
                record.offset()));
        var markers = markers(lastOffsets.keySet());
        markers.forEach((partition, value) -> {
            if (isReplaying(value)) {
                long last = lastOffsets.get(partition);
                boolean whole = last + 1 >= replayEnd(value) || (consumer.position(partition) >= replayEnd(value)
                        && !gaps.holdsRecords(partition, last + 1, replayEnd(value)));
                redis.opsForValue().set(marker(partition), whole ? WHOLE : REPLAYING + replayEnd(value) + ":" + last);
            }
        });
        var lost = Set.copyOf(unmarked(markers));
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

    /**
     * A record dead-lettered (never applied) while its partition is applied again: the replay
     * goes on past it, not off its way.
     */
    public void passedOver(ConsumerRecord<?, ?> record) {
        var partition = new TopicPartition(record.topic(), record.partition());
        String value = markers(List.of(partition)).get(partition);
        if (isReplaying(value) && replayedUpTo(value) + 1 == record.offset()) {
            redis.opsForValue().set(marker(partition), record.offset() + 1 >= replayEnd(value) ? WHOLE
                    : REPLAYING + replayEnd(value) + ":" + record.offset());
        }
    }

    /** Each partition's marker, null where there is none. */
    private Map<TopicPartition, String> markers(Collection<TopicPartition> partitions) {
        var ordered = List.copyOf(partitions);
        List<Object> values = redis.executePipelined((RedisCallback<Object>) connection -> {
            ordered.forEach(partition -> connection.stringCommands().get(bytes(marker(partition))));
            return null;
        });
        var markers = new LinkedHashMap<TopicPartition, String>();
        for (int i = 0; i < ordered.size(); i++) {
            markers.put(ordered.get(i), (String) values.get(i));
        }
        return markers;
    }

    static boolean isReplaying(String marker) {
        return marker != null && marker.startsWith(REPLAYING);
    }

    private static long replayEnd(String marker) {
        return Long.parseLong(marker.substring(REPLAYING.length(), marker.lastIndexOf(':')));
    }

    private static long replayedUpTo(String marker) {
        return Long.parseLong(marker.substring(marker.lastIndexOf(':') + 1));
    }

    private static List<TopicPartition> unmarked(Map<TopicPartition, String> markers) {
        return markers.entrySet().stream().filter(marker -> marker.getValue() == null).map(Map.Entry::getKey).toList();
    }

    private void replay(Set<TopicPartition> lost, Consumer<?, ?> consumer,
                        LostPartitions forget) {
        forget.accept(lost.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
        LOG.warn(() -> "Redis no longer holds the projections of " + lost + "; applying them again from the beginning");
        deleteProjectionsOf(lost, consumer);
        // Reads of these partitions answer 503 until the replay is back where the loss found them.
        var beginnings = consumer.beginningOffsets(lost);
        consumer.endOffsets(lost).forEach((partition, end) ->
                redis.opsForValue().set(marker(partition), REPLAYING + end + ":" + (beginnings.get(partition) - 1)));
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
