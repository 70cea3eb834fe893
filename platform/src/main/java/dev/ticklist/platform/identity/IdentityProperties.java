package dev.ticklist.platform.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The shared secret with which the gateway signs the identity it hands to the services.
 * It has no default anywhere: a service without one does not start.
 *
 * @param secret at least 32 characters (HMAC-SHA256 wants 256 bits)
 * @param ttl    how long one identity token is valid; one request needs seconds
 */
@Validated
@ConfigurationProperties("ticklist.identity")
public record IdentityProperties(
        @NotBlank(message = "set TICKLIST_IDENTITY_SECRET (ticklist.identity.secret), at least 32 characters")
        @Size(min = 32, message = "ticklist.identity.secret must be at least 32 characters")
        String secret,
        Duration ttl) {

    public IdentityProperties {
        ttl = ttl == null ? Duration.ofSeconds(60) : ttl;
    }
}
