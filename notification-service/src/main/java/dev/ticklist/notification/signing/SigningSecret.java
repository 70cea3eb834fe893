package dev.ticklist.notification.signing;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret an endpoint's receiver verifies signatures with, in the Standard Webhooks form
 * {@code whsec_<base64 of the key bytes>}. It is shown to its creator once, and kept only encrypted.
 */
public record SigningSecret(String value) {

    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    public SigningSecret {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a signing secret starts with " + PREFIX);
        }
        Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    public static SigningSecret generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new SigningSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The HMAC key: the base64 after the prefix, decoded. */
    public byte[] keyBytes() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return "SigningSecret[whsec_***]";
    }
}
