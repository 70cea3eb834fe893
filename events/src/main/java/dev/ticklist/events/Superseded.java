package dev.ticklist.events;

/**
 * An event record of a version a newer one replaced. Still read — the log keeps every record
 * ever written — but never handed to a reader: the deserializer upcasts it, through as many
 * versions as there are, to the record its stream holds today. Named by the newer record's
 * {@link EventType#supersedes()}.
 *
 * @param <E> the version that replaced this one
 */
public interface Superseded<E extends TicklistEvent> extends TicklistEvent {

    /** The same fact in the newer version, with what this version did not say given its meaning. */
    E upcast();

    /** Keyed as the newer version is: one fact stays in one partition whatever version wrote it. */
    @Override
    default String key() {
        return upcast().key();
    }

    @Override
    default String subject() {
        return upcast().subject();
    }

    /** The event in the version readers use: upcast as many times as it takes. */
    static TicklistEvent current(TicklistEvent event) {
        TicklistEvent current = event;
        while (current instanceof Superseded<?> old) {
            current = old.upcast();
        }
        return current;
    }
}
