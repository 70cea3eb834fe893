package dev.ticklist.gateway;

import dev.ticklist.platform.web.AsciiText;

/**
 * A kind of bearer secret the gateway makes: a short prefix that says what it is, then 32 random
 * bytes in base64url. Only its SHA-256 ({@link Sha256}) is ever stored.
 */
public final class TokenFormat {

    private static final int RANDOM_BYTES = 32;
    /** 32 bytes in unpadded base64url. */
    static final int RANDOM_LENGTH = 43;

    private final String prefix;

    public TokenFormat(String prefix) {
        this.prefix = prefix;
    }

    public String generate() {
        return prefix + SecureRandomStrings.base64Url(RANDOM_BYTES);
    }

    /** The prefix, then {@code [A-Za-z0-9_-]{43}}: checked with a loop, as it is on every request with a key. */
    public boolean matches(String value) {
        return value != null && value.length() == prefix.length() + RANDOM_LENGTH && value.startsWith(prefix)
                && AsciiText.onlyLettersDigitsOr(value, prefix.length(), value.length(), "_-");
    }
}
