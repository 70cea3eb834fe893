package dev.ticklist.progress.learner;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.events.activity.LearnerChecklistAssigned;
import dev.ticklist.events.cohort.CohortMembersChanged;
import dev.ticklist.events.kafka.EventEnvelopeDeserializer;
import dev.ticklist.platform.kafka.AssignedConsumers;
import dev.ticklist.platform.web.Problems;
import dev.ticklist.progress.catalog.ChecklistStructures;
import dev.ticklist.progress.model.CohortModel;
import dev.ticklist.progress.model.CohortState;
import dev.ticklist.progress.model.LearnerActivity;
import dev.ticklist.progress.model.LearnerModel;
import dev.ticklist.progress.model.LearnerState;
import dev.ticklist.progress.model.MemberChange;
import dev.ticklist.progress.model.MemberNet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.http.HttpHeaders;

/**
 * A learner's or a cohort's progress as it stood at a past moment, answered from the log: the learner's events
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
        var own = AssignedConsumers.config(consumerConfig);
        own.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        this.config = Map.copyOf(own);
        this.structures = structures;
    }

    /** A query's {@code asOf}: an ISO-8601 moment not in the future, or a 400 problem. */
    public static Instant moment(String asOf, Clock clock) {
        Instant moment;
        try {
            moment = Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw Problems.invalid("bad-as-of", "asOf must be a moment like 2026-11-23T10:00:00Z");
        }
        if (moment.isAfter(clock.instant())) {
            throw Problems.invalid("bad-as-of", "asOf must not be in the future");
        }
        return moment;
    }

    /**
     * The learner's state after every event of theirs recorded at or before {@code asOf}; a 503
     * problem while {@value #AT_ONCE} replays already run here.
     */
    public LearnerState replay(String organisationId, String learnerId, Instant asOf) {
        String key = LearnerActivityEvent.learnerKey(organisationId, learnerId);
        var partition = new TopicPartition(Topics.LEARNER_ACTIVITY.name(), BuiltInPartitioner.partitionForKey(
                key.getBytes(StandardCharsets.UTF_8), Topics.LEARNER_ACTIVITY.partitions()));
        var state = LearnerState.empty(organisationId, learnerId);
        replay(List.of(partition), key::equals, asOf, activity -> LearnerModel.apply(state, activity, structures::require));
        return state;
    }

    /**
     * A cohort's state after every event recorded at or before {@code asOf}: every learner of the
     * organisation folded through the learner model, each one's changes in the cohort netted (as a
     * flush nets them, exact over any span) and folded through the cohort model. Reads every
     * partition; the same limits as a learner's replay.
     */
    public CohortState replayCohort(String organisationId, String cohortId, Instant asOf) {
        var partitions = new ArrayList<TopicPartition>();
        for (int partition = 0; partition < Topics.LEARNER_ACTIVITY.partitions(); partition++) {
            partitions.add(new TopicPartition(Topics.LEARNER_ACTIVITY.name(), partition));
        }
        Map<String, LearnerState> learners = new HashMap<>();
        Map<String, MemberNet> nets = new LinkedHashMap<>();
        replay(partitions, key -> key.startsWith(organisationId + "/"), asOf, activity -> {
            String learnerId = activity.event().learnerId();
            var state = learners.computeIfAbsent(learnerId, id -> LearnerState.empty(organisationId, id));
            for (MemberChange change : LearnerModel.apply(state, activity, structures::require).changes()) {
                if (change.cohortId().equals(cohortId)) {
                    nets.computeIfAbsent(learnerId, id -> new MemberNet()).add(change);
                }
            }
        });
        var cohort = new CohortState(organisationId, cohortId, -1);
        long offset = 0;
        for (var net : nets.entrySet()) {
            CohortModel.apply(cohort, offset++, new CohortMembersChanged(organisationId, cohortId, "as-of",
                    List.of(net.getValue().toMember(net.getKey()))), structures::require, List.of());
        }
        return cohort;
    }

    /** Applies, in each partition's order, the activity of the keys wanted recorded at or before {@code asOf}. */
    private void replay(List<TopicPartition> partitions, Predicate<String> wanted, Instant asOf,
                        Consumer<LearnerActivity> apply) {
        if (!running.tryAcquire()) {
            var busy = Problems.unavailable("history-busy", "other replays of history are running on this"
                    + " instance; ask again in a moment");
            busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            throw busy;
        }
        var envelopes = new EventEnvelopeDeserializer();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            var times = new HashMap<TopicPartition, Long>();
            partitions.forEach(partition -> times.put(partition, asOf.toEpochMilli() + 1));
            var after = consumer.offsetsForTimes(times);
            var lastOffsets = consumer.endOffsets(partitions);
            var ends = new HashMap<TopicPartition, Long>();
            partitions.forEach(partition -> ends.put(partition, after.get(partition) != null
                    ? after.get(partition).offset() : lastOffsets.get(partition)));
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw Problems.unavailable("history-too-long", "the log holds more history than can be"
                            + " replayed in " + LIMIT.toSeconds() + " s; ask for a later moment");
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(partition) && record.key() != null && wanted.test(record.key())) {
                        activityOf(record, envelopes).ifPresent(apply);
                    }
                }
            }
        } finally {
            running.release();
        }
    }

    /** The record as the model reads it; nothing for what the live listener dead-letters. */
    private Optional<LearnerActivity> activityOf(ConsumerRecord<String, byte[]> record,
                                                 EventEnvelopeDeserializer envelopes) {
        EventEnvelope<?> envelope;
        try {
            envelope = envelopes.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        if (envelope == null || !(envelope.event() instanceof LearnerActivityEvent event) || !applicable(event)) {
            return Optional.empty();
        }
        return Optional.of(new LearnerActivity(envelope.id(), record.partition(), record.offset(), envelope.time(),
                event));
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
