package dev.ticklist.platform.kafka;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import dev.ticklist.platform.tracing.EventTraces;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Appends events to their topic and returns only once the broker has acknowledged them
 * ({@code acks=all}, idempotent producer), so a command never answers for an event that may be lost.
 */
public class EventPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaTemplate<String, EventEnvelope<?>> template;
    private final String source;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EventTraces traces;

    public EventPublisher(KafkaTemplate<String, EventEnvelope<?>> template, String serviceName, Clock clock,
                          MeterRegistry meters, EventTraces traces) {
        this.template = template;
        this.source = "/ticklist/" + serviceName;
        this.clock = clock;
        this.meters = meters;
        this.traces = traces;
        // At zero from the start, so an alert sees the first failure as an increase.
        Topics.writtenBy(serviceName).forEach(topic -> EventMetrics.publishFailed(meters, topic.name()));
    }

    /** Publishes a new fact under a fresh id. */
    public <E extends TicklistEvent> EventPosition publish(Topic<? super E> topic, E event) {
        return publish(topic, UUID.randomUUID().toString(), event);
    }

    /** Publishes a fact under the id given; re-publishing the same fact must reuse its id. */
    public <E extends TicklistEvent> EventPosition publish(Topic<? super E> topic, String eventId, E event) {
        return publishAll(topic, List.of(new Identified<>(eventId, event))).getFirst();
    }

    /** Sends every event, then waits for all acknowledgements; their order within a key is kept. */
    public <E extends TicklistEvent> List<EventPosition> publishAll(Topic<? super E> topic, List<Identified<E>> events) {
        try {
            return sendAndAwait(topic, events);
        } catch (RuntimeException e) { // not acknowledged, or not even sent: counted for the operator's alert
            EventMetrics.publishFailed(meters, topic.name()).increment();
            throw e;
        }
    }

    private <E extends TicklistEvent> List<EventPosition> sendAndAwait(Topic<? super E> topic, List<Identified<E>> events) {
        var sends = new ArrayList<CompletableFuture<SendResult<String, EventEnvelope<?>>>>();
        String current = traces.current();
        for (Identified<E> identified : events) {
            Instant time = identified.time() != null ? identified.time() : clock.instant();
            String traceparent = identified.traceparent() != null ? identified.traceparent() : current;
            var envelope = new EventEnvelope<>(identified.id(), source, time, identified.event(), traceparent);
            sends.add(template.send(topic.name(), identified.event().key(), envelope));
        }
        var positions = new ArrayList<EventPosition>();
        for (var send : sends) {
            positions.add(positionOf(await(send)));
        }
        return positions;
    }

    private static SendResult<String, EventEnvelope<?>> await(CompletableFuture<SendResult<String, EventEnvelope<?>>> send) {
        try {
            return send.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotPublishedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventNotPublishedException("the broker did not acknowledge the event", e);
        }
    }

    private static EventPosition positionOf(SendResult<String, EventEnvelope<?>> result) {
        var metadata = result.getRecordMetadata();
        return new EventPosition(metadata.topic(), metadata.partition(), metadata.offset());
    }

    /**
     * An event with the id it is published under, the time it happened if that was before now
     * (an imported tick; the record's own timestamp stays the time it was written), and the trace
     * it continues if not the current one (an event caused by another).
     */
    public record Identified<E extends TicklistEvent>(String id, E event, Instant time, String traceparent) {

        public Identified(String id, E event) {
            this(id, event, null, null);
        }

        public Identified(String id, E event, Instant time) {
            this(id, event, time, null);
        }

        /** The same event, continuing the trace given (null: the current one). */
        public Identified<E> continuing(String traceparent) {
            return new Identified<>(id, event, time, traceparent);
        }
    }
}
