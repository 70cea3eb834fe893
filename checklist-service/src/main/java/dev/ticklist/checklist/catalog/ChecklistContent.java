package dev.ticklist.checklist.catalog;

import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import dev.ticklist.platform.web.PlainText;
import dev.ticklist.platform.web.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;

/**
 * The levels, categories and items of a checklist draft, and the edits an organisation can make
 * to them. Immutable: every edit returns new content, which is then saved as a whole draft.
 * Level, category and item ids are each unique within the checklist and never change, so ticks
 * carry over from one version to the next.
 */
public record ChecklistContent(String title, List<Level> levels) {

    public static final int MAX_LEVELS = 10;
    static final int MAX_CATEGORIES = 200;
    static final int MAX_ITEMS = 2_000;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 500;

    public ChecklistContent {
        levels = List.copyOf(levels);
    }

    /** Where a new checklist written from scratch starts: the three usual levels, empty. */
    static ChecklistContent empty(String title) {
        return new ChecklistContent(title, List.of(new Level("entry", "Entry", List.of()),
                new Level("intermediate", "Intermediate", List.of()), new Level("advanced", "Advanced", List.of())));
    }

    public int itemCount() {
        return (int) items().count();
    }

    ChecklistContent withTitle(String newTitle) {
        return new ChecklistContent(requireName("title", newTitle), levels);
    }

    // Levels

    ChecklistContent addLevel(String id, String name, Integer position) {
        var level = new Level(newId(id, name, "level", levelIds()), requireName("level name", name), List.of());
        return withLevels(insert(levels, level, position));
    }

    ChecklistContent updateLevel(String levelId, String name, Integer position) {
        var level = level(levelId);
        var renamed = name == null ? level : new Level(level.id(), requireName("level name", name), level.categories());
        var rest = new ArrayList<>(levels);
        rest.remove(level);
        return withLevels(insert(rest, renamed, position == null ? levels.indexOf(level) : position));
    }

    ChecklistContent removeLevel(String levelId) {
        var level = level(levelId);
        return withLevels(levels.stream().filter(other -> other != level).toList());
    }

    // Categories

    ChecklistContent addCategory(String levelId, String id, String name, Integer position) {
        var category = new Category(newId(id, name, "category", categoryIds()), requireName("category name", name),
                List.of());
        return mapLevel(levelId, level -> new Level(level.id(), level.name(), insert(level.categories(), category, position)));
    }

    ChecklistContent updateCategory(String categoryId, String name, String toLevelId, Integer position) {
        var from = levelOfCategory(categoryId);
        var category = from.categories().stream().filter(c -> c.id().equals(categoryId)).findFirst().orElseThrow();
        var renamed = name == null ? category
                : new Category(category.id(), requireName("category name", name), category.items());
        String target = toLevelId == null ? from.id() : toLevelId;
        level(target);
        int keep = target.equals(from.id()) ? from.categories().indexOf(category) : from.categories().size();
        var without = removeCategory(categoryId);
        return without.mapLevel(target, level -> new Level(level.id(), level.name(),
                insert(level.categories(), renamed, position == null ? Math.min(keep, level.categories().size()) : position)));
    }

    ChecklistContent removeCategory(String categoryId) {
        levelOfCategory(categoryId);
        return withLevels(levels.stream().map(level -> new Level(level.id(), level.name(),
                level.categories().stream().filter(c -> !c.id().equals(categoryId)).toList())).toList());
    }

    // Items

    ChecklistContent addItem(String categoryId, String id, String name, String description, Integer position) {
        var item = new Item(newId(id, name, "item", itemIds()), requireName("item name", name),
                requireDescription(description));
        return mapCategory(categoryId, category -> new Category(category.id(), category.name(),
                insert(category.items(), item, position)));
    }

    ChecklistContent updateItem(String itemId, String name, String description, String toCategoryId, Integer position) {
        var from = categoryOfItem(itemId);
        var item = from.items().stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow();
        var changed = new Item(item.id(), name == null ? item.name() : requireName("item name", name),
                description == null ? item.description() : requireDescription(description));
        String target = toCategoryId == null ? from.id() : toCategoryId;
        int keep = target.equals(from.id()) ? from.items().indexOf(item) : Integer.MAX_VALUE;
        var without = removeItem(itemId);
        return without.mapCategory(target, category -> new Category(category.id(), category.name(),
                insert(category.items(), changed, position == null ? Math.min(keep, category.items().size()) : position)));
    }

    ChecklistContent removeItem(String itemId) {
        categoryOfItem(itemId);
        return withLevels(levels.stream().map(level -> new Level(level.id(), level.name(),
                level.categories().stream().map(category -> new Category(category.id(), category.name(),
                        category.items().stream().filter(i -> !i.id().equals(itemId)).toList())).toList())).toList());
    }

    /** Says which limit the checklist is over, by how much, and what would bring it within. */
    private void requireWithinLimits() {
        var over = new ArrayList<String>();
        if (levels.size() > MAX_LEVELS) {
            over.add(levels.size() + " levels, over the " + MAX_LEVELS + " a checklist holds: make some of them"
                    + " categories of another level");
        }
        long categories = categories().count();
        if (categories > MAX_CATEGORIES) {
            over.add(categories + " categories, over the " + MAX_CATEGORIES + ": merge some of them");
        }
        long items = itemCount();
        if (items > MAX_ITEMS) {
            over.add(items + " items, over the " + MAX_ITEMS + ": split it into " + ((items + MAX_ITEMS - 1) / MAX_ITEMS)
                    + " or more checklists");
        }
        if (!over.isEmpty()) {
            throw Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "checklist-too-large",
                    "this checklist has " + String.join("; and ", over));
        }
    }

    /** Checks a whole draft as a client sent it: names, sizes, and that every id is unique. */
    ChecklistContent validated() {
        requireName("title", title);
        requireWithinLimits();
        requireUnique("level", levels.stream().map(Level::id).toList());
        requireUnique("category", categories().map(Category::id).toList());
        requireUnique("item", items().map(Item::id).toList());
        levels.forEach(level -> requireName("level name", level.name()));
        categories().forEach(category -> requireName("category name", category.name()));
        items().forEach(item -> {
            requireName("item name", item.name());
            requireDescription(item.description());
        });
        return this;
    }

    private ChecklistContent withLevels(List<Level> newLevels) {
        return new ChecklistContent(title, newLevels).validated();
    }

    private ChecklistContent mapLevel(String levelId, UnaryOperator<Level> change) {
        level(levelId);
        return withLevels(levels.stream().map(level -> level.id().equals(levelId) ? change.apply(level) : level).toList());
    }

    private ChecklistContent mapCategory(String categoryId, UnaryOperator<Category> change) {
        levelOfCategory(categoryId);
        return withLevels(levels.stream().map(level -> new Level(level.id(), level.name(), level.categories().stream()
                .map(category -> category.id().equals(categoryId) ? change.apply(category) : category)
                .toList())).toList());
    }

    private Level level(String levelId) {
        return levels.stream().filter(level -> level.id().equals(levelId)).findFirst()
                .orElseThrow(() -> Problems.notFound("the draft has no level " + levelId));
    }

    private Level levelOfCategory(String categoryId) {
        return levels.stream().filter(level -> level.categories().stream().anyMatch(c -> c.id().equals(categoryId)))
                .findFirst().orElseThrow(() -> Problems.notFound("the draft has no category " + categoryId));
    }

    private Category categoryOfItem(String itemId) {
        return categories().filter(category -> category.items().stream().anyMatch(i -> i.id().equals(itemId)))
                .findFirst().orElseThrow(() -> Problems.notFound("the draft has no item " + itemId));
    }

    Optional<Level> findLevel(String levelId) {
        return levels.stream().filter(level -> level.id().equals(levelId)).findFirst();
    }

    private java.util.stream.Stream<Category> categories() {
        return levels.stream().flatMap(level -> level.categories().stream());
    }

    private java.util.stream.Stream<Item> items() {
        return categories().flatMap(category -> category.items().stream());
    }

    private Set<String> levelIds() {
        return new HashSet<>(levels.stream().map(Level::id).toList());
    }

    private Set<String> categoryIds() {
        return new HashSet<>(categories().map(Category::id).toList());
    }

    private Set<String> itemIds() {
        return new HashSet<>(items().map(Item::id).toList());
    }

    private static String newId(String requested, String name, String what, Set<String> taken) {
        if (requested != null) {
            if (taken.contains(ChecklistIds.requireSlug(what, requested))) {
                throw Problems.conflict("duplicate-id", "the draft already has a " + what + " with id " + requested);
            }
            return requested;
        }
        return ChecklistIds.slugFor(requireName(what + " name", name), what, new java.util.HashSet<>(taken));
    }

    private static <T> List<T> insert(List<T> list, T element, Integer position) {
        var result = new ArrayList<>(list);
        int index = position == null ? result.size() : position;
        if (index < 0 || index > result.size()) {
            throw Problems.invalid("bad-position", "position " + position + " is outside 0.." + result.size());
        }
        result.add(index, element);
        return result;
    }

    private static void requireUnique(String what, List<String> ids) {
        var seen = new HashSet<String>();
        for (String id : ids) {
            ChecklistIds.requireSlug(what, id);
            if (!seen.add(id)) {
                throw Problems.invalid("duplicate-id", "two " + what + "s have the id " + id);
            }
        }
    }

    private static String requireName(String what, String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw Problems.invalid("bad-name", what + " must be 1 to " + MAX_NAME + " characters");
        }
        return PlainText.require(what, name, false).strip();
    }

    private static String requireDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw Problems.invalid("bad-description", "a description is at most " + MAX_DESCRIPTION + " characters");
        }
        return description == null ? "" : PlainText.require("a description", description, true).strip();
    }
}
