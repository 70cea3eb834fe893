package dev.ticklist.events.catalog;

import dev.ticklist.events.EventType;
import java.util.List;

/**
 * An immutable version of a checklist, complete, so that readers need nothing else to know
 * which items make up each level.
 *
 * @param organisationId the owner, or {@code null} for a built-in template every organisation may use
 */
@EventType("dev.ticklist.checklist.version-published.v1")
public record ChecklistVersionPublished(
        String checklistId,
        int version,
        String organisationId,
        String title,
        List<Level> levels) implements CatalogEvent {

    public ChecklistVersionPublished {
        levels = List.copyOf(levels);
    }

    public record Level(String id, String name, List<Category> categories) {
        public Level {
            categories = List.copyOf(categories);
        }
    }

    public record Category(String id, String name, List<Item> items) {
        public Category {
            items = List.copyOf(items);
        }
    }

    public record Item(String id, String name, String description) {
    }
}
