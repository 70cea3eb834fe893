package dev.ticklist.platform.web;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Identifier rules shared by every command. */
public final class Ids {

    /** Ids that organisations choose themselves (learners): e-mail addresses and LMS ids fit. */
    public static final String EXTERNAL_ID = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$";
    /** Checklist, level, category and item ids. */
    public static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String generate(String prefix) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** {@link #EXTERNAL_ID}, checked with a loop: ids are checked on every command (docs/benchmarks.md). */
    public static boolean isExternal(String id) {
        return id != null && !id.isEmpty() && id.length() <= 128 && AsciiText.isLetterOrDigit(id.charAt(0))
                && AsciiText.onlyLettersDigitsOr(id, 1, id.length(), "._:@-");
    }

    /** {@link #SLUG}, checked with a loop. */
    static boolean isSlug(String id) {
        if (id == null || id.isEmpty() || id.charAt(0) == '-' || id.charAt(id.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean hyphen = c == '-';
            if (!hyphen && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') || hyphen && id.charAt(i - 1) == '-') {
                return false;
            }
        }
        return true;
    }

    public static String requireExternal(String what, String id) {
        if (!isExternal(id)) {
            throw Problems.invalid("malformed-id", what + " id '" + abbreviate(id)
                    + "' is malformed: use 1-128 letters, digits or . _ : @ -, starting with a letter or digit");
        }
        return id;
    }

    public static String requireSlug(String what, String id) {
        if (id == null || id.length() > 64 || !isSlug(id)) {
            throw Problems.invalid("malformed-id", what + " id '" + abbreviate(id)
                    + "' is malformed: use lowercase letters, digits and single hyphens, at most 64");
        }
        return id;
    }

    private static String abbreviate(String id) {
        if (id == null) {
            return "";
        }
        return id.length() > 40 ? id.substring(0, 40) + "…" : id;
    }
}
