package dev.ticklist.checklist.catalog;

import dev.ticklist.platform.web.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Ids of checklists and of their levels, categories and items: readable slugs made from names
 * the way the built-in templates' ids are ({@code Support-vector machines} →
 * {@code support-vector-machines}), at most 64 characters, unique, and never changed afterwards.
 */
public final class ChecklistIds {

    public static final int MAX_LENGTH = 64;

    // Latin letters that NFKD does not split into a base letter and a mark.
    private static final Map<Integer, String> LETTERS = Map.of(
            (int) 'ß', "ss", (int) 'æ', "ae", (int) 'œ', "oe", (int) 'ø', "o", (int) 'ł', "l",
            (int) 'đ', "d", (int) 'ð', "d", (int) 'þ', "th", (int) 'ı', "i");

    private ChecklistIds() {
    }

    /** A new organisation checklist: its id must not collide with another organisation's. */
    static String newChecklistId() {
        return Ids.generate("c-");
    }

    public static String requireSlug(String what, String id) {
        return Ids.requireSlug(what, id);
    }

    /** A slug of the name not in {@code taken}, which it is added to. */
    public static String slugFor(String name, String fallbackPrefix, Set<String> taken) {
        return unique(slugOr(fallbackPrefix, name), taken);
    }

    /** The slug of the name, or for a name without Latin letters or digits ("日本語") a short stable hash: {@code item-3f9a2b}. */
    public static String slugOr(String fallbackPrefix, String name) {
        String slug = slug(name);
        return slug.isEmpty() ? fallbackPrefix + "-" + shortHash(name) : slug;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}… whichever is not taken yet; it is then taken. */
    public static String unique(String base, Set<String> taken) {
        String candidate = truncate(base, MAX_LENGTH);
        for (int n = 2; !taken.add(candidate); n++) {
            String suffix = "-" + n;
            candidate = truncate(base, MAX_LENGTH - suffix.length()) + suffix;
        }
        return candidate;
    }

    /** Lowercase ASCII letters and digits from the name, diacritics stripped, anything else one hyphen. */
    public static String slug(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        var slug = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            String latin = LETTERS.getOrDefault(Character.toLowerCase(cp), Character.toString(Character.toLowerCase(cp)));
            for (char c : latin.toCharArray()) {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                    if (gap && !slug.isEmpty()) {
                        slug.append('-');
                    }
                    slug.append(c);
                    gap = false;
                } else {
                    gap = true;
                }
            }
        }
        return slug.toString();
    }

    private static String truncate(String slug, int max) {
        String cut = slug.length() <= max ? slug : slug.substring(0, max);
        while (cut.endsWith("-")) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }

    private static String shortHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    Normalizer.normalize(name.strip(), Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
