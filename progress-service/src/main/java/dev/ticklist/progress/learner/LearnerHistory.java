package dev.ticklist.progress.learner;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.kafka.EventEnvelopeDeserializer;
import dev.ticklist.platform.web.Problems;
import dev.ticklist.progress.catalog.ChecklistStructures;
import dev.ticklist.progress.model.LearnerActivity;
import dev.ticklist.progress.model.LearnerModel;
import dev.ticklist.progress.model.LearnerState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.http.HttpHeaders;

/**
 * A learner's progress as it stood at a past moment, answered from the log: the learner's events
 * recorded by then (by the records' own timestamps, the time they were written, so an import of
 * old ticks counts from when it was imported) are read from their partition and folded through
 * the same model as the live projection, skipping what the live projection dead-letters. The
 * answer is what the live projection showed once it had applied those events.
 */
public class LearnerHistory {

    /** A replay that takes longer is refused: the partition holds more history than a query may read. */
    private static final Duration LIMIT = Duration.ofSeconds(20);
    /** Replays at once on this instance: each reads a partition from its start, so callers queue for none. */
    static final int AT_ONCE = 2;

    private final Semaphore running = new Semaphore(AT_ONCE);

    private final Map<String, Object> config;
    private final ChecklistStructures structures;

    public LearnerHistory(Map<String, Object> consumerConfig, ChecklistStructures structures) {
        var own = new HashMap<>(consumerConfig);
        own.remove(ConsumerConfig.GROUP_ID_CONFIG);
        own.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        own.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        own.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        this.config = Map.copyOf(own);
        this.structures = structures;
    }

    /**
     * The learner's state after every event of theirs recorded at or before {@code asOf}; a 503
     * problem while {@value #AT_ONCE} replays already run here.
     */
    public LearnerState replay(String organisationId, String learnerId, Instant asOf) {
        if (!running.tryAcquire()) {
            var busy = Problems.unavailable("history-busy", "other replays of history are running on this"
                    + " instance; ask again in a moment");
            busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            throw busy;
        }
        try {
            return replayed(organisationId, learnerId, asOf);
        } finally {
            running.release();
        }
    }

    private LearnerState replayed(String organisationId, String learnerId, Instant asOf) {
        String key = LearnerActivityEvent.learnerKey(organisationId, learnerId);
        var partition = new TopicPartition(Topics.LEARNER_ACTIVITY.name(), BuiltInPartitioner.partitionForKey(
                key.getBytes(StandardCharsets.UTF_8), Topics.LEARNER_ACTIVITY.partitions()));
        var state = LearnerState.empty(organisationId, learnerId);
        var envelopes = new EventEnvelopeDeserializer();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            var after = consumer.offsetsForTimes(Map.of(partition, asOf.toEpochMilli() + 1)).get(partition);
            long end = after != null ? after.offset() : consumer.endOffsets(List.of(partition)).get(partition);
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (consumer.position(partition) < end) {
                if (System.nanoTime() > deadline) {
                    throw Problems.unavailable("history-too-long", "this learner's partition holds more history"
                            + " than can be replayed in " + LIMIT.toSeconds() + " s; ask for a later moment");
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end && key.equals(record.key())) {
                        apply(state, record, envelopes);
                    }
                }
            }
        }
        return state;
    }

    private void apply(LearnerState state, ConsumerRecord<String, byte[]> record, EventEnvelopeDeserializer envelopes) {
        EventEnvelope<?> envelope;
        try {
            envelope = envelopes.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException unreadable) {
            return; // dead-lettered by the live projection too
        }
        if (envelope == null || !(envelope.event() instanceof LearnerActivityEvent event) || !applicable(event)) {
            return;
        }
        LearnerModel.apply(state, new LearnerActivity(envelope.id(), record.partition(), record.offset(),
                envelope.time(), event), structures::require);
    }

    /** What the live listener takes: versions it knows, items they hold (the rest is dead-lettered). */
    private boolean applicable(LearnerActivityEvent event) {
        try {
            return switch (event) {
                case ItemActivity item -> structures.require(item.checklistId(), item.checklistVersion())
                        .levelOf(item.itemId()).isPresent();
                case LearnerChecklistAssigned moved -> {
                    structures.require(moved.checklistId(), moved.checklistVersion());
                    yield true;
                }
                case ItemEvidenceAttached attached -> {
                    structures.require(attached.checklistId(), attached.checklistVersion());
                    yield true;
                }
                default -> true;
            };
        } catch (RuntimeException unknownVersion) {
            return false;
        }
    }
}
