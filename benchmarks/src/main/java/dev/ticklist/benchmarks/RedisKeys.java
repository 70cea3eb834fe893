package dev.ticklist.benchmarks;

import io.lettuce.core.ScanArgs;

/**
 * The keys the rebuild left in Redis, told apart by progress-service's key layout: every key of
 * a learner's projection starts {@code progress:<generation>:{org/learner}:}, every key of a
 * cohort's {@code cohort:<generation>:{org/cohort}:}.
 *
 * @param learnerKeys keys of learners' projections in the generation
 * @param cohortKeys  keys of cohorts' projections in the generation
 * @param outboxes    outboxes among them still holding events (0 once everything was published)
 * @param all         every key in the database
 */
record RedisKeys(long learnerKeys, long cohortKeys, long outboxes, long all) {

    static RedisKeys count(int port, String generation) {
        var commands = RedisConnection.to(port);
        long learner = 0;
        long cohort = 0;
        long outboxes = 0;
        var scan = commands.scan(ScanArgs.Builder.limit(1000));
        while (true) {
            for (String name : scan.getKeys()) {
                if (name.startsWith("progress:" + generation + ":{")) {
                    learner++;
                } else if (name.startsWith("cohort:" + generation + ":{")) {
                    cohort++;
                } else {
                    continue;
                }
                if (name.endsWith(":outbox")) {
                    outboxes++;
                }
            }
            if (scan.isFinished()) {
                break;
            }
            scan = commands.scan(scan, ScanArgs.Builder.limit(1000));
        }
        return new RedisKeys(learner, cohort, outboxes, commands.dbsize());
    }
}
