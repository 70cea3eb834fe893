package dev.ticklist.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Settings of a consumer that reads partitions it assigns itself (a follower, a snapshot read, a
 * replay of history): no group and so no committed offsets, and only what transactions committed.
 */
public final class AssignedConsumers {

    private AssignedConsumers() {
    }

    /** A copy of the service's consumer settings (its logins included) for such a consumer. */
    public static Map<String, Object> config(Map<String, Object> consumerConfig) {
        var config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }
}
