package dev.ticklist.checklist.markdown;

import dev.ticklist.checklist.markdown.TaskListOutline.Entry;
import dev.ticklist.checklist.markdown.TaskListOutline.HeadingEntry;
import dev.ticklist.checklist.markdown.TaskListOutline.TaskEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which headings are the title, the levels and the categories, by the depths the file itself uses,
 * and places every task item in a level and category.
 *
 * <ul>
 *   <li>The first heading is the title when nothing comes before it, no item comes right after it, and every
 *       other heading is deeper.</li>
 *   <li>A heading "owns" the task items that follow it before the next heading. Of the depths that own items,
 *       the shallowest is the level and the next the category; but when shallower headings group those owners
 *       (a {@code ## Entry} above {@code ### Data handling}), the deepest such grouping depth is the level and
 *       the owners are the categories.</li>
 *   <li>Items with no category heading above them go into a category "General" of their level; items with no
 *       level heading above them into a level "General".</li>
 * </ul>
 */
final class OutlineSections {

    static final String GENERAL = "General";

    /** Only levels and categories that hold items. */
    record Sections(String title, List<LevelSection> levels) {
    }

    /** @param heading {@code null} for the implicit level "General" */
    record LevelSection(HeadingEntry heading, List<CategorySection> categories) {
        String name() {
            return heading == null ? GENERAL : heading.name();
        }
    }

    /** @param heading {@code null} for the implicit category "General" */
    record CategorySection(HeadingEntry heading, List<TaskEntry> tasks) {
        String name() {
            return heading == null ? GENERAL : heading.name();
        }
    }

    private final List<Entry> entries;
    private final HeadingEntry title;
    private final Set<HeadingEntry> owners = new HashSet<>();
    private final Set<HeadingEntry> grouping = new HashSet<>();
    private int levelDepth;
    private int categoryDepth;

    private final List<LevelSection> levels = new ArrayList<>();
    private LevelSection level;
    private CategorySection category;

    private OutlineSections(TaskListOutline outline) {
        this.entries = outline.entries();
        this.title = titleOf(entries);
    }

    static Sections resolve(TaskListOutline outline, Report skipped, Report adjusted) {
        var sections = new OutlineSections(outline);
        sections.findOwners();
        sections.chooseDepths();
        sections.place(skipped, adjusted);
        return new Sections(sections.title == null ? null : sections.title.name(), sections.withItems(skipped));
    }

    /** A title comes first, has no items right under it, and every other heading is deeper. */
    private static HeadingEntry titleOf(List<Entry> entries) {
        if (entries.isEmpty() || !(entries.getFirst() instanceof HeadingEntry first)
                || (entries.size() > 1 && entries.get(1) instanceof TaskEntry)) {
            return null;
        }
        boolean othersDeeper = entries.stream().skip(1)
                .allMatch(entry -> !(entry instanceof HeadingEntry heading) || heading.depth() > first.depth());
        return othersDeeper ? first : null;
    }

    private void findOwners() {
        Deque<HeadingEntry> open = new ArrayDeque<>();
        for (Entry entry : entries) {
            if (entry == title) {
                continue;
            }
            switch (entry) {
                case HeadingEntry heading -> {
                    while (!open.isEmpty() && open.peek().depth() >= heading.depth()) {
                        open.pop();
                    }
                    open.push(heading);
                }
                case TaskEntry ignored -> {
                    if (!open.isEmpty()) {
                        owners.add(open.peek());
                        grouping.addAll(open);
                    }
                }
            }
        }
    }

    private void chooseDepths() {
        var ownerDepths = new TreeSet<Integer>();
        owners.forEach(owner -> ownerDepths.add(owner.depth()));
        if (ownerDepths.isEmpty()) {
            return;
        }
        int shallowestOwner = ownerDepths.first();
        var groupingAbove = grouping.stream().mapToInt(HeadingEntry::depth).filter(depth -> depth < shallowestOwner).max();
        if (groupingAbove.isPresent()) {
            levelDepth = groupingAbove.getAsInt();
            categoryDepth = shallowestOwner;
        } else {
            levelDepth = shallowestOwner;
            Integer next = ownerDepths.higher(shallowestOwner);
            categoryDepth = next == null ? 0 : next;
        }
    }

    private void place(Report skipped, Report adjusted) {
        int deepestStructural = categoryDepth > 0 ? categoryDepth : levelDepth;
        for (Entry entry : entries) {
            if (entry == title) {
                continue;
            }
            switch (entry) {
                case HeadingEntry heading when levelDepth > 0 && heading.depth() == levelDepth -> {
                    level = new LevelSection(heading, new ArrayList<>());
                    levels.add(level);
                    category = null;
                }
                case HeadingEntry heading when categoryDepth > 0 && heading.depth() == categoryDepth -> {
                    category = new CategorySection(heading, new ArrayList<>());
                    currentLevel().categories().add(category);
                }
                case HeadingEntry heading when levelDepth > 0 && heading.depth() > deepestStructural
                        && owners.contains(heading) ->
                        adjusted.add(heading.line(), Reasons.deeperHeading(categoryDepth > 0, targetName()));
                case HeadingEntry heading -> skipped.add(heading.line(), reasonNotRead(heading));
                case TaskEntry task -> {
                    CategorySection target = currentCategory();
                    target.tasks().add(task);
                    if (task.parent() != null) {
                        adjusted.add(task.line(), Reasons.flattened(task.parent().name(), target.name()));
                    }
                }
            }
        }
    }

    private String reasonNotRead(HeadingEntry heading) {
        if (levelDepth == 0 || !grouping.contains(heading)) {
            return Reasons.NO_ITEMS;
        }
        if (heading.depth() < levelDepth) {
            return Reasons.ABOVE_LEVELS;
        }
        return categoryDepth > 0 && heading.depth() < categoryDepth
                ? Reasons.BETWEEN_LEVEL_AND_CATEGORY : Reasons.BELOW_CATEGORIES;
    }

    private LevelSection currentLevel() {
        if (level == null) {
            level = new LevelSection(null, new ArrayList<>());
            levels.add(level);
        }
        return level;
    }

    private CategorySection currentCategory() {
        if (category == null) {
            var levelNow = currentLevel();
            category = levelNow.categories().stream().filter(c -> c.heading() == null).findFirst().orElseGet(() -> {
                var general = new CategorySection(null, new ArrayList<>());
                levelNow.categories().add(general);
                return general;
            });
        }
        return category;
    }

    private String targetName() {
        return (level == null ? GENERAL : level.name()) + " / " + (category == null ? GENERAL : category.name());
    }

    /** Drops headings that ended up with no items, and says so. */
    private List<LevelSection> withItems(Report skipped) {
        var result = new ArrayList<LevelSection>();
        for (LevelSection section : levels) {
            var categories = new ArrayList<CategorySection>();
            for (CategorySection categorySection : section.categories()) {
                if (!categorySection.tasks().isEmpty()) {
                    categories.add(categorySection);
                } else if (categorySection.heading() != null) {
                    skipped.add(categorySection.heading().line(), Reasons.NO_ITEMS);
                }
            }
            if (!categories.isEmpty()) {
                result.add(new LevelSection(section.heading(), List.copyOf(categories)));
            } else if (section.heading() != null) {
                skipped.add(section.heading().line(), Reasons.NO_ITEMS);
            }
        }
        return List.copyOf(result);
    }
}
