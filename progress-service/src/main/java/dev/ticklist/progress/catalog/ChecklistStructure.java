package dev.ticklist.progress.catalog;

import dev.ticklist.events.catalog.ChecklistVersionPublished;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What progress needs of a checklist version: which level each item is in, and each level's size. */
public record ChecklistStructure(String checklistId, int version, Map<String, String> levelOfItem,
                                 Map<String, Level> levels) {

    public record Level(String id, String name, int itemCount) {
    }

    public static ChecklistStructure of(ChecklistVersionPublished published) {
        var levelOfItem = new HashMap<String, String>();
        var levels = new LinkedHashMap<String, Level>();
        for (var level : published.levels()) {
            int count = 0;
            for (var category : level.categories()) {
                for (var item : category.items()) {
                    levelOfItem.put(item.id(), level.id());
                    count++;
                }
            }
            levels.put(level.id(), new Level(level.id(), level.name(), count));
        }
        return new ChecklistStructure(published.checklistId(), published.version(), Map.copyOf(levelOfItem),
                java.util.Collections.unmodifiableMap(levels));
    }

    public Optional<Level> levelOf(String itemId) {
        return Optional.ofNullable(levelOfItem.get(itemId)).map(levels::get);
    }

    public int itemCount() {
        return levelOfItem.size();
    }

    public List<Level> levelsInOrder() {
        return List.copyOf(levels.values());
    }
}
