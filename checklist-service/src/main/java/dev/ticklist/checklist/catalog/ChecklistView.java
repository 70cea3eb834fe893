package dev.ticklist.checklist.catalog;

import dev.ticklist.events.catalog.ChecklistDraftSaved;
import dev.ticklist.events.catalog.ChecklistVersionPublished;
import java.util.List;

/** A checklist version or draft as the API shows it: levels, their categories, their items easiest first. */
public record ChecklistView(String id, Integer version, String title, boolean template, boolean draft,
                            String basedOn, int itemCount, List<LevelView> levels) {

    public record LevelView(String id, String name, int itemCount, List<CategoryView> categories) {
    }

    public record CategoryView(String id, String name, List<ItemView> items) {
    }

    public record ItemView(String id, String name, String description) {
    }

    /** @param latestVersion 0 while the checklist has only a draft */
    public record Summary(String id, int latestVersion, String title, boolean template, boolean hasDraft,
                          int itemCount) {
    }

    public record VersionSummary(int version, String title, int itemCount) {
    }

    static ChecklistView of(ChecklistVersionPublished published) {
        return new ChecklistView(published.checklistId(), published.version(), published.title(),
                published.organisationId() == null, false, null,
                new ChecklistContent(published.title(), published.levels()).itemCount(), levels(published.levels()));
    }

    static ChecklistView of(ChecklistDraftSaved draft) {
        return new ChecklistView(draft.checklistId(), null, draft.title(), false, true, draft.basedOn(),
                new ChecklistContent(draft.title(), draft.levels()).itemCount(), levels(draft.levels()));
    }

    static VersionSummary versionOf(ChecklistVersionPublished published) {
        return new VersionSummary(published.version(), published.title(),
                new ChecklistContent(published.title(), published.levels()).itemCount());
    }

    private static List<LevelView> levels(List<ChecklistVersionPublished.Level> levels) {
        return levels.stream().map(level -> new LevelView(level.id(), level.name(),
                level.categories().stream().mapToInt(category -> category.items().size()).sum(),
                level.categories().stream().map(category -> new CategoryView(category.id(), category.name(),
                        category.items().stream()
                                .map(item -> new ItemView(item.id(), item.name(), item.description()))
                                .toList())).toList())).toList();
    }
}
