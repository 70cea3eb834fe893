package dev.ticklist.benchmarks;

import java.util.List;

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
        try (var redis = RedisConnection.open(port)) {
            long learner = 0;
            long cohort = 0;
            long outboxes = 0;
            String cursor = "0";
            do {
                List<?> reply = (List<?>) redis.command("SCAN", cursor, "COUNT", "1000");
                cursor = (String) reply.get(0);
                for (Object key : (List<?>) reply.get(1)) {
                    String name = (String) key;
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
            } while (!cursor.equals("0"));
            return new RedisKeys(learner, cohort, outboxes, (Long) redis.command("DBSIZE"));
        }
    }
}
