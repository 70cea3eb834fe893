package dev.ticklist.progress.live;

/**
 * Names of the Redis pub/sub channels of live progress. Each carries the organisation, so one
 * tenant's subscriber can never receive another's changes; the organisation is a hash tag, so
 * an organisation's channels share one slot if they ever move to sharded pub/sub.
 */
final class LiveChannels {

    private static final String PREFIX = "progress-live:{";

    private LiveChannels() {
    }

    static String learner(String organisationId, String learnerId) {
        return PREFIX + organisationId + "}:learner:" + learnerId;
    }

    static String cohort(String organisationId, String cohortId) {
        return PREFIX + organisationId + "}:cohort:" + cohortId;
    }
}
