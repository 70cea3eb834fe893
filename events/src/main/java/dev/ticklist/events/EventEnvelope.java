package dev.ticklist.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An event with the CloudEvents attributes it travels with.
 *
 * @param id     unique and stable: publishing the same fact again reuses it
 * @param source the service that published it, as a URI reference ({@code /ticklist/checklist-service})
 * @param time   when the fact happened
 */
public record EventEnvelope<E extends TicklistEvent>(String id, String source, Instant time, E event) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(event, "event");
    }

    public String type() {
        return EventTypes.typeOf(event.getClass());
    }
}
