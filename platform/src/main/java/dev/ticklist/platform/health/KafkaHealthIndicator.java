package dev.ticklist.platform.health;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Up while the broker answers; part of the readiness group, so traffic stops when Kafka is gone. */
public class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final Admin admin;

    public KafkaHealthIndicator(Admin admin) {
        super("Kafka is unreachable");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000));
        int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
        builder.up().withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS)).withDetail("nodes", nodes);
    }
}
