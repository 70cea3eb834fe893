package dev.ticklist.platform.kafka;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topic;
import dev.ticklist.events.kafka.EventEnvelopeDeserializer;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Invariant 9's store: snapshots of what one service follows of one topic, in a compacted topic
 * of their own, {@code <topic>.snapshots.<service>}. A snapshot is the few events that rebuild the
 * state (one {@code LearnerEnrolled} per learner still enrolled, not the history of joins and
 * leaves) and the topic's positions they stand for. It is written in one transaction — records
 * {@code event-0 … event-(n-1)}, then {@code manifest} — so a reader sees a whole snapshot or the
 * one before. Compaction keeps the latest value of every key: the topic stays about as large as
 * the state, whatever the history.
 *
 * <p>Every instance may write; all share one transactional id, so two snapshots never interleave,
 * and whichever was committed last is read — an older one is still whole, just a longer tail.
 */
final class FollowerSnapshots<E extends TicklistEvent> {

    private static final String EVENT_KEY = "event-";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Topic<E> followed;
    private final String name;
    private final String service;
    private final Admin admin;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final short replicationFactor;
    private final EventEnvelopeSerializer serializer = new EventEnvelopeSerializer();
    private final EventEnvelopeDeserializer deserializer = new EventEnvelopeDeserializer();
    private KafkaProducer<String, byte[]> producer;

    FollowerSnapshots(Topic<E> followed, String service, Admin admin, Map<String, Object> consumerConfig,
                      Map<String, Object> producerConfig, short replicationFactor) {
        this.followed = followed;
        this.name = topicName(followed, service);
        this.service = service;
        this.admin = admin;
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.producerConfig = new HashMap<>(producerConfig);
        this.replicationFactor = replicationFactor;
    }

    static String topicName(Topic<?> followed, String service) {
        return followed.name() + ".snapshots." + service;
    }

    String name() {
        return name;
    }

    /** Creates the compacted topic if it is missing; creating what exists changes nothing. */
    void createTopic() {
        var topic = new NewTopic(name, 1, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                // Small segments, cleaned early: only closed segments are compacted.
                TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024),
                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.25",
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024)));
        try {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create " + name + " in time", e);
        }
    }

    /**
     * Applies the last whole snapshot, event by event, and returns the positions it stands for;
     * empty if there is none. Two passes over the topic keep memory to one record at a time: the
     * first finds the last manifest and where its snapshot begins, the second applies it.
     *
     * @param belongs whether the snapshot's positions can be of the followed topic as it is now
     * @throws UnusableSnapshotException when the snapshot cannot be read whole (events of a type
     *         this version does not know, or a newer snapshot compacted it away meanwhile) or does
     *         not belong; what was applied must then be cleared
     */
    Optional<SnapshotManifest> restore(Predicate<Map<Integer, Long>> belongs, Consumer<EventEnvelope<E>> apply) {
        try (var consumer = snapshotConsumer()) {
            var partition = new TopicPartition(name, 0);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            SnapshotManifest manifest = null;
            var firstOffsets = new HashMap<String, Long>();
            consumer.seekToBeginning(List.of(partition));
            for (var batch = readUntil(consumer, partition, end); batch != null; batch = readUntil(consumer, partition, end)) {
                for (var record : batch) {
                    if (SnapshotManifest.KEY.equals(record.key()) && record.value() != null) {
                        manifest = SnapshotManifest.parse(new String(record.value(), StandardCharsets.UTF_8));
                    } else {
                        String id = snapshotIdOf(record);
                        if (id != null) {
                            firstOffsets.putIfAbsent(id, record.offset());
                        }
                    }
                }
            }
            if (manifest == null) {
                return Optional.empty();
            }
            if (!belongs.test(manifest.positions())) {
                throw new UnusableSnapshotException(name + ": snapshot " + manifest.id() + " stands for positions "
                        + manifest.positions() + " beyond the end of " + followed.name()
                        + " (restored from a backup, or made anew?)");
            }
            int applied = 0;
            if (manifest.events() > 0) {
                Long first = firstOffsets.get(manifest.id());
                if (first == null) {
                    throw new UnusableSnapshotException(name + ": the events of snapshot " + manifest.id() + " are gone");
                }
                consumer.seek(partition, first);
                applied = applyEvents(consumer, partition, end, manifest, apply);
            }
            if (applied != manifest.events()) {
                throw new UnusableSnapshotException(name + ": snapshot " + manifest.id() + " has " + applied
                        + " of its " + manifest.events() + " events");
            }
            return Optional.of(manifest);
        }
    }

    @SuppressWarnings("unchecked")
    private int applyEvents(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long end,
                            SnapshotManifest manifest, Consumer<EventEnvelope<E>> apply) {
        int applied = 0;
        for (var batch = readUntil(consumer, partition, end); batch != null; batch = readUntil(consumer, partition, end)) {
            for (var record : batch) {
                if (record.value() != null && manifest.id().equals(snapshotIdOf(record))) {
                    try {
                        apply.accept((EventEnvelope<E>) deserializer.deserialize(followed.name(), record.headers(),
                                record.value()));
                    } catch (RuntimeException e) {
                        throw new UnusableSnapshotException(name + ": event " + record.key() + " of snapshot "
                                + manifest.id() + " cannot be applied: " + e.getMessage());
                    }
                    applied++;
                }
            }
            if (applied == manifest.events()) {
                return applied;
            }
        }
        return applied;
    }

    /** The next records before {@code end}, or null once there. */
    private static ConsumerRecords<String, byte[]> readUntil(KafkaConsumer<String, byte[]> consumer,
                                                             TopicPartition partition, long end) {
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (consumer.position(partition) < end) {
            var records = consumer.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                return records;
            }
            if (System.nanoTime() > deadline) {
                throw new UnusableSnapshotException("nothing read from " + partition + " within " + READ_TIMEOUT);
            }
        }
        return null;
    }

    private KafkaConsumer<String, byte[]> snapshotConsumer() {
        var config = AssignedConsumers.config(consumerConfig);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        // The topic ends with a transaction marker, which an empty fetch reaches: do not wait long for it.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String snapshotIdOf(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader(SnapshotManifest.ID_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A snapshot that cannot be applied whole: the follower clears its state and reads the history. */
    static final class UnusableSnapshotException extends RuntimeException {
        UnusableSnapshotException(String message) {
            super(message);
        }
    }

    /** Writes a snapshot in one transaction; returns its id. Called by one thread at a time. */
    String write(Map<Integer, Long> positions, List<? extends E> events) {
        var manifest = new SnapshotManifest(UUID.randomUUID().toString(), Instant.now(), events.size(), new TreeMap<>(positions));
        String source = "/ticklist/" + service + "/snapshot";
        var producer = producer();
        try {
            producer.beginTransaction();
            for (int i = 0; i < events.size(); i++) {
                var headers = new RecordHeaders();
                headers.add(SnapshotManifest.ID_HEADER, manifest.id().getBytes(StandardCharsets.UTF_8));
                var envelope = new EventEnvelope<>(manifest.id() + "/" + i, source, manifest.takenAt(), events.get(i));
                byte[] value = serializer.serialize(followed.name(), headers, envelope);
                producer.send(new ProducerRecord<>(name, 0, EVENT_KEY + i, value, headers));
            }
            producer.send(new ProducerRecord<>(name, 0, SnapshotManifest.KEY, manifest.format().getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction();
            return manifest.id();
        } catch (RuntimeException e) {
            // Fenced by another instance's snapshot, or the broker refused: this one is dropped whole.
            close();
            throw e;
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            var config = new HashMap<>(producerConfig);
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, name);
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
            config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 300_000);
            var created = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
            created.initTransactions();
            producer = created;
        }
        return producer;
    }

    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
