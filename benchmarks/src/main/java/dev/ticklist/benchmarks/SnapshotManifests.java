package dev.ticklist.benchmarks;

import dev.ticklist.platform.kafka.SnapshotManifest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a follower's snapshot topic from outside, as an operator could: the last committed
 * manifest ({@link SnapshotManifest}) names the positions the snapshot stands for.
 */
final class SnapshotManifests {

    private SnapshotManifests() {
    }

    /** Waits until the last snapshot stands for at least {@code events} events of the followed topic. */
    static void awaitCovering(String bootstrapServers, String snapshotTopic, long events, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (covered(bootstrapServers, snapshotTopic) < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no snapshot in " + snapshotTopic + " covers " + events + " events");
            }
            Thread.sleep(1_000);
        }
    }

    private static long covered(String bootstrapServers, String snapshotTopic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.GROUP_ID_CONFIG, "bench-snapshots-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition(snapshotTopic, 0);
            if (consumer.partitionsFor(snapshotTopic, Duration.ofSeconds(10)).isEmpty()) {
                return 0;
            }
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            SnapshotManifest manifest = null;
            while (consumer.position(partition) < end) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (SnapshotManifest.KEY.equals(record.key()) && record.value() != null) {
                        manifest = SnapshotManifest.parse(new String(record.value(), StandardCharsets.UTF_8));
                    }
                }
            }
            return manifest == null ? 0 : manifest.recordsCovered();
        } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException e) {
            return 0;
        }
    }
}
