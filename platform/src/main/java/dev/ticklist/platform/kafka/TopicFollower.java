package dev.ticklist.platform.kafka;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.TicklistEvent;
import dev.ticklist.events.Topic;
import dev.ticklist.events.kafka.EventEnvelopeSerializer;
import dev.ticklist.platform.web.Problems;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads a whole topic into local state and keeps following it. Every instance of a service reads
 * every partition, so each holds the complete state. With {@link Snapshotting} the state starts
 * from the last snapshot and reads on from the positions it stands for (invariant 9); without,
 * from the topic's first record.
 *
 * <p>{@link #start()} returns once everything acknowledged before it was applied, and runs in
 * an early lifecycle phase, so the service serves requests and consumes other topics only with
 * complete state. {@link #awaitCaughtUp(String, Duration)} gives invariant 6: before a command is validated,
 * local state has applied every event that the broker had acknowledged for its key's partition.
 */
public class TopicFollower<E extends TicklistEvent> implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    /** A start fails only when loading stalls this long: a long history takes as long as it takes. */
    private static final Duration INITIAL_LOAD_STALL = Duration.ofMinutes(2);
    private static final Duration COMMAND_CATCH_UP = Duration.ofSeconds(5);
    /**
     * After the phase-0 lifecycles (Redis connection factories: state may be applied to Redis, and
     * they start again in their phase when a context restarts), before web servers and listener
     * containers.
     */
    static final int PHASE = 1000;

    private final Topic<E> topic;
    private final Supplier<KafkaConsumer<String, EventEnvelope<?>>> consumers;
    private final Admin admin;
    private final SharedEndOffsets endOffsets;
    private final Consumer<EventEnvelope<E>> apply;
    private final Counter unreadable;
    private final Counter notApplied;
    /** Null: the history is read at every start. */
    private final Snapshotting<E> snapshotting;
    /** Null: skipped events are only counted and logged. */
    private final FollowerDeadLetters deadLetters;
    private final EventEnvelopeSerializer serializer = new EventEnvelopeSerializer();
    private final Map<Integer, Long> applied = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    /** A replay asked for, done by the follower's own thread (the consumer is not thread-safe). */
    private final AtomicReference<CompletableFuture<Void>> rewind = new AtomicReference<>();
    private volatile KafkaConsumer<String, EventEnvelope<?>> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile int partitionCount;

    public TopicFollower(Topic<E> topic, Supplier<KafkaConsumer<String, EventEnvelope<?>>> consumers,
                         Admin admin, Consumer<EventEnvelope<E>> apply, MeterRegistry meters) {
        this(topic, consumers, admin, apply, null, null, meters);
    }

    TopicFollower(Topic<E> topic, Supplier<KafkaConsumer<String, EventEnvelope<?>>> consumers, Admin admin,
                  Consumer<EventEnvelope<E>> apply, Snapshotting<E> snapshotting, FollowerDeadLetters deadLetters,
                  MeterRegistry meters) {
        this.snapshotting = snapshotting;
        this.deadLetters = deadLetters;
        this.topic = topic;
        this.consumers = consumers;
        this.admin = admin;
        this.endOffsets = new SharedEndOffsets(this::queryEnds);
        this.apply = apply;
        this.unreadable = skipped(meters, topic, "unreadable");
        this.notApplied = skipped(meters, topic, "not-applied");
    }

    /** Skipped events are counted, so an alert can see them; the log says which and why. */
    private static Counter skipped(MeterRegistry meters, Topic<?> topic, String reason) {
        return Counter.builder("ticklist.follower.events.skipped")
                .description("events a topic follower skipped: unreadable records, or events its state could not apply")
                .tag("topic", topic.name()).tag("reason", reason)
                .register(meters);
    }

    @Override
    public void start() {
        applied.clear();
        long began = System.nanoTime();
        consumer = consumers.get();
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        partitionCount = partitions.size();
        Map<Integer, Long> from = snapshotting == null ? Map.of() : snapshotting.restore(endOffsetsNow());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        for (TopicPartition partition : partitions) {
            Long offset = from.get(partition.partition());
            if (offset != null) {
                consumer.seek(partition, offset);
            }
        }
        running = true;
        thread = Thread.ofPlatform().name("follow-" + topic.name()).daemon().start(this::run);
        awaitInitialLoad();
        LOG.info("Loaded {} ({} partitions{}) in {} ms", topic.name(), partitionCount,
                from.isEmpty() ? ", whole history" : ", from a snapshot", (System.nanoTime() - began) / 1_000_000);
    }

    /** Waits for everything the broker held at start, for as long as positions keep moving. */
    private void awaitInitialLoad() {
        Map<Integer, Long> targets = endOffsetsNow();
        long before = appliedSoFar();
        while (true) {
            try {
                awaitPositions(targets, INITIAL_LOAD_STALL);
                return;
            } catch (TimeoutException e) {
                long now = appliedSoFar();
                if (now == before || Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("loading " + topic.name() + " made no progress for "
                            + INITIAL_LOAD_STALL, e);
                }
                LOG.info("Still loading {}: {} records read so far", topic.name(), now);
                before = now;
            }
        }
    }

    private long appliedSoFar() {
        return applied.values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<Integer, Long> endOffsetsNow() {
        try {
            return endOffsets();
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not read the end of " + topic.name(), e);
        }
    }

    public Topic<E> topic() {
        return topic;
    }

    /** Before web servers and listener containers: nothing may be served from half-loaded state. */
    @Override
    public int getPhase() {
        return PHASE;
    }

    private void run() {
        try {
            while (running) {
                pollOnce();
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @SuppressWarnings("unchecked")
    private void pollOnce() {
        var asked = rewind.getAndSet(null);
        if (asked != null) {
            consumer.seekToBeginning(consumer.assignment());
            applied.clear();
            asked.complete(null);
        }
        int polled = 0;
        try {
            var records = consumer.poll(Duration.ofMillis(200));
            polled = records.count();
            for (var record : records) {
                try {
                    apply.accept((EventEnvelope<E>) record.value());
                } catch (RuntimeException e) {
                    // One event that cannot be applied must not stop the state from following the rest.
                    notApplied.increment();
                    LOG.error("Skipping {} at {}-{}: {}", record.value().type(), record.partition(), record.offset(),
                            e.toString());
                    if (deadLetters != null) {
                        byte[] value = serializer.serialize(topic.name(), new RecordHeaders(), record.value());
                        deadLetters.send(record.partition(), record.offset(),
                                record.key() == null ? null : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)),
                                ByteBuffer.wrap(value), record.headers(), "not applied: " + e);
                    }
                }
            }
        } catch (RecordDeserializationException e) {
            // A record this service cannot read: skip it, as the dead-letter policy does elsewhere.
            unreadable.increment();
            // The client's own message only says where; the deserializer's, its cause, says what is wrong.
            String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage();
            LOG.error("Skipping unreadable record {} at {}: {}", e.topicPartition(), e.offset(), reason);
            if (deadLetters != null) {
                deadLetters.send(e.topicPartition().partition(), e.offset(), e.keyBuffer(), e.valueBuffer(), e.headers(),
                        "unreadable: " + reason);
            }
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        for (TopicPartition partition : consumer.assignment()) {
            applied.put(partition.partition(), consumer.position(partition));
        }
        if (snapshotting != null) {
            snapshotting.applied(polled, () -> Map.copyOf(applied));
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /**
     * Applies the whole topic again, from its first record, and returns once everything
     * acknowledged before the call is applied again: for state kept outside the process that was
     * lost (a Redis that lost its data). Applying must be idempotent; until the replay is done,
     * {@link #awaitCaughtUp} waits for it.
     */
    public void replayFromStart(Duration timeout) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        var asked = new CompletableFuture<Void>();
        rewind.set(asked);
        try {
            asked.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        awaitCaughtUp(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Waits until every event acknowledged so far on the partition of {@code key} has been applied. */
    public void awaitCaughtUp(String key, Duration timeout) throws TimeoutException {
        int partition = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitionCount);
        awaitPositions(Map.of(partition, endOffsets().getOrDefault(partition, 0L)), timeout);
    }

    /**
     * Invariant 6 for a command: waits until local state holds every event acknowledged for
     * {@code key}, or answers 503 (retry) if it cannot catch up in a few seconds.
     */
    public void catchUp(String key) {
        try {
            awaitCaughtUp(key, COMMAND_CATCH_UP);
        } catch (TimeoutException e) {
            throw Problems.unavailable("state-lagging",
                    "this service is still catching up with recent changes; retry in a moment");
        }
    }

    /** Waits until every event acknowledged so far on every partition has been applied. */
    public void awaitCaughtUp(Duration timeout) throws TimeoutException {
        awaitPositions(endOffsets(), timeout);
    }

    private Map<Integer, Long> endOffsets() throws TimeoutException {
        try {
            return endOffsets.next().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        } catch (TimeoutException e) {
            throw new TimeoutException("the broker did not answer for the end of " + topic.name() + " in 10 s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the end of " + topic.name(), e.getCause());
        }
    }

    private KafkaFuture<Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> queryEnds() {
        var request = new HashMap<TopicPartition, OffsetSpec>();
        for (int p = 0; p < partitionCount; p++) {
            request.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
        }
        return admin.listOffsets(request).all();
    }

    private void awaitPositions(Map<Integer, Long> targets, Duration timeout) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!reached(targets)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new TimeoutException(topic.name() + " has not caught up within " + timeout);
                }
                try {
                    progress.wait(Math.min(left, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TimeoutException("interrupted");
                }
            }
        }
    }

    private boolean reached(Map<Integer, Long> targets) {
        return targets.entrySet().stream()
                .allMatch(target -> applied.getOrDefault(target.getKey(), 0L) >= target.getValue());
    }

    @Override
    public void stop() {
        running = false;
        var current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (snapshotting != null) {
            snapshotting.close();
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
