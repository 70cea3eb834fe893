package dev.ticklist.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Adds the shared infrastructure's addresses and the test identity keys ahead of every other property source. */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infrastructure infrastructure = Infrastructure.shared();
        var properties = new HashMap<String, Object>(Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.data.redis.host", infrastructure.redisHost(),
                "spring.data.redis.port", infrastructure.redisPort()));
        properties.putAll(TestIdentityKeys.properties());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ticklist-infrastructure", properties));
    }
}
