package dev.ticklist.progress.model;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One learner's row in a cohort: the version they count with, their ticked count per level and
 * category with their own sizes (the items there less those they skipped), their items done, in
 * progress and skipped, and the sequence of the last change applied. Stored as a hash
 * ({@link #fields()}; an item's field holds {@code 1} done, {@code p} in progress, {@code s}
 * skipped); an absent version means the learner is not counted.
 */
public final class CohortRow {

    static final String DONE = "1";
    static final String STARTED = "p";
    static final String SKIPPED = "s";

    long sequence = -1;
    String version;
    int total;
    int ticked;
    final Map<String, Integer> levelTicked = new LinkedHashMap<>();
    final Map<String, Integer> levelSize = new LinkedHashMap<>();
    final Map<String, Integer> categoryTicked = new LinkedHashMap<>();
    final Map<String, Integer> categorySize = new LinkedHashMap<>();
    /** Items done. */
    final Set<String> items = new LinkedHashSet<>();
    final Set<String> started = new LinkedHashSet<>(4);
    final Set<String> skipped = new LinkedHashSet<>(4);
    /** By finished level: the week ({@link CohortModel#weekOf}) it counts in for the burn-up. */
    final Map<String, String> finishedWeek = new LinkedHashMap<>(4);
    /** Fields changed since the last flush; {@code rewritten}: the whole row was replaced. */
    final Set<String> changed = new LinkedHashSet<>();
    boolean rewritten;

    public static CohortRow empty() {
        return new CohortRow();
    }

    /** Reads a row as {@link #fields()} wrote it. */
    public static CohortRow of(Map<String, String> stored) {
        var row = new CohortRow();
        stored.forEach((field, value) -> {
            switch (field) {
                case "seq" -> row.sequence = Long.parseLong(value);
                case "cv" -> row.version = value.intern();
                case "TS" -> row.total = Integer.parseInt(value);
                case "T" -> row.ticked = Integer.parseInt(value);
                default -> {
                    int colon = field.indexOf(':');
                    String kind = field.substring(0, colon);
                    // One instance per id, not one per row: rows are cached by the ten thousand.
                    String id = field.substring(colon + 1).intern();
                    switch (kind) {
                        case "L" -> row.levelTicked.put(id, Integer.parseInt(value));
                        case "LS" -> row.levelSize.put(id, Integer.parseInt(value));
                        case "C" -> row.categoryTicked.put(id, Integer.parseInt(value));
                        case "CS" -> row.categorySize.put(id, Integer.parseInt(value));
                        case "I" -> (switch (value) {
                            case STARTED -> row.started;
                            case SKIPPED -> row.skipped;
                            default -> row.items;
                        }).add(id);
                        case "F" -> row.finishedWeek.put(id, value.intern());
                        default -> {
                            // a field of a later layout: not counted
                        }
                    }
                }
            }
        });
        return row;
    }

    public long sequence() {
        return sequence;
    }

    public boolean isCounted() {
        return version != null;
    }

    public String version() {
        return version;
    }

    /** Percent done in basis points, as the ranking scores it. */
    public long score() {
        return CohortModel.basisPoints(ticked, total);
    }

    /** The hash as stored. */
    public Map<String, String> fields() {
        var fields = new LinkedHashMap<String, String>();
        fields.put("seq", Long.toString(sequence));
        if (version == null) {
            return fields;
        }
        fields.put("cv", version);
        fields.put("TS", Integer.toString(total));
        fields.put("T", Integer.toString(ticked));
        levelTicked.forEach((level, count) -> {
            fields.put("L:" + level, count.toString());
            fields.put("LS:" + level, levelSize.get(level).toString());
        });
        categoryTicked.forEach((category, count) -> {
            fields.put("C:" + category, count.toString());
            fields.put("CS:" + category, categorySize.get(category).toString());
        });
        items.forEach(item -> fields.put("I:" + item, DONE));
        started.forEach(item -> fields.put("I:" + item, STARTED));
        skipped.forEach(item -> fields.put("I:" + item, SKIPPED));
        finishedWeek.forEach((level, week) -> fields.put("F:" + level, week));
        return fields;
    }

    /** Whether the whole row is to be written again (it was replaced), not just {@link #changedFields()}. */
    public boolean isRewritten() {
        return rewritten;
    }

    /**
     * Fields changed since the last flush, with their values; null for a field removed. Only an
     * item's change of state changes fields one by one: its item ({@code I:}), level, category
     * and total, their sizes when it was or is skipped, and the week its level finished ({@code F:}).
     */
    public Map<String, String> changedFields() {
        var changes = new LinkedHashMap<String, String>();
        changed.forEach(field -> changes.put(field, valueOf(field)));
        changes.put("seq", Long.toString(sequence));
        return changes;
    }

    private String valueOf(String field) {
        if (field.equals("T")) {
            return Integer.toString(ticked);
        }
        if (field.equals("TS")) {
            return Integer.toString(total);
        }
        int colon = field.indexOf(':');
        String id = field.substring(colon + 1);
        return switch (field.substring(0, colon)) {
            case "I" -> stateOf(id);
            case "L" -> String.valueOf(levelTicked.get(id));
            case "LS" -> String.valueOf(levelSize.get(id));
            case "C" -> String.valueOf(categoryTicked.get(id));
            case "CS" -> String.valueOf(categorySize.get(id));
            case "F" -> finishedWeek.get(id);
            default -> throw new IllegalStateException("not a field an item's change changes: " + field);
        };
    }

    /** The item's state as stored: {@link #DONE}, {@link #STARTED}, {@link #SKIPPED}, or null for not started. */
    String stateOf(String item) {
        if (items.contains(item)) {
            return DONE;
        }
        if (skipped.contains(item)) {
            return SKIPPED;
        }
        return started.contains(item) ? STARTED : null;
    }

    /** Puts the item in the set of its state, out of the others. */
    void setState(String item, String state) {
        items.remove(item);
        started.remove(item);
        skipped.remove(item);
        if (state != null) {
            (switch (state) {
                case STARTED -> started;
                case SKIPPED -> skipped;
                default -> items;
            }).add(item);
        }
    }

    void flushed() {
        changed.clear();
        rewritten = false;
    }

    void clear() {
        rewritten = true;
        version = null;
        total = 0;
        ticked = 0;
        levelTicked.clear();
        levelSize.clear();
        categoryTicked.clear();
        categorySize.clear();
        items.clear();
        started.clear();
        skipped.clear();
        finishedWeek.clear();
    }
}
