package dev.ticklist.notification;

import dev.ticklist.notification.destination.HostResolver;
import dev.ticklist.notification.destination.WebhookUrlGuard;
import dev.ticklist.notification.signing.SecretCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    SecretCipher secretCipher(WebhookProperties properties) {
        return new SecretCipher(properties.encryptionKeyBytes());
    }

    /** The system's DNS; a test puts a table of its own in its place with {@code @Primary}. */
    @Bean
    HostResolver hostResolver() {
        return HostResolver.SYSTEM;
    }

    @Bean
    WebhookUrlGuard webhookUrlGuard(WebhookProperties properties, HostResolver resolver) {
        return new WebhookUrlGuard(properties.allowInsecureLocal(), resolver);
    }
}
