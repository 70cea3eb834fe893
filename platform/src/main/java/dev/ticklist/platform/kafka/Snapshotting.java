package dev.ticklist.platform.kafka;

import dev.ticklist.events.TicklistEvent;
import dev.ticklist.platform.kafka.FollowerSnapshots.UnusableSnapshotException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A follower's snapshots: restored at start, taken on the follower's thread when the policy says
 * so (a copy, made between two polls), written on a thread of their own so following goes on.
 */
final class Snapshotting<E extends TicklistEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshotting.class);

    private final SnapshotState<E> state;
    private final FollowerSnapshots<E> store;
    private final SnapshotPolicy policy;
    private final ExecutorService writer;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Counter written;
    private final Counter failed;
    private final Timer writeTime;
    private long eventsSince;
    private long lastEvents;
    private Instant lastAt = Instant.EPOCH;

    Snapshotting(SnapshotState<E> state, FollowerSnapshots<E> store, SnapshotPolicy policy, MeterRegistry meters) {
        this.state = state;
        this.store = store;
        this.policy = policy;
        this.writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("snapshot-" + store.name()).daemon()
                .factory());
        this.written = outcome(meters, "written");
        this.failed = outcome(meters, "failed");
        this.writeTime = Timer.builder("ticklist.follower.snapshot.write")
                .description("time to write one snapshot of a follower's state")
                .tag("snapshots", store.name()).register(meters);
    }

    private Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("ticklist.follower.snapshots")
                .description("snapshots of a follower's state written, or dropped because writing failed")
                .tag("snapshots", store.name()).tag("outcome", outcome).register(meters);
    }

    /**
     * Applies the last snapshot to the state and returns the positions to read on from; empty
     * (and the state empty) when there is none or it cannot be applied whole. A snapshot standing
     * for offsets beyond {@code ends}, the followed topic's end offsets now, belongs to another
     * history (the topic was restored from a backup, or made anew) and is not used.
     */
    Map<Integer, Long> restore(Map<Integer, Long> ends) {
        try {
            store.createTopic();
            long began = System.nanoTime();
            var manifest = store.restore(positions -> positions.entrySet().stream()
                    .allMatch(position -> position.getValue() <= ends.getOrDefault(position.getKey(), 0L)), state::apply);
            if (manifest.isEmpty()) {
                return Map.of();
            }
            lastEvents = manifest.get().events();
            lastAt = manifest.get().takenAt();
            LOG.info("Restored {} events from snapshot {} of {} in {} ms", lastEvents, manifest.get().id(),
                    store.name(), (System.nanoTime() - began) / 1_000_000);
            return manifest.get().positions();
        } catch (UnusableSnapshotException e) {
            LOG.warn("Reading the whole history instead of a snapshot: {}", e.getMessage());
            state.clear();
            return Map.of();
        } catch (RuntimeException e) {
            // Snapshots only shorten a start: without them (no rights on the topic, say) the history still serves.
            LOG.warn("Reading the whole history: the snapshots in {} could not be read: {}", store.name(), e.toString());
            state.clear();
            return Map.of();
        }
    }

    /** After a poll, on the follower's thread: {@code positions} are those the state now stands for. */
    void applied(int events, Supplier<Map<Integer, Long>> positions) {
        eventsSince += events;
        Instant now = Instant.now();
        if (writing.get() || !policy.due(eventsSince, lastEvents, Duration.between(lastAt, now))) {
            return;
        }
        Map<Integer, Long> at = positions.get();
        List<E> snapshot = state.asEvents();
        eventsSince = 0;
        lastEvents = snapshot.size();
        lastAt = now;
        writing.set(true);
        writer.execute(() -> {
            try {
                String id = writeTime.recordCallable(() -> store.write(at, snapshot));
                written.increment();
                LOG.info("Wrote snapshot {} of {}: {} events at {}", id, store.name(), snapshot.size(), at);
            } catch (Exception e) {
                // The next one is taken when due again; until then starts read a longer tail.
                failed.increment();
                LOG.warn("Could not write a snapshot to {}: {}", store.name(), e.toString());
            } finally {
                writing.set(false);
            }
        });
    }

    void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
