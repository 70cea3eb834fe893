package dev.ticklist.progress.model;

import dev.ticklist.progress.catalog.ChecklistStructure;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A learner's progress on one checklist version: ticked items with their times, each level's
 * ticked count and finished time, the checklist's finished time. Remembers which fields changed
 * since the last flush, so only those are written.
 *
 * <p>Kept in arrays numbered as the version's items and levels ({@link ChecklistStructure.Indexes}):
 * a cache of tens of thousands of learners then fits a small heap, and a tick allocates nothing
 * here. Stored in Redis as two hashes, item to tick time and level field to value; the maps this
 * class gives are made on demand, for writing and for tests.
 */
public final class VersionProgress {

    /** The field of the checklist's finished time among the level fields; level ids are slugs, never this. */
    public static final String CHECKLIST_FINISHED = "*checklist.finishedAt";
    private static final String TICKED_FIELD = ".ticked";
    private static final String FINISHED_FIELD = ".finishedAt";
    private static final long NONE = Long.MIN_VALUE;

    private final ChecklistStructure.Indexes indexes;
    /** By item number: the tick time, or NONE. */
    private final long[] tickedAt;
    /** By level number: the ticked count, or -1 while the field was never set. */
    private final int[] levelTicked;
    /** By level number: the finished time, or NONE. */
    private final long[] levelFinishedAt;
    private long checklistFinishedAt = NONE;
    /** By item number, the evidence of ticked items that have some; made on first use, as few learners give any. */
    private Map<Integer, Evidence> evidence;
    private final BitSet changedItems = new BitSet();
    private final BitSet changedEvidence = new BitSet();
    /** Bit 2l: level l's ticked count changed; 2l + 1: its finished time; 2 × levels: the checklist's. */
    private final BitSet changedLevelFields = new BitSet();

    private VersionProgress(ChecklistStructure structure) {
        this.indexes = structure.indexes();
        this.tickedAt = new long[indexes.itemIds().size()];
        this.levelTicked = new int[indexes.levelIds().size()];
        this.levelFinishedAt = new long[indexes.levelIds().size()];
        Arrays.fill(tickedAt, NONE);
        Arrays.fill(levelTicked, -1);
        Arrays.fill(levelFinishedAt, NONE);
    }

    /** No progress yet on this version. */
    public static VersionProgress empty(ChecklistStructure structure) {
        return new VersionProgress(structure);
    }

    /**
     * As stored: item to tick time, and the level fields ({@code <level>.ticked},
     * {@code <level>.finishedAt}, {@link #CHECKLIST_FINISHED}). What the version does not have is
     * left out: it could never be ticked or finished there.
     */
    public static VersionProgress of(ChecklistStructure structure, Map<String, Long> ticked,
                                     Map<String, Long> levelFields) {
        return of(structure, ticked, levelFields, Map.of());
    }

    /** As stored, with the evidence of ticked items (item to {@link Evidence#encoded()}). */
    public static VersionProgress of(ChecklistStructure structure, Map<String, Long> ticked,
                                     Map<String, Long> levelFields, Map<String, String> evidence) {
        var progress = new VersionProgress(structure);
        evidence.forEach((item, stored) -> {
            int index = progress.indexes.item(item);
            Evidence decoded = Evidence.decode(stored);
            if (index >= 0 && decoded != null) {
                progress.evidenceByItem().put(index, decoded);
            }
        });
        ticked.forEach((item, time) -> {
            int index = progress.indexes.item(item);
            if (index >= 0) {
                progress.tickedAt[index] = time;
            }
        });
        levelFields.forEach((field, value) -> {
            if (field.equals(CHECKLIST_FINISHED)) {
                progress.checklistFinishedAt = value;
            } else if (field.endsWith(TICKED_FIELD)) {
                int level = progress.indexes.level(field.substring(0, field.length() - TICKED_FIELD.length()));
                if (level >= 0) {
                    progress.levelTicked[level] = value.intValue();
                }
            } else if (field.endsWith(FINISHED_FIELD)) {
                int level = progress.indexes.level(field.substring(0, field.length() - FINISHED_FIELD.length()));
                if (level >= 0) {
                    progress.levelFinishedAt[level] = value;
                }
            }
        });
        return progress;
    }

    /** Item to tick time, in checklist order. */
    public Map<String, Long> ticked() {
        var ticked = new LinkedHashMap<String, Long>();
        for (int i = 0; i < tickedAt.length; i++) {
            if (tickedAt[i] != NONE) {
                ticked.put(indexes.itemIds().get(i), tickedAt[i]);
            }
        }
        return ticked;
    }

    /** The ticked items, in checklist order. */
    public Set<String> tickedItems() {
        return Collections.unmodifiableSet(ticked().keySet());
    }

    public boolean isTicked(String item) {
        int index = indexes.item(item);
        return index >= 0 && tickedAt[index] != NONE;
    }

    public Long tickedAt(String item) {
        int index = indexes.item(item);
        return index < 0 || tickedAt[index] == NONE ? null : tickedAt[index];
    }

    public int tickedIn(String level) {
        int index = indexes.level(level);
        return index < 0 ? 0 : Math.max(0, levelTicked[index]);
    }

    public Long finishedAt(String level) {
        int index = indexes.level(level);
        return index < 0 || levelFinishedAt[index] == NONE ? null : levelFinishedAt[index];
    }

    public Long checklistFinishedAt() {
        return checklistFinishedAt == NONE ? null : checklistFinishedAt;
    }

    /** The level fields as stored: {@code <level>.ticked}, {@code <level>.finishedAt}, {@link #CHECKLIST_FINISHED}. */
    public Map<String, Long> levelFields() {
        var fields = new LinkedHashMap<String, Long>();
        for (int level = 0; level < levelTicked.length; level++) {
            String id = indexes.levelIds().get(level);
            if (levelTicked[level] >= 0) {
                fields.put(id + TICKED_FIELD, (long) levelTicked[level]);
            }
            if (levelFinishedAt[level] != NONE) {
                fields.put(id + FINISHED_FIELD, levelFinishedAt[level]);
            }
        }
        if (checklistFinishedAt != NONE) {
            fields.put(CHECKLIST_FINISHED, checklistFinishedAt);
        }
        return fields;
    }

    void tick(String item, long time) {
        int index = requireItem(item);
        tickedAt[index] = time;
        changedItems.set(index);
    }

    void untick(String item) {
        int index = requireItem(item);
        tickedAt[index] = NONE;
        changedItems.set(index);
        // Evidence belongs to the tick.
        setEvidence(index, null);
    }

    /** The item's evidence, or null. */
    public Evidence evidence(String item) {
        int index = indexes.item(item);
        return index < 0 || evidence == null ? null : evidence.get(index);
    }

    /** Item to evidence, in checklist order. */
    public Map<String, Evidence> evidence() {
        var all = new LinkedHashMap<String, Evidence>();
        if (evidence != null) {
            evidence.keySet().stream().sorted().forEach(index -> all.put(indexes.itemIds().get(index), evidence.get(index)));
        }
        return all;
    }

    void attachEvidence(String item, Evidence given) {
        setEvidence(requireItem(item), given);
    }

    private void setEvidence(int index, Evidence given) {
        Evidence before = evidence == null ? null : evidence.get(index);
        if (Objects.equals(before, given)) {
            return;
        }
        if (given == null) {
            evidence.remove(index);
        } else {
            evidenceByItem().put(index, given);
        }
        changedEvidence.set(index);
    }

    private Map<Integer, Evidence> evidenceByItem() {
        if (evidence == null) {
            evidence = new HashMap<>(4);
        }
        return evidence;
    }

    /** Items whose evidence changed since the last flush: present in {@link #evidence()} means set, else removed. */
    public Set<String> changedEvidence() {
        var items = new LinkedHashSet<String>();
        changedEvidence.stream().forEach(index -> items.add(indexes.itemIds().get(index)));
        return items;
    }

    void setTickedIn(String level, int count) {
        int index = requireLevel(level);
        if (levelTicked[index] != count) {
            levelTicked[index] = count;
            changedLevelFields.set(2 * index);
        }
    }

    void setFinishedAt(String level, Long time) {
        int index = requireLevel(level);
        long value = time == null ? NONE : time;
        if (levelFinishedAt[index] != value) {
            levelFinishedAt[index] = value;
            changedLevelFields.set(2 * index + 1);
        }
    }

    void setChecklistFinishedAt(Long time) {
        long value = time == null ? NONE : time;
        if (checklistFinishedAt != value) {
            checklistFinishedAt = value;
            changedLevelFields.set(2 * levelTicked.length);
        }
    }

    /** Items whose tick changed since the last flush: present in {@link #ticked()} means set, else removed. */
    public Set<String> changedItems() {
        var items = new LinkedHashSet<String>();
        changedItems.stream().forEach(index -> items.add(indexes.itemIds().get(index)));
        return items;
    }

    /** Level fields that changed since the last flush: present in {@link #levelFields()} means set, else removed. */
    public Set<String> changedLevelFields() {
        var fields = new LinkedHashSet<String>();
        changedLevelFields.stream().forEach(bit -> {
            if (bit == 2 * levelTicked.length) {
                fields.add(CHECKLIST_FINISHED);
            } else {
                fields.add(indexes.levelIds().get(bit / 2) + (bit % 2 == 0 ? TICKED_FIELD : FINISHED_FIELD));
            }
        });
        return fields;
    }

    public void flushed() {
        changedItems.clear();
        changedEvidence.clear();
        changedLevelFields.clear();
    }

    private int requireItem(String item) {
        int index = indexes.item(item);
        if (index < 0) {
            throw new IllegalArgumentException("no item " + item + " in this version");
        }
        return index;
    }

    private int requireLevel(String level) {
        int index = indexes.level(level);
        if (index < 0) {
            throw new IllegalArgumentException("no level " + level + " in this version");
        }
        return index;
    }
}
