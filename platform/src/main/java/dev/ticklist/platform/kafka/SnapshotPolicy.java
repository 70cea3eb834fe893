package dev.ticklist.platform.kafka;

import java.time.Duration;

/**
 * When a follower writes a snapshot: once it has applied at least as many events as the last
 * snapshot held (and at least {@code minimumEvents}), and not more often than {@code minimumInterval}.
 * Writing then costs at most one record per event applied, and a start-up reads at most about
 * twice the state: the snapshot and a tail no longer than it.
 */
public record SnapshotPolicy(long minimumEvents, Duration minimumInterval) {

    public static final SnapshotPolicy DEFAULT = new SnapshotPolicy(10_000, Duration.ofSeconds(10));

    boolean due(long eventsSince, long lastSnapshotEvents, Duration sinceLast) {
        return eventsSince >= Math.max(minimumEvents, lastSnapshotEvents) && sinceLast.compareTo(minimumInterval) >= 0;
    }
}
