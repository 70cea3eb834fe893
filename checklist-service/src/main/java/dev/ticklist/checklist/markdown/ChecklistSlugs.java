package dev.ticklist.checklist.markdown;

import dev.ticklist.checklist.catalog.ChecklistIds;
import java.util.HashSet;
import java.util.Set;

/**
 * Ids for an imported checklist, made from names the way the built-in templates' ids are: {@code Entry} →
 * {@code entry}, category {@code Data handling} of level {@code entry} → {@code entry-data-handling},
 * {@code Support-vector machines} → {@code support-vector-machines}. Each id matches
 * {@code ^[a-z0-9]+(-[a-z0-9]+)*$}, has at most 64 characters and is unique within the checklist (suffix
 * {@code -2}, {@code -3}, …). Ask for all level ids first, so that levels named Entry, Intermediate and Advanced
 * get exactly those ids.
 */
final class ChecklistSlugs {

    static final int MAX_LENGTH = ChecklistIds.MAX_LENGTH;

    private final Set<String> taken = new HashSet<>();

    String levelId(String name) {
        return ChecklistIds.slugFor(name, "level", taken);
    }

    String categoryId(String levelId, String name) {
        return ChecklistIds.unique(levelId + "-" + ChecklistIds.slugOr("category", name), taken);
    }

    String itemId(String name) {
        return ChecklistIds.slugFor(name, "item", taken);
    }

    static String slug(String name) {
        return ChecklistIds.slug(name);
    }
}
