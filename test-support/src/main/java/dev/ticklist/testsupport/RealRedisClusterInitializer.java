package dev.ticklist.testsupport;

import dev.ticklist.testsupport.local.LocalRedisCluster;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the shared broker's and the shared Redis Cluster's addresses ahead of every other property
 * source. The standalone host and port point at a port nothing listens on (127.0.0.1:1): if they
 * won over the cluster nodes, every Redis command would fail instead of quietly using some
 * single Redis.
 */
public class RealRedisClusterInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Where the standalone settings point: a closed port, so using them fails loudly. */
    public static final int NOWHERE = 1;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = Infrastructure.shared();
        LocalRedisCluster cluster = LocalRedisCluster.shared();
        var properties = new HashMap<String, Object>(Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.data.redis.cluster.nodes", cluster.nodes(),
                "spring.data.redis.host", "127.0.0.1",
                "spring.data.redis.port", NOWHERE));
        properties.putAll(TestIdentityKeys.properties());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ticklist-redis-cluster", properties));
    }
}
