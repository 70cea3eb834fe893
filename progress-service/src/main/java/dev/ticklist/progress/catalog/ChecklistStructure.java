package dev.ticklist.progress.catalog;

import dev.ticklist.events.catalog.ChecklistVersionPublished;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What progress needs of a checklist version: its levels, categories and items in order, and
 * where each item is. Level, category and item ids are each unique within a checklist.
 */
public record ChecklistStructure(String checklistId, int version, Map<String, Level> levels,
                                 Map<String, Placement> placeOfItem, List<String> levelsWithItems) {

    public record Level(String id, String name, int itemCount, List<Category> categories) {
    }

    public record Category(String id, String name, List<Item> items) {

        public int itemCount() {
            return items.size();
        }
    }

    public record Item(String id, String name) {
    }

    /** Where an item is. */
    public record Placement(Level level, Category category) {
    }

    public static ChecklistStructure of(ChecklistVersionPublished published) {
        var levels = new LinkedHashMap<String, Level>();
        var placeOfItem = new HashMap<String, Placement>();
        for (var level : published.levels()) {
            var categories = new ArrayList<Category>();
            for (var category : level.categories()) {
                categories.add(new Category(category.id(), category.name(),
                        category.items().stream().map(item -> new Item(item.id(), item.name())).toList()));
            }
            var structured = new Level(level.id(), level.name(),
                    categories.stream().mapToInt(Category::itemCount).sum(), List.copyOf(categories));
            levels.put(level.id(), structured);
            for (var category : structured.categories()) {
                category.items().forEach(item -> placeOfItem.put(item.id(), new Placement(structured, category)));
            }
        }
        // Computed once: every tick names them (a checklist is finished when these are).
        var levelsWithItems = levels.values().stream().filter(level -> level.itemCount() > 0).map(Level::id).toList();
        return new ChecklistStructure(published.checklistId(), published.version(),
                Collections.unmodifiableMap(levels), Map.copyOf(placeOfItem), levelsWithItems);
    }

    public Optional<Level> levelOf(String itemId) {
        return placeOf(itemId).map(Placement::level);
    }

    public Optional<Placement> placeOf(String itemId) {
        return Optional.ofNullable(placeOfItem.get(itemId));
    }

    public int itemCount() {
        return placeOfItem.size();
    }

    public List<Level> levelsInOrder() {
        return List.copyOf(levels.values());
    }

    public List<Category> categoriesInOrder() {
        return levels.values().stream().flatMap(level -> level.categories().stream()).toList();
    }
}
