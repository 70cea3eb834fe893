package dev.ticklist.checklist.markdown;

import dev.ticklist.checklist.catalog.ChecklistContent;
import dev.ticklist.checklist.markdown.OutlineSections.CategorySection;
import dev.ticklist.checklist.markdown.OutlineSections.LevelSection;
import dev.ticklist.checklist.markdown.TaskListOutline.TaskEntry;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reads a Markdown task list, as people write them, into a checklist draft.
 *
 * <ul>
 *   <li>Items are task list items ({@code - [ ]}, {@code * [x]}, {@code 1. [X]}, any indentation); the name is the
 *       text of the item's first paragraph with code, emphasis and links flattened. Task items nested in another
 *       are taken as the next items of the same category (reported as adjusted).</li>
 *   <li>Headings give the title, the levels and the categories by the depths the file uses; see
 *       {@code docs/markdown.md}.</li>
 *   <li>Code, block quotes, HTML, tables, paragraphs, plain list items, headings without items, nameless and
 *       duplicate items are not taken; each is reported with its line and the reason. A nested item that shares
 *       its name with another of its category is named with its parent's in front instead of being dropped.</li>
 *   <li>More level sections than a checklist holds levels become the categories of one level.</li>
 *   <li>Ids are made from names ({@code entry}, {@code entry-data-handling}, {@code image-data}), unique within the
 *       checklist.</li>
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class ChecklistMarkdownReader {

    /**
     * @param markdown the file's text
     * @throws MarkdownTooLargeException over {@link MarkdownLimits#MAX_BYTES} or {@link MarkdownLimits#MAX_ITEMS},
     *                                   or nested too deeply to parse
     */
    public ImportedChecklist read(String markdown) {
        var parsed = BoundedMarkdownParser.parse(markdown);
        var source = parsed.source();
        var skipped = new Report(source);
        var adjusted = new Report(source);
        var outline = TaskListOutlineReader.read(parsed.document(), source, skipped, adjusted);
        var sections = OutlineSections.resolve(outline, skipped, adjusted);
        List<DraftLevel> drafts = withinLevelLimit(merge(sections.levels(), adjusted), adjusted);
        List<Level> levels = withIds(drafts, skipped, adjusted);
        var counts = new ImportedChecklist.Counts(levels.size(),
                levels.stream().mapToInt(level -> level.categories().size()).sum(),
                levels.stream().flatMap(level -> level.categories().stream()).mapToInt(c -> c.items().size()).sum(),
                skipped.total(), adjusted.total());
        return new ImportedChecklist(sections.title(), levels, skipped.lines(), adjusted.lines(), counts);
    }

    private record DraftLevel(String name, int line, Map<String, DraftCategory> categories) {
    }

    private record DraftCategory(String name, int line, List<TaskEntry> tasks) {
    }

    /** An item as it will be named: its own name, or with its parent's where the category needs it. */
    private record NamedTask(TaskEntry task, String name) {
    }

    /** Levels with the same name become one, so do categories with the same name in a level. */
    private static List<DraftLevel> merge(List<LevelSection> sections, Report adjusted) {
        Map<String, DraftLevel> levels = new LinkedHashMap<>();
        for (LevelSection section : sections) {
            int line = section.heading() == null ? 0 : section.heading().line();
            DraftLevel level = levels.get(Names.key(section.name()));
            if (level == null) {
                level = new DraftLevel(section.name(), line, new LinkedHashMap<>());
                levels.put(Names.key(section.name()), level);
            } else if (line > 0 && level.line() > 0) {
                adjusted.add(line, Reasons.levelAgain(level.name(), level.line()));
            }
            for (CategorySection categorySection : section.categories()) {
                int categoryLine = categorySection.heading() == null ? 0 : categorySection.heading().line();
                addCategory(level, categorySection.name(), categoryLine, categorySection.tasks(), adjusted);
            }
        }
        return List.copyOf(levels.values());
    }

    private static void addCategory(DraftLevel level, String name, int line, List<TaskEntry> tasks, Report adjusted) {
        DraftCategory category = level.categories().get(Names.key(name));
        if (category == null) {
            category = new DraftCategory(name, line, new ArrayList<>());
            level.categories().put(Names.key(name), category);
        } else if (line > 0 && category.line() > 0) {
            adjusted.add(line, Reasons.categoryAgain(category.name(), category.line()));
        }
        category.tasks().addAll(tasks);
    }

    /**
     * A file with more level sections than a checklist holds levels (a long list with a section per topic)
     * becomes one level whose categories are those sections, rather than a draft that cannot be saved. A
     * section's own categories are named after both ({@code Tools › Editors}).
     */
    private static List<DraftLevel> withinLevelLimit(List<DraftLevel> levels, Report adjusted) {
        if (levels.size() <= ChecklistContent.MAX_LEVELS) {
            return levels;
        }
        var one = new DraftLevel(OutlineSections.GENERAL, 0, new LinkedHashMap<>());
        for (DraftLevel level : levels) {
            if (level.line() > 0) {
                adjusted.add(level.line(), Reasons.levelsAsCategories(levels.size(), ChecklistContent.MAX_LEVELS,
                        one.name()));
            }
            boolean onlyGeneral = level.categories().size() == 1
                    && level.categories().values().iterator().next().name().equals(OutlineSections.GENERAL);
            for (DraftCategory category : level.categories().values()) {
                String both = level.name() + TaskEntry.CONTEXT_SEPARATOR + category.name();
                String name = onlyGeneral ? level.name()
                        : both.length() <= MarkdownLimits.MAX_NAME_LENGTH ? both : category.name();
                // A name two sections' categories come to share (theirs was too long to prefix) merges them, reported.
                addCategory(one, name, category.line(), category.tasks(), adjusted);
            }
        }
        return List.of(one);
    }

    /**
     * Within a category, items are told apart by name (as people and {@link TickedMarkdownReader} do): a nested
     * item whose name another item of the category has too is named with its parent's in front, so nested lists
     * that repeat names ({@code Theory}, {@code Practice} under each topic) lose nothing. An item whose name is
     * still taken is a duplicate: the first one is kept.
     */
    private static List<NamedTask> named(DraftCategory category, Report skipped, Report adjusted) {
        Map<String, Integer> uses = new HashMap<>();
        category.tasks().forEach(task -> uses.merge(Names.key(task.name()), 1, Integer::sum));
        Map<String, NamedTask> items = new LinkedHashMap<>();
        for (TaskEntry task : category.tasks()) {
            String name = task.name();
            if (uses.get(Names.key(name)) > 1 && task.nameInContext() != null) {
                name = task.nameInContext();
                adjusted.add(task.line(), Reasons.namedInContext(name));
            }
            NamedTask first = items.putIfAbsent(Names.key(name), new NamedTask(task, name));
            if (first != null) {
                skipped.add(task.line(), Reasons.duplicateItem(first.task().line(), category.name()));
            }
        }
        return List.copyOf(items.values());
    }

    private static List<Level> withIds(List<DraftLevel> drafts, Report skipped, Report adjusted) {
        var slugs = new ChecklistSlugs();
        // Levels, then categories, then items: so a level named "Entry" gets "entry" even if an item has that name.
        List<String> levelIds = drafts.stream().map(level -> slugs.levelId(level.name())).toList();
        List<List<String>> categoryIds = IntStream.range(0, drafts.size())
                .mapToObj(i -> drafts.get(i).categories().values().stream()
                        .map(category -> slugs.categoryId(levelIds.get(i), category.name())).toList())
                .toList();
        return IntStream.range(0, drafts.size()).mapToObj(i -> {
            List<DraftCategory> categories = List.copyOf(drafts.get(i).categories().values());
            return new Level(levelIds.get(i), drafts.get(i).name(), IntStream.range(0, categories.size())
                    .mapToObj(j -> new Category(categoryIds.get(i).get(j), categories.get(j).name(),
                            named(categories.get(j), skipped, adjusted).stream()
                                    .map(task -> new Item(slugs.itemId(task.name()), task.name(), ""))
                                    .toList()))
                    .toList());
        }).toList();
    }
}
