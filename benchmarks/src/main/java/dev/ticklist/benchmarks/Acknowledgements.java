package dev.ticklist.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Counts the broker's acknowledgements of sent records, so a rate only counts what arrived. */
final class Acknowledgements implements Callback {

    private final AtomicLong acked = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            failure.compareAndSet(null, exception);
        } else {
            acked.incrementAndGet();
        }
    }

    /** Call after {@code flush()}: fails unless every one of {@code sent} records was acknowledged. */
    long requireAll(long sent) {
        if (failure.get() != null || acked.get() != sent) {
            throw new IllegalStateException("only " + acked.get() + " of " + sent + " events were acknowledged",
                    failure.get());
        }
        return sent;
    }
}
