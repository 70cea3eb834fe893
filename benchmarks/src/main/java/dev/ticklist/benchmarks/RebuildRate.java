package dev.ticklist.benchmarks;

import dev.ticklist.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How fast the running service works through the topic, seen from outside: its consumer
 * groups' committed offsets, polled every 100 ms until they reach the end offsets. The listener
 * commits only after a batch was applied to Redis and its milestones published, so committed
 * offsets count events fully applied.
 *
 * <p>The service's group is found by listing the groups of the fresh broker rather than taken
 * from {@code SPRING_KAFKA_CONSUMER_GROUP_ID}: the listener is declared
 * {@code @KafkaListener(id = "learner-activity")}, and Spring Kafka then uses the id as the group
 * id, so the configured group id does not reach it.
 */
final class RebuildRate {

    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * @param readySeconds  from process start to readiness 200
     * @param steady        events committed after the first commit was seen, over the time from that
     *                      sighting to caught up (events of the first commit are left out: they were
     *                      applied before the clock started)
     * @param withStartup   all events over the time from process start to caught up
     */
    record Result(double readySeconds, Rate steady, Rate withStartup) {
    }

    private RebuildRate() {
    }

    static Result measure(ServiceProcess service, Admin admin, String ownGroupPrefix, String topic,
                          long endOffsetSum, long processStart, Duration timeout) throws Exception {
        long deadline = processStart + timeout.toNanos();
        long ready = 0;
        long firstSeen = 0;
        long committedAtFirst = 0;
        long lastReported = System.nanoTime();
        while (true) {
            service.requireAlive();
            long now = System.nanoTime();
            if (ready == 0 && service.isReady()) {
                ready = System.nanoTime();
            }
            long committed = committed(admin, ownGroupPrefix, topic);
            if (committed > 0 && firstSeen == 0) {
                firstSeen = now;
                committedAtFirst = committed;
            }
            if (committed >= endOffsetSum) {
                long done = System.nanoTime();
                return new Result((ready == 0 ? done - processStart : ready - processStart) / 1e9,
                        new Rate(committed - committedAtFirst, done - firstSeen),
                        new Rate(committed, done - processStart));
            }
            if (now > deadline) {
                throw new IllegalStateException("service committed only " + committed + " of " + endOffsetSum
                        + " within " + timeout + "; see " + service.log());
            }
            if (now - lastReported > 10_000_000_000L) {
                Benchmark.say("  rebuild: %,d of %,d events committed", committed, endOffsetSum);
                lastReported = now;
            }
            Thread.sleep(POLL);
        }
    }

    /** The furthest any service group got on the topic; the benchmark's own groups are left out. */
    private static long committed(Admin admin, String ownGroupPrefix, String topic)
            throws ExecutionException, InterruptedException {
        long furthest = 0;
        for (var group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
            if (group.groupId().startsWith(ownGroupPrefix)) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            furthest = Math.max(furthest, offsets.entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset())
                    .sum());
        }
        return furthest;
    }
}
