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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Invariant 9 against a real broker: a start reads the last snapshot and the tail, not the history. */
class FollowerSnapshotsIT {

    private static final int KEYS = 20;
    private static final int HISTORY = 300;

    private final String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
    private final Topic<AccessEvent> topic =
            new Topic<>("test.snapshots." + UUID.randomUUID(), AccessEvent.class, "test", 3);

    @Test
    void aStartAppliesTheLastSnapshotAndOnlyTheEventsAfterIt() throws Exception {
        try (var admin = admin()) {
            var history = new ArrayList<String>();
            for (int i = 0; i < HISTORY; i++) {
                history.add("key-" + (i % KEYS));
            }
            publish(history);

            var first = new RevokedKeys();
            var meters = new SimpleMeterRegistry();
            var follower = follower(admin, first, meters);
            follower.start();
            // Snapshots are written as the history is read; wait for one that holds all of it.
            await().atMost(Duration.ofSeconds(30)).until(() -> eventsBehindLastSnapshot(admin) == HISTORY);
            assertThat(written(meters)).isPositive();
            follower.stop();
            assertThat(first.applied.get()).isEqualTo(HISTORY);

            publish(List.of("key-0", "key-new"));
            var restarted = new RevokedKeys();
            var again = follower(admin, restarted, new SimpleMeterRegistry());
            again.start();
            try {
                assertThat(restarted.keys).isEqualTo(union(first.keys, Set.of("key-new")));
                assertThat(restarted.applied.get()).as("the snapshot's %d events and the tail's 2", KEYS)
                        .isEqualTo(KEYS + 2);
            } finally {
                again.stop();
            }
        }
    }

    @Test
    void aSnapshotStandingForOffsetsTheTopicDoesNotHaveIsSetAsideAndTheHistoryReadInstead() throws Exception {
        // As after restoring the topic from a backup: the snapshot belongs to another history.
        var manifest = new SnapshotManifest("elsewhere", Instant.now(), 0, Map.of(0, 99L, 1, 99L, 2, 99L));
        assertTheHistoryIsReadDespite(List.of(manifestRecord(manifest)));
    }

    @Test
    void aSnapshotMissingSomeOfItsEventsIsSetAsideAfterApplyingPartOfIt() throws Exception {
        // As if a newer snapshot had compacted part of it away while it was read.
        var manifest = new SnapshotManifest("partial", Instant.now(), 2, Map.of(0, 0L, 1, 0L, 2, 0L));
        var headers = new RecordHeaders();
        headers.add(SnapshotManifest.ID_HEADER, "partial".getBytes(StandardCharsets.UTF_8));
        byte[] event = new EventEnvelopeSerializer().serialize(topic.name(), headers,
                new EventEnvelope<>("partial/0", "/test", Instant.now(), revoked("from-the-snapshot")));
        assertTheHistoryIsReadDespite(List.of(
                new ProducerRecord<>(FollowerSnapshots.topicName(topic, "test"), 0, "event-0", event, headers),
                manifestRecord(manifest)));
    }

    private void assertTheHistoryIsReadDespite(List<ProducerRecord<String, byte[]>> snapshotRecords) throws Exception {
        try (var admin = admin()) {
            publish(List.of("key-1", "key-2", "key-1"));
            store(admin).createTopic();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrap), new StringSerializer(), new ByteArraySerializer())) {
                for (var record : snapshotRecords) {
                    producer.send(record).get();
                }
            }

            var state = new RevokedKeys();
            var follower = follower(admin, state, new SimpleMeterRegistry());
            follower.start();
            try {
                assertThat(state.keys).containsExactlyInAnyOrder("key-1", "key-2");
                assertThat(state.applied.get()).as("applied since the state was cleared").isEqualTo(3);
            } finally {
                follower.stop();
            }
        }
    }

    private ProducerRecord<String, byte[]> manifestRecord(SnapshotManifest manifest) {
        return new ProducerRecord<>(FollowerSnapshots.topicName(topic, "test"), SnapshotManifest.KEY,
                manifest.format().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aManifestReadsBackAsWritten() {
        var manifest = new SnapshotManifest("id-1", Instant.parse("2026-12-06T10:00:00Z"), 42,
                Map.of(0, 7L, 2, 1_000_000_000_000L));
        assertThat(SnapshotManifest.parse(manifest.format())).isEqualTo(manifest);
    }

    @Test
    void aSnapshotIsDueAfterAsManyEventsAsTheLastHeldAndNotTooOften() {
        var policy = new SnapshotPolicy(100, Duration.ofSeconds(10));
        assertThat(policy.due(99, 0, Duration.ofHours(1))).isFalse();
        assertThat(policy.due(100, 0, Duration.ofHours(1))).isTrue();
        assertThat(policy.due(4_999, 5_000, Duration.ofHours(1))).isFalse();
        assertThat(policy.due(5_000, 5_000, Duration.ofSeconds(9))).isFalse();
        assertThat(policy.due(5_000, 5_000, Duration.ofSeconds(10))).isTrue();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private long eventsBehindLastSnapshot(Admin admin) {
        return store(admin).restore(positions -> true, envelope -> { }).map(SnapshotManifest::recordsCovered).orElse(0L);
    }

    private static double written(SimpleMeterRegistry meters) {
        var counter = meters.find("ticklist.follower.snapshots").tag("outcome", "written").counter();
        return counter == null ? 0 : counter.count();
    }

    /** The key ids revoked so far; counts every event applied, from the topic or a snapshot. */
    private static final class RevokedKeys implements SnapshotState<AccessEvent> {
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        final AtomicInteger applied = new AtomicInteger();

        @Override
        public void apply(EventEnvelope<AccessEvent> envelope) {
            applied.incrementAndGet();
            keys.add(((ApiKeyRevoked) envelope.event()).keyId());
        }

        @Override
        public List<AccessEvent> asEvents() {
            return keys.stream().<AccessEvent>map(FollowerSnapshotsIT::revoked).toList();
        }

        @Override
        public void clear() {
            keys.clear();
            applied.set(0);
        }
    }

    private TopicFollower<AccessEvent> follower(Admin admin, RevokedKeys state, SimpleMeterRegistry meters) {
        var snapshotting = new Snapshotting<>(state, store(admin), new SnapshotPolicy(10, Duration.ZERO), meters);
        return new TopicFollower<>(topic, this::consumer, admin, state::apply, snapshotting, null, meters);
    }

    private FollowerSnapshots<AccessEvent> store(Admin admin) {
        return new FollowerSnapshots<>(topic, "test", admin,
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), (short) 1);
    }

    private Admin admin() throws Exception {
        var admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        TestTopics.create(admin, new NewTopic(topic.name(), 3, (short) 1));
        return admin;
    }

    private static ApiKeyRevoked revoked(String keyId) {
        return new ApiKeyRevoked("org_test", keyId, "0".repeat(64));
    }

    private void publish(List<String> keyIds) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new EventEnvelopeSerializer())) {
            for (String keyId : keyIds) {
                var event = revoked(keyId);
                producer.send(new ProducerRecord<>(topic.name(), keyId, new EventEnvelope<>(
                        UUID.randomUUID().toString(), "/ticklist/test", Instant.now(), event)));
            }
            producer.flush();
        }
    }

    private KafkaConsumer<String, EventEnvelope<?>> consumer() {
        return TestTopics.followerConsumer(bootstrap);
    }
}
