package dev.ticklist.devstack;

import dev.ticklist.devstack.ActivityFold.Activity;
import dev.ticklist.events.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Ticks and unticks published in the background at a steady rate, until a number is reached or
 * {@link #finish} is called. Keeps exactly what was published, in publishing order (which is
 * each learner's order), and where each acknowledged record landed.
 */
final class ActivityStream {

    private static final Duration TICK = Duration.ofMillis(30);

    private final KafkaProducer<String, EventEnvelope<?>> producer;
    private final Function<Activity, ProducerRecord<String, EventEnvelope<?>>> toRecord;
    private final Supplier<Activity> next;
    private final int limit;
    private final List<Activity> published = new ArrayList<>();
    private final Map<TopicPartition, NavigableMap<Long, String>> learnerAtOffset = new ConcurrentHashMap<>();
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "activity-stream");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean finishing;

    private ActivityStream(KafkaProducer<String, EventEnvelope<?>> producer,
                           Function<Activity, ProducerRecord<String, EventEnvelope<?>>> toRecord,
                           Supplier<Activity> next, int limit) {
        this.producer = producer;
        this.toRecord = toRecord;
        this.next = next;
        this.limit = limit;
    }

    /** Publishes {@code perSecond} events a second until {@code limit} were published or it is finished. */
    static ActivityStream start(KafkaProducer<String, EventEnvelope<?>> producer,
                                Function<Activity, ProducerRecord<String, EventEnvelope<?>>> toRecord,
                                Supplier<Activity> next, int perSecond, int limit) {
        var stream = new ActivityStream(producer, toRecord, next, limit);
        int perTick = Math.max(1, (int) Math.round(perSecond * TICK.toMillis() / 1000.0));
        stream.scheduler.scheduleAtFixedRate(() -> stream.publish(perTick), 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        return stream;
    }

    private void publish(int count) {
        try {
            for (int i = 0; i < count && !finishing && published() < limit; i++) {
                Activity event = next.get();
                synchronized (published) {
                    published.add(event);
                }
                producer.send(toRecord.apply(event), (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    } else {
                        acknowledgedAt.put(event.eventId(), System.nanoTime());
                        learnerAtOffset.computeIfAbsent(new TopicPartition(metadata.topic(), metadata.partition()),
                                partition -> new ConcurrentSkipListMap<>()).put(metadata.offset(), event.learnerId());
                    }
                });
            }
            if (finishing || published() >= limit) {
                producer.flush();
                done.complete(null);
                scheduler.shutdown();
            }
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            scheduler.shutdown();
        }
    }

    int published() {
        synchronized (published) {
            return published.size();
        }
    }

    /** Stops publishing and waits until every event published is acknowledged. */
    void finish() throws Exception {
        finishing = true;
        awaitDone();
    }

    /** Waits until the stream ended and every event is acknowledged; fails if any send failed. */
    void awaitDone() throws Exception {
        done.get(2, TimeUnit.MINUTES);
        if (failure.get() != null) {
            throw new AssertionError("an event was not published", failure.get());
        }
    }

    /** What was published, in order. */
    List<Activity> events() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    Set<TopicPartition> partitionsUsed() {
        return Set.copyOf(learnerAtOffset.keySet());
    }

    /** When ({@link System#nanoTime()}) the broker acknowledged each event, by event id. */
    Map<String, Long> acknowledgedAt() {
        return acknowledgedAt;
    }

    /** By partition, the learner of each acknowledged record at its offset. */
    Map<TopicPartition, NavigableMap<Long, String>> learnerAtOffset() {
        return learnerAtOffset;
    }
}
