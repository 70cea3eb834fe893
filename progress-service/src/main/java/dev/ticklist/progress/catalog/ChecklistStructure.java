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
                                 Map<String, Placement> placeOfItem, List<String> levelsWithItems,
                                 Indexes indexes) {

    /**
     * Items and levels numbered in checklist order, so progress can be kept in arrays: a learner's
     * progress is then a few hundred bytes and a tick writes into it without allocating.
     */
    public record Indexes(List<String> itemIds, Map<String, Integer> ofItem, List<String> levelIds,
                          Map<String, Integer> ofLevel) {

        /** The item's number, or -1 if the version has no such item. */
        public int item(String itemId) {
            Integer index = ofItem.get(itemId);
            return index == null ? -1 : index;
        }

        /**
         * The version's own instance of an item id, for ids kept long (a cohort row's items):
         * ids decoded from events are new strings each time, and tens of thousands of rows would
         * each hold copies.
         */
        public String sameItem(String itemId) {
            int index = item(itemId);
            return index < 0 ? itemId : itemIds.get(index);
        }

        /** The level's number, or -1 if the version has no such level. */
        public int level(String levelId) {
            Integer index = ofLevel.get(levelId);
            return index == null ? -1 : index;
        }
    }

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
        var itemIds = levels.values().stream().flatMap(level -> level.categories().stream())
                .flatMap(category -> category.items().stream()).map(Item::id).toList();
        var levelIds = List.copyOf(levels.keySet());
        return new ChecklistStructure(published.checklistId(), published.version(),
                Collections.unmodifiableMap(levels), Map.copyOf(placeOfItem), levelsWithItems,
                new Indexes(itemIds, numbered(itemIds), levelIds, numbered(levelIds)));
    }

    private static Map<String, Integer> numbered(List<String> ids) {
        var numbers = new HashMap<String, Integer>();
        for (int i = 0; i < ids.size(); i++) {
            numbers.put(ids.get(i), i);
        }
        return Map.copyOf(numbers);
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
