package dev.ticklist.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An event with the CloudEvents attributes it travels with.
 *
 * @param id          unique and stable: publishing the same fact again reuses it
 * @param source      the service that published it, as a URI reference ({@code /ticklist/checklist-service})
 * @param time        when the fact happened
 * @param traceparent the W3C trace context of the work that published it (the CloudEvents
 *                    distributed tracing extension; on Kafka the record's {@code traceparent}
 *                    header), or null: it follows the event, never changes what the event means
 */
public record EventEnvelope<E extends TicklistEvent>(String id, String source, Instant time, E event,
                                                     String traceparent) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
        if (traceparent != null && !TraceParent.isWellFormed(traceparent)) {
            throw new IllegalArgumentException("not a W3C traceparent: " + traceparent);
        }
    }

    public EventEnvelope(String id, String source, Instant time, E event) {
        this(id, source, time, event, null);
    }

    public String type() {
        return EventTypes.typeOf(event.getClass());
    }

    /** The same event carrying another trace context. */
    public EventEnvelope<E> withTraceparent(String traceparent) {
        return new EventEnvelope<>(id, source, time, event, traceparent);
    }
}
