package dev.ticklist.gateway.apikey;

import dev.ticklist.gateway.SecureRandomStrings;
import dev.ticklist.gateway.Sha256;
import java.util.Optional;
import java.util.regex.Pattern;

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
    /** How much of a key is shown to people, so they can tell keys apart. */
    public static final int DISPLAY_PREFIX_LENGTH = 8;
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("tk_[A-Za-z0-9_-]{43}");

    public ApiKeySecret {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a Ticklist API key");
        }
    }

    public static ApiKeySecret generate() {
        return new ApiKeySecret(PREFIX + SecureRandomStrings.base64Url(RANDOM_BYTES));
    }

    /** The key, if {@code presented} has the shape of one. */
    public static Optional<ApiKeySecret> parse(String presented) {
        return presented != null && FORMAT.matcher(presented).matches()
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
