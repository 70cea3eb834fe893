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

    @Bean
    WebhookUrlGuard webhookUrlGuard(WebhookProperties properties) {
        return new WebhookUrlGuard(properties.allowInsecureLocal(), HostResolver.SYSTEM);
    }
}
