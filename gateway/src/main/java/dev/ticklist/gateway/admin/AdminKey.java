package dev.ticklist.gateway.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The platform operator's key. Compared in constant time ({@link MessageDigest#isEqual}) on
 * SHA-256 digests, so neither the content nor the length of the key leaks through timing.
 * Blank: the admin API is off and every key is wrong.
 */
public final class AdminKey {

    /** The authority an accepted admin key grants. */
    public static final String AUTHORITY = "PLATFORM_OPERATOR";

    private final byte[] expectedDigest;

    public AdminKey(String configured) {
        this.expectedDigest = configured == null || configured.isBlank() ? null : sha256(configured);
    }

    public boolean enabled() {
        return expectedDigest != null;
    }

    public boolean matches(String presented) {
        if (expectedDigest == null || presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), expectedDigest);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
