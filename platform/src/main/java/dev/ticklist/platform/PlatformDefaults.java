package dev.ticklist.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Settings every service shares (Kafka serialisation and durability, health groups, problem
 * details, exposed endpoints), added with the lowest precedence so a service or its
 * environment can still override any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("ticklist-platform-defaults", new ClassPathResource("ticklist-platform.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
