package dev.ticklist.events.kafka;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.EventTypes;
import dev.ticklist.events.Superseded;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.TraceParent;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a CloudEvent in binary content mode into an event record. Anything it cannot read
 * (not a CloudEvent, a required attribute missing — {@code ce_time} included, see
 * {@link RequiredAttributes} — an unknown type or version, data that does not fit the type)
 * fails with a {@link SerializationException} naming the reason, so the consumer can
 * dead-letter it. A record of a superseded version comes out upcast to the version its stream
 * holds today.
 */
public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope<?>> {

    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();

    @Override
    public EventEnvelope<?> deserialize(String topic, byte[] data) {
        throw new SerializationException("a CloudEvent in binary mode needs its ce_* headers");
    }

    @Override
    public EventEnvelope<?> deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        var attributes = BinaryModeAttributes.read(headers);
        if (attributes != null) {
            return new EventEnvelope<>(attributes.id(), attributes.source(), attributes.time(),
                    payloadOf(attributes.type(), attributes.id(), data), attributes.traceparent());
        }
        if (!isStructuredMode(headers)) {
            var missing = RequiredAttributes.missingFrom(headers);
            if (!missing.isEmpty()) {
                throw RequiredAttributes.lacking(missing);
            }
        }
        CloudEvent event;
        try {
            event = cloudEvents.deserialize(topic, headers, data);
        } catch (RuntimeException e) {
            throw new SerializationException("not a CloudEvent: " + e.getMessage(), e);
        }
        return toEnvelope(event).withTraceparent(traceparentOf(headers));
    }

    /** A whole CloudEvent in the value, attributes and all, which the SDK reads and checks below. */
    private static boolean isStructuredMode(Headers headers) {
        Header contentType = headers.lastHeader("content-type");
        return contentType != null && contentType.value() != null
                && new String(contentType.value(), StandardCharsets.UTF_8).startsWith("application/cloudevents");
    }

    /** The record's trace context; a malformed one is dropped: tracing never makes an event unreadable. */
    private static String traceparentOf(Headers headers) {
        Header header = headers.lastHeader(TraceParent.HEADER);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return TraceParent.isWellFormed(value) ? value : null;
    }

    static EventEnvelope<?> toEnvelope(CloudEvent event) {
        if (event.getData() == null) {
            EventTypes.classOf(event.getType())
                    .orElseThrow(() -> new SerializationException("unknown event type " + event.getType()));
            throw new SerializationException(event.getType() + " " + event.getId() + " has no data");
        }
        var missing = new ArrayList<String>(0);
        if (event.getId().isEmpty()) {
            missing.add("id");
        }
        if (event.getSource().toString().isEmpty()) {
            missing.add("source");
        }
        if (event.getTime() == null) {
            missing.add("time");
        }
        if (!missing.isEmpty()) {
            throw RequiredAttributes.lacking(missing);
        }
        TicklistEvent payload = payloadOf(event.getType(), event.getId(), event.getData().toBytes());
        return new EventEnvelope<>(event.getId(), event.getSource().toString(), event.getTime().toInstant(), payload);
    }

    private static TicklistEvent payloadOf(String typeName, String id, byte[] data) {
        Class<? extends TicklistEvent> type = EventTypes.classOf(typeName)
                .orElseThrow(() -> new SerializationException("unknown event type " + typeName));
        TicklistEvent read;
        try {
            read = EventJson.read(data, type);
        } catch (RuntimeException e) {
            throw new SerializationException("data of " + typeName + " " + id + " is not valid: " + e.getMessage(), e);
        }
        return Superseded.current(read);
    }
}
