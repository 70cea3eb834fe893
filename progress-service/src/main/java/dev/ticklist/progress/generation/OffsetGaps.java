package dev.ticklist.progress.generation;

import dev.ticklist.platform.kafka.AssignedConsumers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether a stretch of a partition holds records a read-committed consumer returns, asked with
 * a short-lived consumer of its own. Transactions leave offsets at which no record is returned
 * (commit and abort markers, the records of aborted transactions), so offsets that skip between
 * two batches, or between a replay's last record and the partition's end, say nothing by
 * themselves: a skip over such offsets only is no loss, a skip over a record is.
 */
public class OffsetGaps {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final Map<String, Object> config;

    public OffsetGaps(Map<String, Object> consumerConfig) {
        var own = AssignedConsumers.config(consumerConfig);
        own.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        this.config = Map.copyOf(own);
    }

    /** Whether offsets {@code from} (inclusive) to {@code to} (exclusive) hold a record; true when it cannot tell in time. */
    public boolean holdsRecords(TopicPartition partition, long from, long to) {
        if (from >= to) {
            return false;
        }
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (consumer.position(partition) < to) {
                if (System.nanoTime() > deadline) {
                    return true;
                }
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.offset() < to) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
