package dev.ticklist.platform.kafka;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a follower's snapshot stands for, stored as the {@link #KEY} record of its snapshot topic
 * ({@link FollowerSnapshots}) in a few lines of text an operator can read: id, time, count of
 * events, then one {@code partition=offset} line per partition of the followed topic (the next
 * offset to read).
 */
public record SnapshotManifest(String id, Instant takenAt, int events, Map<Integer, Long> positions) {

    /** The key of the manifest record; the snapshot's events are {@code event-0 … event-(n-1)}. */
    public static final String KEY = "manifest";
    /** The header naming the snapshot each event record belongs to. */
    static final String ID_HEADER = "ticklist-snapshot";

    public String format() {
        var text = new StringBuilder().append(id).append('\n').append(takenAt).append('\n').append(events);
        positions.forEach((partition, offset) -> text.append('\n').append(partition).append('=').append(offset));
        return text.toString();
    }

    public static SnapshotManifest parse(String text) {
        String[] lines = text.split("\n");
        var positions = new TreeMap<Integer, Long>();
        for (int i = 3; i < lines.length; i++) {
            String[] position = lines[i].split("=", 2);
            positions.put(Integer.parseInt(position[0]), Long.parseLong(position[1]));
        }
        return new SnapshotManifest(lines[0], Instant.parse(lines[1]), Integer.parseInt(lines[2]), positions);
    }

    /** How many records of the followed topic the snapshot stands for, all partitions together. */
    public long recordsCovered() {
        return positions.values().stream().mapToLong(Long::longValue).sum();
    }
}
