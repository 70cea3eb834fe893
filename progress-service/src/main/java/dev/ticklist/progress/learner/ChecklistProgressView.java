package dev.ticklist.progress.learner;

import dev.ticklist.progress.catalog.ChecklistStructure;
import dev.ticklist.progress.model.ItemState;
import dev.ticklist.progress.model.VersionProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A learner's progress on one checklist version as the API shows it. Percents are of the items
 * left to do: a skipped item leaves the count it is measured against.
 */
final class ChecklistProgressView {

    private ChecklistProgressView() {
    }

    static LearnerProgress.ChecklistProgress of(ChecklistStructure structure, String cohortId,
                                                VersionProgress progress) {
        var tickedItems = new TreeMap<String, Instant>();
        progress.ticked().forEach((item, time) -> tickedItems.put(item, Instant.ofEpochMilli(time)));
        Map<String, ItemState> marked = progress.marked();
        var levels = new ArrayList<LearnerProgress.LevelProgress>();
        int ticked = 0;
        int skipped = 0;
        int inProgress = 0;
        int total = 0;
        for (var level : structure.levelsInOrder()) {
            var categories = level.categories().stream()
                    .map(category -> categoryProgress(category, tickedItems, marked, progress)).toList();
            int levelTicked = progress.tickedIn(level.id());
            int levelSkipped = progress.skippedIn(level.id());
            int levelInProgress = categories.stream().mapToInt(LearnerProgress.CategoryProgress::inProgress).sum();
            Long finished = progress.finishedAt(level.id());
            levels.add(new LearnerProgress.LevelProgress(level.id(), level.name(), levelTicked, level.itemCount(),
                    levelSkipped, levelInProgress, LearnerProgress.percent(levelTicked, level.itemCount() - levelSkipped),
                    finished == null ? null : Instant.ofEpochMilli(finished), categories));
            ticked += levelTicked;
            skipped += levelSkipped;
            inProgress += levelInProgress;
            total += level.itemCount();
        }
        Long checklistFinished = progress.checklistFinishedAt();
        return new LearnerProgress.ChecklistProgress(structure.checklistId(), structure.version(), cohortId,
                ticked, total, skipped, inProgress, LearnerProgress.percent(ticked, total - skipped),
                checklistFinished == null ? null : Instant.ofEpochMilli(checklistFinished), List.copyOf(levels),
                tickedItems);
    }

    /** A category is small, so its counts are taken from its items when read. */
    private static LearnerProgress.CategoryProgress categoryProgress(ChecklistStructure.Category category,
                                                                     Map<String, Instant> tickedItems,
                                                                     Map<String, ItemState> marked,
                                                                     VersionProgress progress) {
        var items = category.items().stream().map(item -> {
            Instant tickedAt = tickedItems.get(item.id());
            ItemState state = tickedAt != null ? ItemState.DONE : marked.getOrDefault(item.id(), ItemState.NOT_STARTED);
            return new LearnerProgress.ItemProgress(item.id(), item.name(), state.kind().apiName(), tickedAt,
                    state.reason(), tickedAt != null ? progress.evidence(item.id()) : null);
        }).toList();
        var times = items.stream().map(LearnerProgress.ItemProgress::tickedAt).filter(Objects::nonNull).toList();
        int skipped = (int) items.stream().filter(item -> "skipped".equals(item.state())).count();
        int inProgress = (int) items.stream().filter(item -> "in-progress".equals(item.state())).count();
        int toDo = category.itemCount() - skipped;
        Instant finishedAt = !times.isEmpty() && times.size() >= toDo ? Collections.max(times) : null;
        return new LearnerProgress.CategoryProgress(category.id(), category.name(), times.size(),
                category.itemCount(), skipped, inProgress, LearnerProgress.percent(times.size(), toDo), finishedAt,
                items);
    }
}
