package dev.ticklist.benchmarks;

import dev.ticklist.events.Topics;
import dev.ticklist.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits, within a bound, until the service's group has committed every learner event and then
 * every cohort change, polling every 100 ms as {@link RebuildRate} does; the cohort topic's end,
 * read after the learner offsets, is final once those are caught up.
 *
 * @param caughtUp     whether both topics were caught up within the bound
 * @param seconds      from the call to caught up (or to giving up)
 * @param activityLeft learner events not committed when it returned
 * @param cohortLeft   cohort changes not committed when it returned
 */
record CatchUp(boolean caughtUp, double seconds, long activityLeft, long cohortLeft) {

    private static final Duration POLL = Duration.ofMillis(100);

    static CatchUp await(ServiceProcess service, Admin admin, String groupId, Duration bound) throws Exception {
        String activityTopic = Topics.LEARNER_ACTIVITY.name();
        String cohortTopic = Topics.COHORT_PROGRESS.name();
        long start = System.nanoTime();
        long activityEnd = EndOffsets.sum(admin, activityTopic);
        while (true) {
            service.requireAlive();
            var offsets = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            long activity = committed(offsets, activityTopic);
            long cohort = committed(offsets, cohortTopic);
            long cohortEnd = EndOffsets.sum(admin, cohortTopic);
            long now = System.nanoTime();
            boolean done = activity >= activityEnd && cohort >= cohortEnd;
            if (done || now - start > bound.toNanos()) {
                return new CatchUp(done, (now - start) / 1e9, activityEnd - activity, cohortEnd - cohort);
            }
            Thread.sleep(POLL);
        }
    }

    private static long committed(Map<TopicPartition, OffsetAndMetadata> offsets, String topic) {
        return offsets.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset())
                .sum();
    }
}
