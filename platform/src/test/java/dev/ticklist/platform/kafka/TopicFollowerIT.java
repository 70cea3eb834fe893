package dev.ticklist.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.Topic;
import dev.ticklist.events.access.AccessEvent;
import dev.ticklist.events.access.ApiKeyRevoked;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import dev.ticklist.testsupport.Infrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

class TopicFollowerIT {

    private final String bootstrap = Infrastructure.shared().kafkaBootstrapServers();

    @Test
    void eventsItCannotReadOrApplyAreCountedAndDeadLetteredWithTheReasonAndTheRestFollowed() throws Exception {
        var topic = new Topic<>("test.follower." + UUID.randomUUID(), AccessEvent.class, "test", 1);
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TestTopics.create(admin, new NewTopic(topic.name(), 1, (short) 1),
                    new NewTopic(topic.deadLetterTopic(), 1, (short) 1));
            publish(topic, revoked("first"));
            publishRaw(topic, "not a cloud event".getBytes(StandardCharsets.UTF_8));
            publish(topic, revoked("refused"));
            publish(topic, revoked("last"));

            var applied = new CopyOnWriteArrayList<String>();
            var meters = new SimpleMeterRegistry();
            var follower = new TopicFollower<>(topic, this::consumer, admin, envelope -> {
                String keyId = ((ApiKeyRevoked) envelope.event()).keyId();
                if (keyId.equals("refused")) {
                    throw new IllegalStateException("this state cannot take it");
                }
                applied.add(keyId);
            }, null, new FollowerDeadLetters(topic, () -> Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                    "test-service", EventMetrics.deadLettered(meters, topic.name())), meters);
            follower.start();
            try {
                assertThat(applied).containsExactly("first", "last");
                assertThat(skipped(meters, topic, "unreadable")).isEqualTo(1.0);
                assertThat(skipped(meters, topic, "not-applied")).isEqualTo(1.0);
                var deadLetters = deadLetters(topic, 2);
                assertThat(deadLetters).extracting(record -> header(record, KafkaEventsConfiguration.REASON_HEADER))
                        .satisfiesExactlyInAnyOrder(
                                reason -> assertThat(reason).startsWith("unreadable: "),
                                reason -> assertThat(reason).startsWith("not applied: ").contains("this state cannot take it"));
                assertThat(deadLetters).extracting(record -> ByteBuffer.wrap(record.headers()
                        .lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong()).containsExactlyInAnyOrder(1L, 2L);
                assertThat(deadLetters).extracting(record -> header(record, "ticklist-dlt-service")).containsOnly("test-service");
                // Counted once the broker took them, for the operator's alert (EventMetrics).
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(meters.get(EventMetrics.DEAD_LETTERED)
                        .tag("topic", topic.name()).counter().count()).isEqualTo(2.0));
                assertThat(new String(deadLetters.stream().filter(record -> header(record,
                        KafkaEventsConfiguration.REASON_HEADER).startsWith("unreadable")).findFirst().orElseThrow().value(),
                        StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
            } finally {
                follower.stop();
            }
        }
    }

    /** Issue 20: a record without ce_time was read as 1970; a follower now skips and dead-letters it with the reason. */
    @Test
    void aRecordWithoutItsTimeIsDeadLetteredWithTheReasonAndTheRestFollowed() throws Exception {
        var topic = new Topic<>("test.follower." + UUID.randomUUID(), AccessEvent.class, "test", 1);
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TestTopics.create(admin, new NewTopic(topic.name(), 1, (short) 1),
                    new NewTopic(topic.deadLetterTopic(), 1, (short) 1));
            var headers = new RecordHeaders();
            var serializer = new EventEnvelopeSerializer();
            serializer.configure(Map.of(), false);
            byte[] timeless = serializer.serialize(topic.name(), headers, new EventEnvelope<>(
                    UUID.randomUUID().toString(), "/ticklist/test", Instant.now(), revoked("timeless")));
            headers.remove("ce_time");
            publishRaw(topic, timeless, headers);
            publish(topic, revoked("dated"));

            var applied = new CopyOnWriteArrayList<String>();
            var meters = new SimpleMeterRegistry();
            var follower = new TopicFollower<>(topic, this::consumer, admin,
                    envelope -> applied.add(((ApiKeyRevoked) envelope.event()).keyId()), null,
                    new FollowerDeadLetters(topic, () -> Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                            "test-service", EventMetrics.deadLettered(meters, topic.name())), meters);
            follower.start();
            try {
                assertThat(applied).containsExactly("dated");
                var dead = deadLetters(topic, 1).getFirst();
                assertThat(header(dead, KafkaEventsConfiguration.REASON_HEADER)).isEqualTo(
                        "unreadable: not a CloudEvent Ticklist can read: it lacks the required attribute ce_time");
                assertThat(dead.value()).isEqualTo(timeless);
            } finally {
                follower.stop();
            }
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> deadLetters(Topic<?> topic, int expected) {
        var records = new ArrayList<ConsumerRecord<byte[], byte[]>>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(topic.deadLetterTopic(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static double skipped(SimpleMeterRegistry meters, Topic<?> topic, String reason) {
        return meters.get("ticklist.follower.events.skipped").tag("topic", topic.name()).tag("reason", reason)
                .counter().count();
    }

    private static ApiKeyRevoked revoked(String keyId) {
        return new ApiKeyRevoked("org_test", keyId, "0".repeat(64));
    }

    private void publish(Topic<?> topic, ApiKeyRevoked event) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new EventEnvelopeSerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), event.key(), new EventEnvelope<>(
                    UUID.randomUUID().toString(), "/ticklist/test", Instant.now(), event))).get();
        }
    }

    private void publishRaw(Topic<?> topic, byte[] value) throws Exception {
        publishRaw(topic, value, new RecordHeaders());
    }

    private void publishRaw(Topic<?> topic, byte[] value, Headers headers) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), null, "org_test", value, headers)).get();
        }
    }

    private KafkaConsumer<String, EventEnvelope<?>> consumer() {
        return TestTopics.followerConsumer(bootstrap);
    }
}
