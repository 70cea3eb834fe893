package dev.ticklist.gateway.dashboard;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param sessionLifetime how long a dashboard stays signed in, at most; the cookie also ends with the browser
 * @param streamLifetime  how long a live stream opened through a session runs before the gateway ends it
 *                        (the page reconnects, and the session is checked again)
 * @param maxSessionsPerCredential how many sessions one key or link may hold open; opening one more closes the oldest
 */
@Validated
@ConfigurationProperties("ticklist.gateway.dashboard")
public record DashboardProperties(@NotNull Duration sessionLifetime, @NotNull Duration streamLifetime,
                                  @Min(1) int maxSessionsPerCredential) {
}
