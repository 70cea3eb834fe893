package dev.ticklist.platform.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Identifier rules shared by every command. */
public final class Ids {

    /** Ids that organisations choose themselves (learners): e-mail addresses and LMS ids fit. */
    public static final String EXTERNAL_ID = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$";
    /** Checklist, level, category and item ids. */
    public static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private static final Pattern EXTERNAL = Pattern.compile(EXTERNAL_ID);
    private static final Pattern SLUGS = Pattern.compile(SLUG);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String generate(String prefix) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    public static boolean isExternal(String id) {
        return id != null && EXTERNAL.matcher(id).matches();
    }

    public static String requireExternal(String what, String id) {
        if (!isExternal(id)) {
            throw Problems.invalid("malformed-id", what + " id '" + abbreviate(id)
                    + "' is malformed: use 1-128 letters, digits or . _ : @ -, starting with a letter or digit");
        }
        return id;
    }

    public static String requireSlug(String what, String id) {
        if (id == null || id.length() > 64 || !SLUGS.matcher(id).matches()) {
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
