package dev.ticklist.platform.identity;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keys of the identity the gateway hands to the services ({@link IdentityKeys}). Neither has
 * a default anywhere: a service without the public key does not start, and only the gateway is
 * given the private key.
 *
 * @param publicKey  base64 DER (X.509) of the gateway's P-256 public key; every service
 * @param privateKey base64 DER (PKCS#8) of its private key; the gateway alone
 * @param ttl        how long one identity token is valid; one request needs seconds
 */
@Validated
@ConfigurationProperties("ticklist.identity")
public record IdentityProperties(
        @NotBlank(message = "set TICKLIST_IDENTITY_PUBLIC_KEY (ticklist.identity.public-key): the gateway's public key")
        String publicKey,
        String privateKey,
        Duration ttl) {

    public IdentityProperties {
        ttl = ttl == null ? Duration.ofSeconds(60) : ttl;
    }
}
