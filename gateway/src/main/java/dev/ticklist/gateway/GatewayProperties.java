package dev.ticklist.gateway;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param adminKey        the platform operator's key for the admin API; blank disables the admin API
 * @param checklistUrl    base URL of checklist-service
 * @param progressUrl     base URL of progress-service
 * @param notificationUrl base URL of notification-service
 */
@Validated
@ConfigurationProperties("ticklist.gateway")
public record GatewayProperties(
        String adminKey,
        @NotNull URI checklistUrl,
        @NotNull URI progressUrl,
        @NotNull URI notificationUrl) {

    static final int MIN_ADMIN_KEY_LENGTH = 32;

    public GatewayProperties {
        adminKey = adminKey == null ? "" : adminKey.strip();
        if (!adminKey.isEmpty() && adminKey.length() < MIN_ADMIN_KEY_LENGTH) {
            throw new IllegalArgumentException("ticklist.gateway.admin-key (TICKLIST_ADMIN_KEY) must be at least "
                    + MIN_ADMIN_KEY_LENGTH + " characters, or empty to disable the admin API");
        }
    }
}
