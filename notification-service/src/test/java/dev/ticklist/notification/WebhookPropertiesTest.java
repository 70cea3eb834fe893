package dev.ticklist.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class WebhookPropertiesTest {

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

    @Test
    void theDefaultsAreSafe() {
        context.withPropertyValues("ticklist.webhooks.encryption-key=q3yWm1hQ1c0mYy0eWf6Zb0w4l8xg0mS8c2uHk3VqJtI=")
                .run(started -> {
                    var properties = started.getBean(WebhookProperties.class);
                    assertThat(properties.allowInsecureLocal()).isFalse();
                    assertThat(properties.attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(properties.retrySchedule()).containsExactly(Duration.ZERO, Duration.ofSeconds(5),
                            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
                            Duration.ofHours(10), Duration.ofHours(10));
                    assertThat(properties.disableAfterFailing()).isEqualTo(Duration.ofDays(5));
                    assertThat(properties.encryptionKeyBytes()).hasSize(32);
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WebhookProperties.class)
    static class PropertiesOnly {
    }
}
