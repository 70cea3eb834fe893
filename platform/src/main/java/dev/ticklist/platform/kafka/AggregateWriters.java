package dev.ticklist.platform.kafka;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topic;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import dev.ticklist.platform.kafka.EventPublisher.Identified;
import dev.ticklist.platform.tracing.EventTraces;
import dev.ticklist.platform.web.Problems;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invariant 8 — one writer per aggregate — with what Kafka gives: transactions with fencing.
 * Every partition of a topic whose events commands decide has one transactional id,
 * {@code <service>.<topic>.<partition>}, shared by all instances of the service. Deciding a
 * command for a key takes the producer of the key's partition, initialised under that id —
 * which fences every other producer of the id, on any instance — then lets the command catch
 * up, validate and name its events, and commits them in one transaction. Another instance that
 * took the id meanwhile has fenced this producer, so its commit fails: the command is decided
 * again, by a new producer (fencing the other in turn), on state that now holds the other's
 * events. The commit is atomic: a command's events on several topics appear all or none
 * (consumers read committed only). On one instance, commands of a partition run one at a time.
 */
public class AggregateWriters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AggregateWriters.class);
    /** A command decided again this often without committing gives up with 503: others keep taking the partition. */
    private static final int ATTEMPTS = 5;

    private final Map<String, Object> producerConfig;
    private final String service;
    private final String source;
    private final Clock clock;
    private final EventTraces traces;
    private final Map<String, Writer> writers = new ConcurrentHashMap<>();

    public AggregateWriters(Map<String, Object> producerConfig, String service, Clock clock, EventTraces traces) {
        this.producerConfig = Map.copyOf(producerConfig);
        this.service = service;
        this.source = "/ticklist/" + service;
        this.clock = clock;
        this.traces = traces;
    }

    /** The events a command decided, to be committed together. */
    public final class Decision {

        private final List<ProducerRecord<String, EventEnvelope<?>>> records = new ArrayList<>();

        /** Adds a new fact under a fresh id. */
        public <E extends TicklistEvent> void add(Topic<? super E> topic, E event) {
            addAll(topic, List.of(new Identified<>(UUID.randomUUID().toString(), event)));
        }

        /** Adds facts in order; their order within a key is kept. */
        public <E extends TicklistEvent> void addAll(Topic<? super E> topic, List<Identified<E>> events) {
            String traceparent = traces.current();
            for (Identified<E> identified : events) {
                records.add(new ProducerRecord<>(topic.name(), identified.event().key(),
                        new EventEnvelope<>(identified.id(), source, clock.instant(), identified.event(), traceparent)));
            }
        }
    }

    /**
     * Decides a command as the one writer of {@code key}'s partition of {@code topic}. The command
     * must catch up with the partition before it validates, and may run more than once; nothing
     * it adds is visible to anyone unless it returns and the transaction commits.
     *
     * @throws EventNotPublishedException when the broker did not take the events
     */
    public <T> T decide(Topic<?> topic, String key, Function<Decision, T> command) {
        int partition = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), topic.partitions());
        String transactionalId = service + "." + topic.name() + "." + partition;
        Writer writer = writers.computeIfAbsent(transactionalId, Writer::new);
        synchronized (writer) {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                var producer = writer.producer();
                var decision = new Decision();
                T result = command.apply(decision);
                if (decision.records.isEmpty() || writer.commit(producer, decision.records)) {
                    return result;
                }
            }
        }
        throw Problems.unavailable("write-contended", "other instances kept taking the writing of this "
                + topic.name() + " partition; retry in a moment");
    }

    /**
     * Decides a command on the state {@code follower} keeps of {@code key}'s partition: caught up
     * with it before the command validates (invariant 6), and again once committed, so the
     * command answers only when its own events are applied here too.
     */
    public <T> T decide(TopicFollower<?> follower, String key, Function<Decision, T> command) {
        T result = decide(follower.topic(), key, decision -> {
            follower.catchUp(key);
            return command.apply(decision);
        });
        follower.catchUp(key);
        return result;
    }

    @Override
    public void close() {
        writers.values().forEach(Writer::close);
    }

    /** The producer of one transactional id on this instance; replaced when another instance fences it. */
    private final class Writer {

        private final String transactionalId;
        private KafkaProducer<String, EventEnvelope<?>> producer;

        Writer(String transactionalId) {
            this.transactionalId = transactionalId;
        }

        /** Initialising a producer fences every older one of the id and settles their open transactions. */
        KafkaProducer<String, EventEnvelope<?>> producer() {
            if (producer == null) {
                var config = new HashMap<>(producerConfig);
                config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
                config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                config.put(ProducerConfig.ACKS_CONFIG, "all");
                config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
                var created = new KafkaProducer<String, EventEnvelope<?>>(config, new StringSerializer(),
                        new EventEnvelopeSerializer());
                try {
                    created.initTransactions();
                } catch (RuntimeException e) {
                    created.close(Duration.ZERO);
                    throw new EventNotPublishedException("could not become the writer of " + transactionalId, e);
                }
                producer = created;
            }
            return producer;
        }

        /** True once committed; false when fenced (decide again); throws when the broker failed otherwise. */
        boolean commit(KafkaProducer<String, EventEnvelope<?>> current, List<ProducerRecord<String, EventEnvelope<?>>> records) {
            try {
                current.beginTransaction();
                records.forEach(current::send);
                current.commitTransaction();
                return true;
            } catch (ProducerFencedException | InvalidProducerEpochException fenced) {
                LOG.info("Another instance took the writing of {}; deciding again", transactionalId);
                close();
                return false;
            } catch (KafkaException e) {
                close();
                throw new EventNotPublishedException("the broker did not take the command's events", e);
            }
        }

        void close() {
            if (producer != null) {
                try {
                    producer.close(Duration.ofSeconds(5));
                } catch (RuntimeException ignored) {
                    // Fenced or failed already: nothing of it is needed any more.
                }
                producer = null;
            }
        }
    }
}
