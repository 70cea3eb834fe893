package dev.ticklist.checklist.catalog;

import dev.ticklist.events.catalog.ChecklistVersionPublished;
import java.util.List;

/** A checklist version as the API shows it: levels, their categories, their items easiest first. */
public record ChecklistView(String id, int version, String title, boolean template, List<LevelView> levels) {

    public record LevelView(String id, String name, int itemCount, List<CategoryView> categories) {
    }

    public record CategoryView(String id, String name, List<ItemView> items) {
    }

    public record ItemView(String id, String name, String description) {
    }

    public record Summary(String id, int latestVersion, String title, boolean template, int itemCount) {
    }

    static ChecklistView of(ChecklistVersionPublished published) {
        return new ChecklistView(published.checklistId(), published.version(), published.title(),
                published.organisationId() == null,
                published.levels().stream().map(level -> new LevelView(level.id(), level.name(),
                        level.categories().stream().mapToInt(category -> category.items().size()).sum(),
                        level.categories().stream().map(category -> new CategoryView(category.id(), category.name(),
                                category.items().stream()
                                        .map(item -> new ItemView(item.id(), item.name(), item.description()))
                                        .toList())).toList())).toList());
    }

    static Summary summaryOf(ChecklistVersionPublished published) {
        int items = published.levels().stream()
                .flatMap(level -> level.categories().stream())
                .mapToInt(category -> category.items().size()).sum();
        return new Summary(published.checklistId(), published.version(), published.title(),
                published.organisationId() == null, items);
    }
}
