package dev.ticklist.progress.model;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A learner's progress on one checklist version: ticked items with their times, each level's
 * ticked count and finished time, the checklist's finished time. Remembers which fields changed
 * since the last flush, so only those are written.
 */
public final class VersionProgress {

    /** The field of the checklist's finished time among the level fields; level ids are slugs, never this. */
    public static final String CHECKLIST_FINISHED = "*checklist.finishedAt";

    private final Map<String, Long> ticked = new HashMap<>();
    private final Map<String, Long> levelFields = new HashMap<>();
    private final Set<String> changedItems = new LinkedHashSet<>();
    private final Set<String> changedLevelFields = new LinkedHashSet<>();

    /** As stored: item to tick time, and the level fields ({@code <level>.ticked}, {@code <level>.finishedAt}). */
    public static VersionProgress of(Map<String, Long> ticked, Map<String, Long> levelFields) {
        var progress = new VersionProgress();
        progress.ticked.putAll(ticked);
        progress.levelFields.putAll(levelFields);
        return progress;
    }

    public Map<String, Long> ticked() {
        return ticked;
    }

    public boolean isTicked(String item) {
        return ticked.containsKey(item);
    }

    public Long tickedAt(String item) {
        return ticked.get(item);
    }

    public int tickedIn(String level) {
        return levelFields.getOrDefault(level + ".ticked", 0L).intValue();
    }

    public Long finishedAt(String level) {
        return levelFields.get(level + ".finishedAt");
    }

    public Long checklistFinishedAt() {
        return levelFields.get(CHECKLIST_FINISHED);
    }

    public Map<String, Long> levelFields() {
        return levelFields;
    }

    void tick(String item, long time) {
        ticked.put(item, time);
        changedItems.add(item);
    }

    void untick(String item) {
        ticked.remove(item);
        changedItems.add(item);
    }

    void setTickedIn(String level, int count) {
        setLevelField(level + ".ticked", (long) count);
    }

    void setFinishedAt(String level, Long time) {
        setLevelField(level + ".finishedAt", time);
    }

    void setChecklistFinishedAt(Long time) {
        setLevelField(CHECKLIST_FINISHED, time);
    }

    private void setLevelField(String field, Long value) {
        Long old = value == null ? levelFields.remove(field) : levelFields.put(field, value);
        if (!Objects.equals(old, value)) {
            changedLevelFields.add(field);
        }
    }

    /** Items whose tick changed since the last flush: present in {@link #ticked()} means set, else removed. */
    public Set<String> changedItems() {
        return changedItems;
    }

    /** Level fields that changed since the last flush: present in {@link #levelFields()} means set, else removed. */
    public Set<String> changedLevelFields() {
        return changedLevelFields;
    }

    public void flushed() {
        changedItems.clear();
        changedLevelFields.clear();
    }
}
