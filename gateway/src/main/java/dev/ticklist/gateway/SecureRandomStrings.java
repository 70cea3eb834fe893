package dev.ticklist.gateway;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers and secrets, from one {@link SecureRandom}. */
public final class SecureRandomStrings {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private SecureRandomStrings() {
    }

    /** {@code length} lowercase base32 characters: 5 random bits each. */
    public static String base32(int length) {
        var chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE32[RANDOM.nextInt(BASE32.length)];
        }
        return new String(chars);
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String base64Url(int bytes) {
        var random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
