package dev.ticklist.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * A topic's end offsets, asked of the broker once for every caller waiting at the time: a caller
 * gets the answer of a query sent after it asked (so the ends include every event acknowledged
 * before it asked), and callers arriving while a query is out share the next one. Under load
 * every command asks (invariant 6), and one query per round trip replaces one per command.
 */
final class SharedEndOffsets {

    private final Supplier<KafkaFuture<Map<TopicPartition, ListOffsetsResultInfo>>> query;
    private CompletableFuture<Map<Integer, Long>> waiting;
    private boolean querying;

    SharedEndOffsets(Supplier<KafkaFuture<Map<TopicPartition, ListOffsetsResultInfo>>> query) {
        this.query = query;
    }

    /** The ends as of a query sent after this call: by partition number. */
    synchronized CompletableFuture<Map<Integer, Long>> next() {
        if (waiting == null) {
            waiting = new CompletableFuture<>();
        }
        var answer = waiting;
        if (!querying) {
            send();
        }
        return answer;
    }

    /** Sends the query for everyone waiting now; holding the lock. */
    private void send() {
        var answering = waiting;
        waiting = null;
        querying = true;
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
                    send();
                }
            }
        });
    }
}
