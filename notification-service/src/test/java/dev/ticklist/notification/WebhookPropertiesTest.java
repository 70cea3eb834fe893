package dev.ticklist.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class WebhookPropertiesTest {

    private static final String KEY = "q3yWm1hQ1c0mYy0eWf6Zb0w4l8xg0mS8c2uHk3VqJtI=";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void withoutAnEncryptionKeyTheServiceDoesNotStartAndSaysWhatToSet() {
        context.withPropertyValues("ticklist.webhooks.encryption-key=").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("TICKLIST_WEBHOOK_ENCRYPTION_KEY");
        });
    }

    @Test
    void aKeyThatIsNot32BytesIsRefused() {
        context.withPropertyValues("ticklist.webhooks.encryption-key=c2hvcnQ=").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("exactly 32 bytes");
        });
    }

    /**
     * The defaults the service runs with are those of its application.yml (each setting there is
     * {@code ${VARIABLE:default}}), bound here from that file with no variable set.
     */
    @Test
    void theDefaultsOfApplicationYmlAreSafe() {
        context.withInitializer(WebhookPropertiesTest::applicationYmlWithoutVariables)
                .withPropertyValues("ticklist.webhooks.encryption-key=" + KEY)
                .run(started -> {
                    // Read from application.yml, so the record's own defaults play no part.
                    assertThat(started.getEnvironment().getProperty("ticklist.webhooks.retry-schedule"))
                            .isEqualTo("0s,5s,5m,30m,2h,5h,10h,10h");
                    var properties = started.getBean(WebhookProperties.class);
                    assertThat(properties.allowInsecureLocal()).isFalse();
                    assertThat(properties.attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(properties.retrySchedule()).containsExactly(Duration.ZERO, Duration.ofSeconds(5),
                            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
                            Duration.ofHours(10), Duration.ofHours(10));
                    assertThat(properties.retryJitter()).isEqualTo(0.2);
                    assertThat(properties.retryAfterLimit()).isEqualTo(Duration.ofHours(24));
                    assertThat(properties.disableAfterFailing()).isEqualTo(Duration.ofDays(5));
                    assertThat(properties.maxInFlightPerEndpoint()).isEqualTo(32);
                    assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(properties.encryptionKeyBytes()).hasSize(32);
                });
    }

    /**
     * The record's own defaults ({@code @DefaultValue}) apply only where application.yml is not
     * read: they must be the same, or the service would run on other settings than its tests.
     */
    @Test
    void theRecordsDefaultsAreThoseOfApplicationYml() {
        var fromYml = context.withInitializer(WebhookPropertiesTest::applicationYmlWithoutVariables)
                .withPropertyValues("ticklist.webhooks.encryption-key=" + KEY);
        // Neither side sees the shell's variables or system properties: an exported setting would bind on one only.
        var fromRecord = context.withInitializer(WebhookPropertiesTest::withoutVariables)
                .withPropertyValues("ticklist.webhooks.encryption-key=" + KEY);
        fromYml.run(yml -> fromRecord.run(record -> assertThat(record.getBean(WebhookProperties.class))
                .isEqualTo(yml.getBean(WebhookProperties.class))));
    }

    /** Only main's application.yml (the tests' application.properties left out), with no variable set. */
    private static void applicationYmlWithoutVariables(ConfigurableApplicationContext context) {
        withoutVariables(context);
        var sources = context.getEnvironment().getPropertySources();
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void withoutVariables(ConfigurableApplicationContext context) {
        var sources = context.getEnvironment().getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WebhookProperties.class)
    static class PropertiesOnly {
    }
}
