package dev.ticklist.progress.learner;

import dev.ticklist.progress.catalog.ChecklistStructure;
import dev.ticklist.progress.model.Evidence;
import dev.ticklist.progress.model.VersionProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A learner's progress on one checklist version as the API shows it, from the fields the projection keeps. */
final class ChecklistProgressView {

    private ChecklistProgressView() {
    }

    /**
     * @param levelFields {@code <level>.ticked}, {@code <level>.finishedAt} and the checklist's finished time
     * @param items       item to tick time (epoch millis)
     * @param evidence    item to its evidence, for ticked items that have some
     */
    static LearnerProgress.ChecklistProgress of(ChecklistStructure structure, String cohortId,
                                                Map<String, Long> levelFields, Map<String, Long> items,
                                                Map<String, Evidence> evidence) {
        var tickedItems = new TreeMap<String, Instant>();
        items.forEach((item, time) -> tickedItems.put(item, Instant.ofEpochMilli(time)));
        var levels = new ArrayList<LearnerProgress.LevelProgress>();
        int ticked = 0;
        int total = 0;
        for (var level : structure.levelsInOrder()) {
            int levelTicked = levelFields.getOrDefault(level.id() + ".ticked", 0L).intValue();
            Long finished = levelFields.get(level.id() + ".finishedAt");
            levels.add(new LearnerProgress.LevelProgress(level.id(), level.name(), levelTicked, level.itemCount(),
                    LearnerProgress.percent(levelTicked, level.itemCount()),
                    finished == null ? null : Instant.ofEpochMilli(finished),
                    level.categories().stream().map(category -> categoryProgress(category, tickedItems, evidence))
                            .toList()));
            ticked += levelTicked;
            total += level.itemCount();
        }
        Long checklistFinished = levelFields.get(VersionProgress.CHECKLIST_FINISHED);
        return new LearnerProgress.ChecklistProgress(structure.checklistId(), structure.version(), cohortId,
                ticked, total, LearnerProgress.percent(ticked, total),
                checklistFinished == null ? null : Instant.ofEpochMilli(checklistFinished), List.copyOf(levels),
                tickedItems);
    }

    /** A category is small, so its counts are taken from the ticked items when read. */
    private static LearnerProgress.CategoryProgress categoryProgress(ChecklistStructure.Category category,
                                                                     Map<String, Instant> tickedItems,
                                                                     Map<String, Evidence> evidence) {
        var items = category.items().stream()
                .map(item -> new LearnerProgress.ItemProgress(item.id(), item.name(), tickedItems.get(item.id()),
                        tickedItems.containsKey(item.id()) ? evidence.get(item.id()) : null))
                .toList();
        var times = items.stream().map(LearnerProgress.ItemProgress::tickedAt).filter(Objects::nonNull).toList();
        Instant finishedAt = times.size() == category.itemCount() && !times.isEmpty()
                ? Collections.max(times) : null;
        return new LearnerProgress.CategoryProgress(category.id(), category.name(), times.size(),
                category.itemCount(), LearnerProgress.percent(times.size(), category.itemCount()), finishedAt, items);
    }
}
