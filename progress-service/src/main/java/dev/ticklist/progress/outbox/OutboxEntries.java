package dev.ticklist.progress.outbox;

import dev.ticklist.events.EventTypes;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topic;
import dev.ticklist.events.Topics;
import dev.ticklist.events.cohort.CohortProgressEvent;
import dev.ticklist.events.kafka.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an event waits in an outbox: {@code type, id, JSON data}, tab-separated. Written with the
 * state that caused it, removed once the broker acknowledged it.
 */
public final class OutboxEntries {

    private OutboxEntries() {
    }

    public static String encode(String eventId, TicklistEvent event) {
        return EventTypes.typeOf(event.getClass()) + "\t" + eventId + "\t"
                + new String(EventJson.write(event), StandardCharsets.UTF_8);
    }

    /** The event an entry of {@code outbox} holds. */
    public static PendingEvent<?> decode(String outbox, String entry) {
        int first = entry.indexOf('\t');
        int second = entry.indexOf('\t', first + 1);
        String type = entry.substring(0, first);
        var eventClass = EventTypes.classOf(type).orElseThrow(() ->
                new IllegalStateException("unknown event type in outbox " + outbox + ": " + type));
        TicklistEvent event = EventJson.read(entry.substring(second + 1).getBytes(StandardCharsets.UTF_8), eventClass);
        return pending(outbox, entry, entry.substring(first + 1, second), event);
    }

    /**
     * The events an outbox holds, in order: those this flush wrote are taken from {@code inHand},
     * the others (left by a crash before they were published) are read from their entries.
     */
    public static List<PendingEvent<?>> pendingOf(String outbox, List<String> entries,
                                                  Map<String, PendingEvent<?>> inHand) {
        var pending = new ArrayList<PendingEvent<?>>(entries.size());
        for (String entry : entries) {
            var known = inHand.get(entry);
            pending.add(known != null ? known : decode(outbox, entry));
        }
        return pending;
    }

    /** The pending form of an event this flush wrote: no need to read back what is in hand. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static PendingEvent<?> pending(String outbox, String entry, String eventId, TicklistEvent event) {
        Topic topic = event instanceof CohortProgressEvent ? Topics.COHORT_PROGRESS : Topics.MILESTONES;
        return new PendingEvent(outbox, entry, topic, eventId, event);
    }
}
