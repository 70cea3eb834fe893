package dev.ticklist.platform.kafka;

/**
 * Where an event was appended. Clients pass it to progress queries to read their own writes.
 */
public record EventPosition(String topic, int partition, long offset) {

    /** Compact form for a query parameter: {@code partition-offset}. */
    public String token() {
        return partition + "-" + offset;
    }
}
