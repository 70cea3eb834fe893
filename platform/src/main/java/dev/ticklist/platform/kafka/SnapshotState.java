package dev.ticklist.platform.kafka;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.TicklistEvent;
import java.util.List;

/**
 * State a {@link TopicFollower} keeps in memory and snapshots, so that start-up reads the state
 * and the tail of the topic, not its whole history (invariant 9).
 */
public interface SnapshotState<E extends TicklistEvent> {

    /** Applies one event of the topic, or of a snapshot; must not depend on the envelope's id or time. */
    void apply(EventEnvelope<E> envelope);

    /**
     * The fewest events that, applied in order to empty state, rebuild this state exactly: the
     * snapshot. Called on the follower's thread between two polls, so nothing changes meanwhile;
     * the list must not share mutable parts with the state.
     */
    List<E> asEvents();

    /** Forgets everything: a snapshot could not be applied whole, and the history is read instead. */
    void clear();
}
