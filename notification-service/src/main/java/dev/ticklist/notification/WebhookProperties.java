package dev.ticklist.notification;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How webhooks are kept and delivered.
 *
 * @param encryptionKey          base64 of the 32-byte AES key that encrypts signing secrets at rest (in Kafka)
 * @param allowInsecureLocal     dev and tests only: allow {@code http} and literal loopback addresses
 * @param attemptTimeout         the longest one delivery attempt may take, connecting included
 * @param retrySchedule          the wait before each attempt of a message, counted from the failure before it;
 *                               the first entry is the wait before the first attempt (normally none), and
 *                               the list's length is the number of attempts before a message is given up
 * @param retryJitter            each wait is stretched by a random share up to this, so retries of many
 *                               messages do not arrive together
 * @param retryAfterLimit        the longest {@code Retry-After} honoured; a longer one is cut to this
 * @param disableAfterFailing    an endpoint that has failed without one success for this long is disabled
 * @param maxInFlightPerEndpoint the most attempts running at once towards one endpoint: each starts at
 *                               4 and moves with what the receiver takes (additive increase on deliveries,
 *                               halved on failures), up to this
 * @param pollInterval           how often due messages are looked for
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
        @NotEmpty @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.2") double retryJitter,
        @NotNull @DefaultValue("24h") Duration retryAfterLimit,
        @NotNull @DefaultValue("5d") Duration disableAfterFailing,
        @Min(1) @Max(100) @DefaultValue("32") int maxInFlightPerEndpoint,
        @NotNull @DefaultValue("250ms") Duration pollInterval) {

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

    @AssertTrue(message = "ticklist.webhooks: attempt-timeout, disable-after-failing, retry-after-limit and "
            + "poll-interval must be positive, and no retry-schedule entry negative")
    public boolean isTimingPositive() {
        if (attemptTimeout == null || disableAfterFailing == null || retryAfterLimit == null || pollInterval == null
                || retrySchedule == null) {
            return true; // @NotNull says what is wrong
        }
        return attemptTimeout.isPositive() && disableAfterFailing.isPositive() && retryAfterLimit.isPositive()
                && pollInterval.isPositive() && retrySchedule.stream().noneMatch(Duration::isNegative);
    }
}
