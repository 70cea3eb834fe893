package dev.ticklist.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * A topic's end offsets, asked of the broker once for every caller waiting at the time: a caller
 * gets the answer of a query sent after it asked (so the ends include every event acknowledged
 * before it asked), and callers arriving while a query is out share the next one. Under load
 * every command asks (invariant 6), and one query per round trip replaces one per command.
 *
 * <p>Queries are also spaced at least {@link #SPACING} apart, as a producer lingers before a
 * send: a lone caller's query goes at once, but when the broker answers faster than commands
 * arrive, callers within the spacing share one query instead of each sending its own (which
 * made the query a tenth of a tick's CPU in checklist-service and the broker, docs/benchmarks.md).
 * A caller waits at most the spacing longer; the answer is still from a query sent after it asked.
 */
final class SharedEndOffsets {

    static final Duration SPACING = Duration.ofMillis(2);

    /** Runs a task after a delay in nanoseconds. */
    interface Later {
        void run(long nanos, Runnable task);
    }

    private final Supplier<KafkaFuture<Map<TopicPartition, ListOffsetsResultInfo>>> query;
    private final LongSupplier nanoTime;
    private final Later later;
    private CompletableFuture<Map<Integer, Long>> waiting;
    private boolean querying;
    private boolean scheduled;
    private long lastSent;

    SharedEndOffsets(Supplier<KafkaFuture<Map<TopicPartition, ListOffsetsResultInfo>>> query) {
        // Run on the JDK's one delay thread itself: the task only hands a call to the Admin client
        // (the default executor would start a thread per task where the common pool has one worker).
        this(query, System::nanoTime, (nanos, task) ->
                CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS, Runnable::run).execute(task));
    }

    SharedEndOffsets(Supplier<KafkaFuture<Map<TopicPartition, ListOffsetsResultInfo>>> query, LongSupplier nanoTime,
                     Later later) {
        this.query = query;
        this.nanoTime = nanoTime;
        this.later = later;
        this.lastSent = nanoTime.getAsLong() - SPACING.toNanos(); // the first query goes at once
    }

    /** The ends as of a query sent after this call: by partition number. */
    synchronized CompletableFuture<Map<Integer, Long>> next() {
        if (waiting == null) {
            waiting = new CompletableFuture<>();
        }
        var answer = waiting;
        if (!querying && !scheduled) {
            sendWhenSpaced();
        }
        return answer;
    }

    /** Sends now if the last query went out a spacing ago or more, else when it has; holding the lock. */
    private void sendWhenSpaced() {
        long wait = lastSent + SPACING.toNanos() - nanoTime.getAsLong();
        if (wait <= 0) {
            send();
            return;
        }
        scheduled = true;
        try {
            later.run(wait, () -> {
                synchronized (this) {
                    scheduled = false;
                    if (!querying && waiting != null) {
                        send();
                    }
                }
            });
        } catch (RuntimeException | Error notScheduled) {
            // Never leave callers waiting on a send that will not come: send now instead.
            scheduled = false;
            send();
        }
    }

    /** Sends the query for everyone waiting now; holding the lock. */
    private void send() {
        var answering = waiting;
        waiting = null;
        querying = true;
        lastSent = nanoTime.getAsLong();
        KafkaFuture<Map<TopicPartition, ListOffsetsResultInfo>> sent;
        try {
            sent = query.get();
        } catch (RuntimeException e) {
            querying = false;
            answering.completeExceptionally(e);
            return;
        }
        sent.whenComplete((ends, failure) -> {
            if (failure != null) {
                answering.completeExceptionally(failure);
            } else {
                var byPartition = new HashMap<Integer, Long>();
                ends.forEach((partition, info) -> byPartition.put(partition.partition(), info.offset()));
                answering.complete(byPartition);
            }
            synchronized (this) {
                querying = false;
                if (waiting != null) {
                    sendWhenSpaced();
                }
            }
        });
    }
}
