package dev.ticklist.benchmarks;

import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;

/**
 * The service at work after the rebuild: events published at a fixed rate for a while, then a
 * wait until the service has applied them. Each event toggles the learner's next item
 * ({@link LoadGenerator#nextToggle()}), so each one changes the learner's progress. The age of those events comes from the service's own
 * histogram (events stamped at send, so their age is publish to application), read before the
 * first send and after the catch-up; CPU is read at the same two moments.
 */
final class LivePhase {

    /** Sends are paced per slice: smooth enough for a broker batching every 5 ms, cheap to keep. */
    private static final long SLICE_NANOS = 10_000_000L;

    /**
     * @param askedRate   events per second asked for
     * @param achieved    events acknowledged / first send to flush() returning
     * @param ticks       of those, ItemTicked
     * @param unticks     of those, ItemUnticked
     * @param catchUp     how long after that the service had committed them (both topics)
     * @param age         the event-age histogram of the events applied during the phase
     * @param used        resources from just before the first send to caught up
     * @param usedNanos    the span {@code used} covers
     * @param cohortChanges records the phase's events caused on the cohort topic: never 0 when the
     *                     events change progress, but not one per event where the service nets a
     *                     flush's changes into one record per cohort
     * @param milestones   records the phase added to the milestone topic: levels reopened by
     *                     unticks, finished again by ticks, and cohort thresholds
     * @param deadLettered records the phase added to both dead-letter topics
     */
    record Result(int askedRate, Rate achieved, long ticks, long unticks, CatchUp catchUp, EventAgeHistogram age,
                  ResourceUse used, long usedNanos, long cohortChanges, long milestones, long deadLettered) {
    }

    private final LoadGenerator generator;
    private final ServiceProcess service;
    private final int redisPort;
    private final Admin admin;
    private final String groupId;
    private final Duration catchUpBound;

    LivePhase(LoadGenerator generator, ServiceProcess service, int redisPort, Admin admin, String groupId,
              Duration catchUpBound) {
        this.generator = generator;
        this.service = service;
        this.redisPort = redisPort;
        this.admin = admin;
        this.groupId = groupId;
        this.catchUpBound = catchUpBound;
    }

    Result run(int rate, Duration length) throws Exception {
        try (var producer = generator.producer()) {
            // Metadata fetched before the clock starts, so the first send does not wait for it.
            producer.partitionsFor(Topics.LEARNER_ACTIVITY.name());
            long cohortBefore = EndOffsets.sum(admin, Topics.COHORT_PROGRESS.name());
            long milestonesBefore = EndOffsets.sum(admin, Topics.MILESTONES.name());
            long deadLetteredBefore = deadLettered();
            var ageBefore = EventAgeHistogram.read(service.url());
            var usedBefore = ResourceUse.read(service.pid(), redisPort);
            long usedFrom = System.nanoTime();

            var acks = new Acknowledgements();
            long start = System.nanoTime();
            long end = start + length.toNanos();
            long sent = 0;
            long unticks = 0;
            for (long sliceEnd = start + SLICE_NANOS; ; sliceEnd += SLICE_NANOS) {
                long due = Math.round(rate * (Math.min(sliceEnd, end) - start) / 1e9);
                // A producer that fell behind catches up here, but never past the phase's end.
                while (sent < due && System.nanoTime() < end) {
                    var event = generator.nextToggle();
                    if (event.value().event() instanceof ItemUnticked) {
                        unticks++;
                    }
                    producer.send(event, acks);
                    sent++;
                }
                if (sliceEnd >= end) {
                    break;
                }
                LockSupport.parkNanos(sliceEnd - System.nanoTime());
            }
            producer.flush();
            var achieved = Rate.since(acks.requireAll(sent), start);

            var catchUp = CatchUp.await(service, admin, groupId, catchUpBound);
            var age = EventAgeHistogram.read(service.url()).since(ageBefore);
            var used = ResourceUse.read(service.pid(), redisPort).since(usedBefore);
            long usedNanos = System.nanoTime() - usedFrom;
            return new Result(rate, achieved, sent - unticks, unticks, catchUp, age, used, usedNanos,
                    EndOffsets.sum(admin, Topics.COHORT_PROGRESS.name()) - cohortBefore,
                    EndOffsets.sum(admin, Topics.MILESTONES.name()) - milestonesBefore,
                    deadLettered() - deadLetteredBefore);
        }
    }

    private long deadLettered() throws Exception {
        return EndOffsets.sum(admin, Topics.LEARNER_ACTIVITY.deadLetterTopic())
                + EndOffsets.sum(admin, Topics.COHORT_PROGRESS.deadLetterTopic());
    }
}
