package dev.ticklist.platform.kafka;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import dev.ticklist.events.kafka.EventEnvelopeDeserializer;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import dev.ticklist.platform.tracing.EventTraces;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka as every service uses it: topics created with their settings, events published as
 * CloudEvents, and a listener error policy that dead-letters poison records but retries
 * everything else forever, so no offset moves past an event that was not applied.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class KafkaEventsConfiguration {

    /** Why a record was dead-lettered, beside Spring Kafka's own {@code kafka_dlt-*} headers. */
    public static final String REASON_HEADER = "ticklist-dlt-reason";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, EventEnvelope<?>> template,
                                  @Value("${spring.application.name}") String serviceName, Clock clock,
                                  MeterRegistry meters, EventTraces traces) {
        return new EventPublisher(template, serviceName, clock, meters, traces);
    }

    /** Commands' one writer per aggregate (invariant 8); its producers are made when first needed. */
    @Bean(destroyMethod = "close")
    AggregateWriters aggregateWriters(KafkaProperties properties,
                                      @Value("${spring.application.name}") String serviceName, Clock clock,
                                      EventTraces traces) {
        return new AggregateWriters(properties.buildProducerProperties(), serviceName, clock, traces);
    }

    /** Every topic and its dead-letter topic; creating what exists already changes nothing. */
    @Bean
    KafkaAdmin.NewTopics ticklistTopics(@Value("${ticklist.kafka.replication-factor:1}") short replicationFactor) {
        var topics = new ArrayList<NewTopic>();
        for (Topic<?> topic : Topics.ALL) {
            topics.add(eventTopic(topic.name(), topic.partitions(), replicationFactor));
            topics.add(eventTopic(topic.deadLetterTopic(), 1, replicationFactor));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Events are the system of record: never compacted, never expired. */
    private static NewTopic eventTopic(String name, int partitions, short replicationFactor) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicationFactor)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }

    @Bean(destroyMethod = "close")
    Admin ticklistAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    DefaultErrorHandler eventErrorHandler(KafkaProperties properties, MeterRegistry meters) {
        Map<String, Object> config = properties.buildProducerProperties();
        // A record that could not be deserialised is dead-lettered as the raw bytes it arrived as.
        var keys = new DelegatingByTypeSerializer(Map.of(
                byte[].class, new ByteArraySerializer(),
                String.class, new StringSerializer()));
        var values = new DelegatingByTypeSerializer(Map.of(
                byte[].class, new ByteArraySerializer(),
                String.class, new StringSerializer(),
                EventEnvelope.class, new EventEnvelopeSerializer()), true);
        var deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<Object, Object>(config, keys, values));
        var recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, exception) -> new TopicPartition(record.topic() + ".dlt", -1));
        recoverer.setHeadersFunction((record, exception) -> new RecordHeaders(List.of(new RecordHeader(
                REASON_HEADER, reasonOf(exception).getBytes(StandardCharsets.UTF_8)))));
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        var handler = new DefaultErrorHandler((record, exception) -> {
            recoverer.accept(record, exception);
            EventMetrics.deadLettered(meters, record.topic()).increment();
        }, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    /** Our own words for why a record is unusable if we gave any, otherwise the innermost message. */
    private static String reasonOf(Throwable exception) {
        Throwable reason = null;
        Throwable cause = exception;
        while (cause != null) {
            if (cause instanceof SerializationException || cause instanceof PoisonEventException) {
                reason = cause;
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        Throwable chosen = reason != null ? reason : cause;
        return chosen.getMessage() == null ? chosen.getClass().getName() : chosen.getMessage();
    }

    @Bean
    TopicFollowers topicFollowers(KafkaProperties properties, Admin admin, MeterRegistry meters,
                                  @Value("${spring.application.name}") String serviceName,
                                  @Value("${ticklist.kafka.replication-factor:1}") short replicationFactor,
                                  @Value("${ticklist.follower.snapshot.minimum-events:10000}") long snapshotEvents,
                                  @Value("${ticklist.follower.snapshot.minimum-interval:10s}") Duration snapshotInterval) {
        return new TopicFollowers(properties, admin, meters, serviceName, replicationFactor,
                new SnapshotPolicy(snapshotEvents, snapshotInterval));
    }

    /** Makes {@link TopicFollower}s with this service's Kafka settings. */
    public static final class TopicFollowers {
        private final KafkaProperties properties;
        private final Admin admin;
        private final MeterRegistry meters;
        private final String service;
        private final short replicationFactor;
        private final SnapshotPolicy snapshotPolicy;

        TopicFollowers(KafkaProperties properties, Admin admin, MeterRegistry meters, String service,
                       short replicationFactor, SnapshotPolicy snapshotPolicy) {
            this.properties = properties;
            this.admin = admin;
            this.meters = meters;
            this.service = service;
            this.replicationFactor = replicationFactor;
            this.snapshotPolicy = snapshotPolicy;
        }

        /** Follows a topic, reading its whole history at every start. */
        public <E extends TicklistEvent> TopicFollower<E> follow(Topic<E> topic, Consumer<EventEnvelope<E>> apply) {
            return new TopicFollower<>(topic, this::newConsumer, admin, apply, null, deadLetters(topic), meters);
        }

        /** Follows a topic into state that is snapshotted: a start reads the last snapshot and the tail. */
        public <E extends TicklistEvent> TopicFollower<E> follow(Topic<E> topic, SnapshotState<E> state) {
            var snapshots = new FollowerSnapshots<>(topic, service, admin, properties.buildConsumerProperties(),
                    properties.buildProducerProperties(), replicationFactor);
            return new TopicFollower<>(topic, this::newConsumer, admin, state::apply,
                    new Snapshotting<>(state, snapshots, snapshotPolicy, meters), deadLetters(topic), meters);
        }

        private FollowerDeadLetters deadLetters(Topic<?> topic) {
            return new FollowerDeadLetters(topic, properties::buildProducerProperties, service,
                    EventMetrics.deadLettered(meters, topic.name()));
        }

        private KafkaConsumer<String, EventEnvelope<?>> newConsumer() {
            return new KafkaConsumer<>(AssignedConsumers.config(properties.buildConsumerProperties()),
                    new StringDeserializer(), new EventEnvelopeDeserializer());
        }
    }

}
