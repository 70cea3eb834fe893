package dev.ticklist.progress.generation;

import dev.ticklist.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;

/**
 * How far this instance's consumer group is behind the ends of the topics it projects, as
 * metrics ({@code ticklist.progress.rebuild.remaining} events, {@code ticklist.progress.rebuild.progress}
 * from 0 to 1); and, for a rebuild started to take over, the moment it has caught up, when reads
 * move to its generation.
 */
public class RebuildProgress implements SmartLifecycle, DisposableBean {

    private static final LogAccessor LOG = new LogAccessor(RebuildProgress.class);
    private static final List<String> TOPICS = List.of(Topics.LEARNER_ACTIVITY.name(), Topics.COHORT_PROGRESS.name());

    private final Admin admin;
    private final String groupId;
    private final ProjectionGenerations generations;
    private final boolean takeOverWhenCaughtUp;
    private final Duration interval;
    private final AtomicLong remaining = new AtomicLong(-1);
    private final AtomicLong total = new AtomicLong(0);
    private volatile ScheduledExecutorService scheduler;
    private Map<TopicPartition, Long> previousEnds = Map.of();
    private boolean learnersCaughtUpBefore;

    public RebuildProgress(Admin admin, String groupId, ProjectionGenerations generations,
                           boolean takeOverWhenCaughtUp, Duration interval, MeterRegistry meters) {
        this.admin = admin;
        this.groupId = groupId;
        this.generations = generations;
        this.takeOverWhenCaughtUp = takeOverWhenCaughtUp;
        this.interval = interval;
        Gauge.builder("ticklist.progress.rebuild.remaining", remaining, AtomicLong::get)
                .description("events this instance's group has yet to apply (-1 until first measured)")
                .register(meters);
        Gauge.builder("ticklist.progress.rebuild.progress", this, RebuildProgress::progress)
                .description("share of the projected topics' events this instance's group has applied")
                .register(meters);
        Gauge.builder("ticklist.progress.generation.serving", generations, g -> g.isServing() ? 1 : 0)
                .description("1 if queries read the generation this instance builds").register(meters);
    }

    /** Events not yet applied, or -1 before the first measurement. */
    public long remaining() {
        return remaining.get();
    }

    private double progress() {
        long all = total.get();
        long left = remaining.get();
        return left < 0 ? 0 : all == 0 ? 1 : (double) (all - left) / all;
    }

    void measure() {
        try {
            var partitions = admin.describeTopics(TOPICS).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            partitions.forEach(partition -> {
                latest.put(partition, OffsetSpec.latest());
                earliest.put(partition, OffsetSpec.earliest());
            });
            // Committed before ends: a cohort change derived from an applied learner event is then below the ends read.
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            var ends = admin.listOffsets(latest).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            long behind = 0;
            long all = 0;
            boolean caughtUp = !previousEnds.isEmpty();
            boolean learnersCaughtUp = caughtUp;
            var currentEnds = new HashMap<TopicPartition, Long>();
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition).offset();
                long start = starts.get(partition).offset();
                var done = committed.get(partition);
                long position = done == null ? start : Math.max(start, done.offset());
                behind += Math.max(0, end - position);
                all += end - start;
                currentEnds.put(partition, end);
                boolean reached = position >= previousEnds.getOrDefault(partition, end);
                caughtUp &= reached;
                if (partition.topic().equals(Topics.LEARNER_ACTIVITY.name())) {
                    learnersCaughtUp &= reached;
                }
            }
            total.set(all);
            remaining.set(behind);
            previousEnds = currentEnds;
            // While events keep coming, "nothing left" may never be seen. Caught up: every event that
            // existed at the previous check is applied, and so is every cohort change this generation
            // derived from learner events applied by then (they were published before that check read
            // the ends). Reads then lag by two intervals at most.
            boolean derivedApplied = caughtUp && learnersCaughtUpBefore;
            learnersCaughtUpBefore = learnersCaughtUp;
            if ((behind == 0 || derivedApplied) && takeOverWhenCaughtUp && !generations.isServing()) {
                generations.takeOver();
                LOG.info(() -> "generation " + generations.built() + " caught up: queries now read it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug(e, "could not measure how far the projections are behind");
        }
    }

    // A context may be stopped and started again (Spring's test contexts are paused when unused).
    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("rebuild-progress").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::measure, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public void destroy() {
        stop();
        admin.close(Duration.ofSeconds(2));
    }
}
