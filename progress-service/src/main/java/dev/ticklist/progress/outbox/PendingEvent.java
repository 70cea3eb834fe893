package dev.ticklist.progress.outbox;

import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topic;

/**
 * An event a projection script recorded in an outbox and the broker has not acknowledged yet.
 *
 * @param outbox  the Redis list that holds it
 * @param entry   the exact string in that list, removed once the event is published
 * @param eventId stable: derived from the causing event, so a replay publishes the same id
 */
public record PendingEvent<E extends TicklistEvent>(String outbox, String entry, Topic<? super E> topic,
                                                    String eventId, E event) {
}
