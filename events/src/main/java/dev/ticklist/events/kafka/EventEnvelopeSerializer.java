package dev.ticklist.events.kafka;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.TraceParent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an event as a CloudEvent in Kafka binary content mode: {@code ce_*} headers, JSON data,
 * and its trace context, if any, in the W3C {@code traceparent} header every Kafka tracer reads.
 */
public class EventEnvelopeSerializer implements Serializer<EventEnvelope<?>> {

    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        cloudEvents.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, "BINARY"), isKey);
    }

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> envelope) {
        return serialize(topic, new RecordHeaders(), envelope);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, EventEnvelope<?> envelope) {
        if (envelope == null) {
            return null;
        }
        var event = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(URI.create(envelope.source()))
                .withType(envelope.type())
                .withSubject(envelope.event().subject())
                .withTime(envelope.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(EventJson.write(envelope.event()))
                .build();
        byte[] data = cloudEvents.serialize(topic, headers, event);
        headers.remove(TraceParent.HEADER);
        if (envelope.traceparent() != null) {
            headers.add(TraceParent.HEADER, envelope.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        return data;
    }
}
