package dev.ticklist.checklist.markdown;

import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds a checklist's item by the name a Markdown line gives it, using the headings above the line to tell
 * items of the same name apart.
 */
final class ChecklistNameIndex {

    sealed interface Lookup permits Found, Missing, Ambiguous {
    }

    record Found(Item item) implements Lookup {
    }

    record Missing() implements Lookup {
    }

    /** @param places "Level / Category" of every candidate */
    record Ambiguous(List<String> places) implements Lookup {
    }

    private record Placed(String levelKey, String categoryKey, String place, Item item) {
    }

    private final Map<String, List<Placed>> byName = new HashMap<>();

    ChecklistNameIndex(List<Level> levels) {
        for (Level level : levels) {
            for (Category category : level.categories()) {
                for (Item item : category.items()) {
                    var placed = new Placed(Names.key(level.name()), Names.key(category.name()),
                            Names.clean(level.name()) + " / " + Names.clean(category.name()), item);
                    index(Names.key(item.name()), placed);
                    // The line as ChecklistMarkdownWriter.withDescriptions() writes it.
                    if (item.description() != null && !Names.clean(item.description()).isEmpty()) {
                        index(Names.key(item.name() + " — " + item.description()), placed);
                    }
                }
            }
        }
    }

    private void index(String key, Placed placed) {
        byName.computeIfAbsent(key, k -> new ArrayList<>()).add(placed);
    }

    /**
     * The narrowest scope that holds the name decides: the level and category headings above the line (or
     * the category they were joined into, {@code Level › Category}), then the level heading alone, then the nearest heading taken as a category name, then the whole checklist.
     *
     * @param levelHeading    the level heading above the line, or {@code null}
     * @param categoryHeading the category heading above the line, or {@code null}
     */
    Lookup find(String levelHeading, String categoryHeading, String name) {
        List<Placed> candidates = byName.getOrDefault(Names.key(name), List.of());
        String level = levelHeading == null ? null : Names.key(levelHeading);
        String category = categoryHeading == null ? null : Names.key(categoryHeading);
        String nearest = category != null ? category : level;
        List<Predicate<Placed>> scopes = new ArrayList<>();
        if (level != null && category != null) {
            scopes.add(p -> p.levelKey().equals(level) && p.categoryKey().equals(category));
            // A file of more level sections than a checklist holds levels: its categories are "Level › Category".
            String both = Names.key(levelHeading + TaskListOutline.TaskEntry.CONTEXT_SEPARATOR + categoryHeading);
            scopes.add(p -> p.categoryKey().equals(both));
        }
        if (level != null) {
            scopes.add(p -> p.levelKey().equals(level));
        }
        if (nearest != null) {
            scopes.add(p -> p.categoryKey().equals(nearest));
        }
        scopes.add(p -> true);
        for (Predicate<Placed> scope : scopes) {
            List<Placed> inScope = candidates.stream().filter(scope).toList();
            if (inScope.size() == 1) {
                return new Found(inScope.getFirst().item());
            }
            if (inScope.size() > 1) {
                return new Ambiguous(inScope.stream().map(Placed::place).toList());
            }
        }
        return new Missing();
    }
}
