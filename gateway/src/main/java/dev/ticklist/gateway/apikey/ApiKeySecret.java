package dev.ticklist.gateway.apikey;

import dev.ticklist.gateway.Sha256;
import dev.ticklist.gateway.TokenFormat;
import java.util.Optional;

/**
 * The secret an organisation's systems present: {@code tk_} and 32 random bytes, base64url.
 * The gateway never stores it, only its SHA-256.
 *
 * <p>A plain, fast hash is right here, unlike for passwords: a key holds 256 random bits, so
 * there is nothing to guess from a leaked hash and no dictionary to slow down. Slow hashes
 * (bcrypt, Argon2) protect low-entropy secrets and would cost every request milliseconds.
 */
public record ApiKeySecret(String value) {

    public static final String PREFIX = "tk_";
    private static final TokenFormat FORMAT = new TokenFormat(PREFIX);
    /** How much of a key is shown to people, so they can tell keys apart. */
    public static final int DISPLAY_PREFIX_LENGTH = 8;

    public ApiKeySecret {
        if (!FORMAT.matches(value)) {
            throw new IllegalArgumentException("not a Ticklist API key");
        }
    }

    public static ApiKeySecret generate() {
        return new ApiKeySecret(FORMAT.generate());
    }

    /** The key, if {@code presented} has the shape of one. */
    public static Optional<ApiKeySecret> parse(String presented) {
        return FORMAT.matches(presented)
                ? Optional.of(new ApiKeySecret(presented))
                : Optional.empty();
    }

    /** Lowercase hex SHA-256 of the key's UTF-8 bytes: what Redis and the event hold. */
    public String sha256() {
        return Sha256.hex(value);
    }

    public String displayPrefix() {
        return value.substring(0, DISPLAY_PREFIX_LENGTH);
    }

    /** Never the key itself: records print their fields, and keys must not end up in logs. */
    @Override
    public String toString() {
        return "ApiKeySecret[" + displayPrefix() + "…]";
    }
}
