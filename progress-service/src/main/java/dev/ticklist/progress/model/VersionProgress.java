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
 * A learner's progress on one checklist version: ticked items with their times, items in
 * progress and skipped (with reasons), each level's ticked and skipped counts and finished time,
 * the checklist's finished time. Remembers which fields changed since the last flush, so only
 * those are written.
 *
 * <p>Kept in arrays numbered as the version's items and levels ({@link ChecklistStructure.Indexes}):
 * a cache of tens of thousands of learners then fits a small heap, and a tick allocates nothing
 * here. Stored in Redis as hashes — item to tick time, level field to value, item to evidence,
 * item to state (for items in progress or skipped) — the maps this class gives are made on
 * demand, for writing and for tests.
 */
public final class VersionProgress {

    /** The field of the checklist's finished time among the level fields; level ids are slugs, never this. */
    public static final String CHECKLIST_FINISHED = "*checklist.finishedAt";
    private static final String TICKED_FIELD = ".ticked";
    private static final String FINISHED_FIELD = ".finishedAt";
    private static final String SKIPPED_FIELD = ".skipped";
    private static final long NONE = Long.MIN_VALUE;
    private static final byte OPEN = 0;
    private static final byte STARTED = 1;
    private static final byte SKIPPED = 2;
    /** Level field bits per level in {@link #changedLevelFields}: ticked, finished, skipped. */
    private static final int LEVEL_BITS = 3;

    private final ChecklistStructure.Indexes indexes;
    /** By item number: the tick time, or NONE. */
    private final long[] tickedAt;
    /** By level number: the ticked count, or -1 while the field was never set. */
    private final int[] levelTicked;
    /** By level number: the finished time, or NONE. */
    private final long[] levelFinishedAt;
    /** By level number: the skipped count, or -1 while the field was never set. */
    private final int[] levelSkipped;
    /** By item number: OPEN, STARTED or SKIPPED for an item not ticked. */
    private final byte[] marks;
    /** By item number, the reasons of skipped items that have one; made on first use. */
    private Map<Integer, String> skipReasons;
    private long checklistFinishedAt = NONE;
    /** By item number, the evidence of ticked items that have some; made on first use, as few learners give any. */
    private Map<Integer, Evidence> evidence;
    private final BitSet changedItems = new BitSet();
    private final BitSet changedEvidence = new BitSet();
    private final BitSet changedStates = new BitSet();
    /** Bit 3l: level l's ticked count changed; 3l + 1: its finished time; 3l + 2: its skipped count; 3 × levels: the checklist's. */
    private final BitSet changedLevelFields = new BitSet();

    private VersionProgress(ChecklistStructure structure) {
        this.indexes = structure.indexes();
        this.tickedAt = new long[indexes.itemIds().size()];
        this.levelTicked = new int[indexes.levelIds().size()];
        this.levelFinishedAt = new long[indexes.levelIds().size()];
        this.levelSkipped = new int[indexes.levelIds().size()];
        this.marks = new byte[indexes.itemIds().size()];
        Arrays.fill(tickedAt, NONE);
        Arrays.fill(levelTicked, -1);
        Arrays.fill(levelSkipped, -1);
        Arrays.fill(levelFinishedAt, NONE);
    }

    /** No progress yet on this version. */
    public static VersionProgress empty(ChecklistStructure structure) {
        return new VersionProgress(structure);
    }

    /**
     * As stored: item to tick time, and the level fields ({@code <level>.ticked},
     * {@code <level>.finishedAt}, {@code <level>.skipped}, {@link #CHECKLIST_FINISHED}). What the version does not have is
     * left out: it could never be ticked or finished there.
     */
    public static VersionProgress of(ChecklistStructure structure, Map<String, Long> ticked,
                                     Map<String, Long> levelFields) {
        return of(structure, ticked, levelFields, Map.of());
    }

    /** As stored, with the evidence of ticked items (item to {@link Evidence#encoded()}). */
    public static VersionProgress of(ChecklistStructure structure, Map<String, Long> ticked,
                                     Map<String, Long> levelFields, Map<String, String> evidence) {
        return of(structure, ticked, levelFields, evidence, Map.of());
    }

    /** As stored, with evidence and the states of items in progress or skipped ({@link ItemState#encoded()}). */
    public static VersionProgress of(ChecklistStructure structure, Map<String, Long> ticked,
                                     Map<String, Long> levelFields, Map<String, String> evidence,
                                     Map<String, String> states) {
        var progress = new VersionProgress(structure);
        states.forEach((item, stored) -> {
            int index = progress.indexes.item(item);
            ItemState state = ItemState.decode(stored);
            if (index >= 0 && state != null) {
                progress.mark(index, state);
            }
        });
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
            } else if (field.endsWith(SKIPPED_FIELD)) {
                int level = progress.indexes.level(field.substring(0, field.length() - SKIPPED_FIELD.length()));
                if (level >= 0) {
                    progress.levelSkipped[level] = value.intValue();
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

    public int skippedIn(String level) {
        int index = indexes.level(level);
        return index < 0 ? 0 : Math.max(0, levelSkipped[index]);
    }

    /** The item's state: done, in progress, skipped (with its reason) or not started. */
    public ItemState state(String item) {
        int index = indexes.item(item);
        if (index < 0) {
            return ItemState.NOT_STARTED;
        }
        return stateOf(index);
    }

    private ItemState stateOf(int index) {
        if (tickedAt[index] != NONE) {
            return ItemState.DONE;
        }
        return switch (marks[index]) {
            case STARTED -> ItemState.IN_PROGRESS;
            case SKIPPED -> ItemState.skipped(skipReasons == null ? null : skipReasons.get(index));
            default -> ItemState.NOT_STARTED;
        };
    }

    /** Items in progress or skipped, in checklist order, with their states. */
    public Map<String, ItemState> marked() {
        var marked = new LinkedHashMap<String, ItemState>();
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] != OPEN && tickedAt[i] == NONE) {
                marked.put(indexes.itemIds().get(i), stateOf(i));
            }
        }
        return marked;
    }

    /** Items whose mark (in progress, skipped, its reason) changed since the last flush: in {@link #marked()} means set, else removed. */
    public Set<String> changedStates() {
        var items = new LinkedHashSet<String>();
        changedStates.stream().forEach(index -> items.add(indexes.itemIds().get(index)));
        return items;
    }

    /** Marks an item not ticked as in progress or skipped, or takes the mark away (not started). */
    void mark(String item, ItemState state) {
        int index = requireItem(item);
        byte before = marks[index];
        String reasonBefore = skipReasons == null ? null : skipReasons.get(index);
        mark(index, state);
        String reasonNow = skipReasons == null ? null : skipReasons.get(index);
        if (before != marks[index] || !Objects.equals(reasonBefore, reasonNow)) {
            changedStates.set(index);
        }
    }

    private void mark(int index, ItemState state) {
        marks[index] = switch (state.kind()) {
            case IN_PROGRESS -> STARTED;
            case SKIPPED -> SKIPPED;
            default -> OPEN;
        };
        if (state.kind() == ItemState.Kind.SKIPPED && state.reason() != null) {
            if (skipReasons == null) {
                skipReasons = new HashMap<>(4);
            }
            skipReasons.put(index, state.reason());
        } else if (skipReasons != null) {
            skipReasons.remove(index);
        }
    }

    void setSkippedIn(String level, int count) {
        int index = requireLevel(level);
        if (levelSkipped[index] != count) {
            levelSkipped[index] = count;
            changedLevelFields.set(LEVEL_BITS * index + 2);
        }
    }

    public Long finishedAt(String level) {
        int index = indexes.level(level);
        return index < 0 || levelFinishedAt[index] == NONE ? null : levelFinishedAt[index];
    }

    public Long checklistFinishedAt() {
        return checklistFinishedAt == NONE ? null : checklistFinishedAt;
    }

    /** The level fields as stored: {@code <level>.ticked}, {@code <level>.finishedAt}, {@code <level>.skipped} (when any), {@link #CHECKLIST_FINISHED}. */
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
            if (levelSkipped[level] > 0) {
                fields.put(id + SKIPPED_FIELD, (long) levelSkipped[level]);
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
        // Done is neither in progress nor skipped any more.
        if (marks[index] != OPEN) {
            mark(index, ItemState.NOT_STARTED);
            changedStates.set(index);
        }
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
            changedLevelFields.set(LEVEL_BITS * index);
        }
    }

    void setFinishedAt(String level, Long time) {
        int index = requireLevel(level);
        long value = time == null ? NONE : time;
        if (levelFinishedAt[index] != value) {
            levelFinishedAt[index] = value;
            changedLevelFields.set(LEVEL_BITS * index + 1);
        }
    }

    void setChecklistFinishedAt(Long time) {
        long value = time == null ? NONE : time;
        if (checklistFinishedAt != value) {
            checklistFinishedAt = value;
            changedLevelFields.set(LEVEL_BITS * levelTicked.length);
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
            if (bit == LEVEL_BITS * levelTicked.length) {
                fields.add(CHECKLIST_FINISHED);
            } else {
                fields.add(indexes.levelIds().get(bit / LEVEL_BITS) + switch (bit % LEVEL_BITS) {
                    case 0 -> TICKED_FIELD;
                    case 1 -> FINISHED_FIELD;
                    default -> SKIPPED_FIELD;
                });
            }
        });
        return fields;
    }

    public void flushed() {
        changedItems.clear();
        changedEvidence.clear();
        changedStates.clear();
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
