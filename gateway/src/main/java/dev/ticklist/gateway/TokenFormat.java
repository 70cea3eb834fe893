package dev.ticklist.gateway;

import java.util.regex.Pattern;

/**
 * A kind of bearer secret the gateway makes: a short prefix that says what it is, then 32 random
 * bytes in base64url. Only its SHA-256 ({@link Sha256}) is ever stored.
 */
public final class TokenFormat {

    private static final int RANDOM_BYTES = 32;

    private final String prefix;
    private final Pattern format;

    public TokenFormat(String prefix) {
        this.prefix = prefix;
        this.format = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_-]{43}");
    }

    public String generate() {
        return prefix + SecureRandomStrings.base64Url(RANDOM_BYTES);
    }

    public boolean matches(String value) {
        return value != null && format.matcher(value).matches();
    }
}
