package dev.ticklist.checklist.catalog;

import dev.ticklist.platform.web.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/** Ids of checklists and of their levels, categories and items: readable slugs, unique, stable. */
public final class ChecklistIds {

    private static final int MAX = 64;

    private ChecklistIds() {
    }

    /** A new organisation checklist: its id must not collide with another organisation's. */
    static String newChecklistId() {
        return Ids.generate("c-");
    }

    public static String requireSlug(String what, String id) {
        return Ids.requireSlug(what, id);
    }

    /** A slug made from a name, not in {@code taken}: {@code Support-vector machines} → {@code support-vector-machines}. */
    public static String slugFor(String name, Set<String> taken) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "item-" + shortHash(name);
        }
        base = trim(base, MAX);
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            String suffix = "-" + n;
            slug = trim(base, MAX - suffix.length()) + suffix;
        }
        return slug;
    }

    private static String trim(String slug, int max) {
        return slug.length() <= max ? slug : slug.substring(0, max).replaceAll("-+$", "");
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
