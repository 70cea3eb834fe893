package dev.ticklist.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The reference: how fast a bare consumer reads the same records on this machine, without
 * deserialising events or touching Redis. The rebuild cannot be faster than this.
 */
final class RawConsumerRate {

    private RawConsumerRate() {
    }

    /**
     * Reads {@code expected} records of the topic. The clock runs from the first non-empty poll
     * to the last, so group join is left out; the records of that first poll are left out too,
     * as they arrived before the clock started (the same rule as {@link RebuildRate}).
     */
    static Rate measure(String bootstrapServers, String topic, long expected, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long read = 0;
            long first = 0;
            long beforeClock = 0;
            while (read < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw consumer read only " + read + " of " + expected);
                }
                int count = consumer.poll(Duration.ofMillis(500)).count();
                if (count > 0 && read == 0) {
                    first = System.nanoTime();
                    beforeClock = count;
                }
                read += count;
            }
            return Rate.since(read - beforeClock, first);
        }
    }
}
