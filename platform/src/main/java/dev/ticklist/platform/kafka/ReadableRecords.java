package dev.ticklist.platform.kafka;

import dev.ticklist.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.SerializationUtils;

/** The event in a record read through Spring Kafka's error-handling deserializer. */
public final class ReadableRecords {

    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(ReadableRecords.class);

    private ReadableRecords() {
    }

    /** @throws PoisonEventException naming why, if the record held no readable event */
    public static EventEnvelope<?> envelopeOf(ConsumerRecord<String, EventEnvelope<?>> record) {
        if (record.value() != null) {
            return record.value();
        }
        var unreadable = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        throw new PoisonEventException(unreadable == null ? "an empty record"
                : unreadable.getCause() == null ? unreadable.getMessage() : unreadable.getCause().getMessage());
    }
}
