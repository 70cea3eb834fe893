package dev.ticklist.platform.kafka;

import dev.ticklist.events.Topic;
import io.micrometer.core.instrument.Counter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * What a follower skips goes to the topic's {@code .dlt}, with the headers Spring Kafka's
 * dead-letter recoverer writes for listeners (original topic, partition, offset) and the reason.
 * Each replica that reads the record writes it: the original offset tells copies apart.
 */
final class FollowerDeadLetters implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FollowerDeadLetters.class);

    private final Topic<?> topic;
    private final Supplier<Map<String, Object>> producerConfig;
    private final String service;
    private final Counter deadLettered;
    private KafkaProducer<byte[], byte[]> producer;

    FollowerDeadLetters(Topic<?> topic, Supplier<Map<String, Object>> producerConfig, String service,
                        Counter deadLettered) {
        this.deadLettered = deadLettered;
        this.topic = topic;
        this.producerConfig = producerConfig;
        this.service = service;
    }

    /** Sends one record's bytes (either may be null) to the dead-letter topic; never throws. */
    synchronized void send(int partition, long offset, ByteBuffer key, ByteBuffer value, Headers original,
                           String reason) {
        var headers = new RecordHeaders();
        if (original != null) {
            original.forEach(headers::add);
        }
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(topic.name()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(partition).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(offset).array());
        headers.add(KafkaEventsConfiguration.REASON_HEADER, utf8(reason));
        headers.add("ticklist-dlt-service", utf8(service));
        try {
            producer().send(new ProducerRecord<>(topic.deadLetterTopic(), null, bytes(key), bytes(value), headers),
                    (metadata, failure) -> {
                        if (failure != null) {
                            LOG.error("Could not dead-letter {}-{}@{}: {}", topic.name(), partition, offset, failure.toString());
                        } else {
                            deadLettered.increment();
                        }
                    });
        } catch (RuntimeException e) {
            LOG.error("Could not dead-letter {}-{}@{}: {}", topic.name(), partition, offset, e.toString());
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            var config = new HashMap<>(producerConfig.get());
            config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        var copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
