package dev.ticklist.notification;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How webhooks are kept and delivered.
 *
 * @param encryptionKey      base64 of the 32-byte AES key that encrypts signing secrets at rest (in Kafka)
 * @param allowInsecureLocal dev and tests only: allow {@code http} and literal loopback addresses
 * @param attemptTimeout     the longest one delivery attempt may take, connecting included
 * @param maxInlineAttempts  attempts made right away, one after the other, before giving up on a message
 * @param inlineBackoff      the pause between two of those attempts
 */
@Validated
@ConfigurationProperties("ticklist.webhooks")
public record WebhookProperties(
        @NotBlank(message = "set TICKLIST_WEBHOOK_ENCRYPTION_KEY (ticklist.webhooks.encryption-key) to the base64 "
                + "of 32 random bytes, for example the output of `openssl rand -base64 32`; it encrypts the "
                + "webhook signing secrets")
        String encryptionKey,
        boolean allowInsecureLocal,
        @NotNull @DefaultValue("10s") Duration attemptTimeout,
        @Min(1) @Max(10) @DefaultValue("3") int maxInlineAttempts,
        @NotNull @DefaultValue("1s") Duration inlineBackoff) {

    private static final int KEY_BYTES = 32;

    /** The AES-256 key. */
    public byte[] encryptionKeyBytes() {
        return Base64.getDecoder().decode(encryptionKey.strip());
    }

    @AssertTrue(message = "ticklist.webhooks.encryption-key (TICKLIST_WEBHOOK_ENCRYPTION_KEY) must be the base64 "
            + "of exactly 32 bytes, for example the output of `openssl rand -base64 32`")
    public boolean isEncryptionKeyWellFormed() {
        if (encryptionKey == null || encryptionKey.isBlank()) {
            return true; // @NotBlank says what is wrong
        }
        try {
            return encryptionKeyBytes().length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @AssertTrue(message = "ticklist.webhooks.attempt-timeout must be positive and inline-backoff not negative")
    public boolean isTimingPositive() {
        return attemptTimeout == null || inlineBackoff == null
                || (attemptTimeout.isPositive() && !inlineBackoff.isNegative());
    }
}
