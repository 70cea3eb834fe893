package dev.ticklist.gateway.admin;

import dev.ticklist.gateway.Sha256;
import java.security.MessageDigest;

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
        this.expectedDigest = configured == null || configured.isBlank() ? null : Sha256.digest(configured);
    }

    public boolean enabled() {
        return expectedDigest != null;
    }

    public boolean matches(String presented) {
        if (expectedDigest == null || presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(Sha256.digest(presented), expectedDigest);
    }
}
