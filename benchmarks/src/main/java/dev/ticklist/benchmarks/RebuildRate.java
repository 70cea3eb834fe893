package dev.ticklist.benchmarks;

import dev.ticklist.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How fast the running service rebuilds its projections, seen from outside: the committed
 * offsets of its consumer group, polled every 100 ms. The listeners commit only after a batch
 * was applied to Redis and the events it caused were published, so committed offsets count
 * events fully applied.
 *
 * <p>Two moments are measured. Learner activity is caught up when the group's offsets on that
 * topic reach its end. The full rebuild is done when the group has also applied every change
 * the service derived for cohorts: its offsets on the cohort topic reach that topic's end, which
 * is final once learner activity is caught up (a tick's cohort change is acknowledged by the
 * broker before the tick's offset is committed).
 */
final class RebuildRate {

    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * @param readySeconds          from process start to readiness 200
     * @param learnerActivity       learner events committed after the first commit was seen, over the
     *                              time from that sighting to learner activity caught up (events of
     *                              the first commit are left out: they were applied before the clock started)
     * @param full                  the same learner events over the time from that sighting to both
     *                              topics caught up
     * @param fullWithStartup       all learner events over the time from process start to both caught up
     * @param cohortChanges         changes the service derived for cohorts (the cohort topic's end)
     * @param cohortLeftBehind      of those, not yet applied when learner activity was caught up
     */
    record Result(double readySeconds, Rate learnerActivity, Rate full, Rate fullWithStartup,
                  long cohortChanges, long cohortLeftBehind) {
    }

    private RebuildRate() {
    }

    /**
     * @param atFirstCommit runs once, when the first commit on learner activity is seen (the
     *                      start of the measured span)
     */
    static Result measure(ServiceProcess service, Admin admin, String groupId, String activityTopic,
                          long activityEnd, String cohortTopic, long processStart, Duration timeout,
                          Runnable atFirstCommit) throws Exception {
        long deadline = processStart + timeout.toNanos();
        long ready = 0;
        long firstSeen = 0;
        long committedAtFirst = 0;
        long activityDone = 0;
        long cohortLeftBehind = 0;
        long lastReported = System.nanoTime();
        while (true) {
            service.requireAlive();
            long now = System.nanoTime();
            if (ready == 0 && service.isReady()) {
                ready = System.nanoTime();
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            long activity = sum(offsets, activityTopic);
            long cohort = sum(offsets, cohortTopic);
            // Read after the committed offsets, so it is final if learner activity was caught up then.
            long cohortEnd = EndOffsets.sum(admin, cohortTopic);
            if (activity > 0 && firstSeen == 0) {
                firstSeen = now;
                committedAtFirst = activity;
                atFirstCommit.run();
            }
            if (activity >= activityEnd && activityDone == 0) {
                activityDone = System.nanoTime();
                cohortLeftBehind = cohortEnd - cohort;
            }
            if (activityDone != 0 && cohort >= cohortEnd) {
                long done = System.nanoTime();
                long counted = activityEnd - committedAtFirst;
                return new Result((ready == 0 ? done - processStart : ready - processStart) / 1e9,
                        new Rate(counted, activityDone - firstSeen),
                        new Rate(counted, done - firstSeen),
                        new Rate(activityEnd, done - processStart),
                        cohortEnd, cohortLeftBehind);
            }
            if (now > deadline) {
                throw new IllegalStateException("within " + timeout + " the service committed " + activity + " of "
                        + activityEnd + " learner events and " + cohort + " of " + cohortEnd
                        + " cohort changes; see " + service.log());
            }
            if (now - lastReported > 10_000_000_000L) {
                Benchmark.say("  rebuild: %,d of %,d learner events and %,d of %,d cohort changes committed",
                        activity, activityEnd, cohort, cohortEnd);
                lastReported = now;
            }
            Thread.sleep(POLL);
        }
    }

    private static long sum(Map<TopicPartition, OffsetAndMetadata> offsets, String topic) {
        return offsets.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset())
                .sum();
    }
}
