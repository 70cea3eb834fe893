package dev.ticklist.checklist.markdown;

import dev.ticklist.checklist.markdown.OutlineSections.CategorySection;
import dev.ticklist.checklist.markdown.OutlineSections.LevelSection;
import dev.ticklist.checklist.markdown.TaskListOutline.TaskEntry;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
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
 *       duplicate items are not taken; each is reported with its line and the reason.</li>
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
        List<DraftLevel> drafts = merge(sections.levels(), skipped, adjusted);
        List<Level> levels = withIds(drafts);
        var counts = new ImportedChecklist.Counts(levels.size(),
                levels.stream().mapToInt(level -> level.categories().size()).sum(),
                levels.stream().flatMap(level -> level.categories().stream()).mapToInt(c -> c.items().size()).sum(),
                skipped.total(), adjusted.total());
        return new ImportedChecklist(sections.title(), levels, skipped.lines(), adjusted.lines(), counts);
    }

    private record DraftLevel(String name, int line, Map<String, DraftCategory> categories) {
    }

    private record DraftCategory(String name, int line, Map<String, TaskEntry> items) {
    }

    /**
     * Levels with the same name become one, so do categories with the same name in a level; within a category
     * the first item of a name is kept. Why: names are how people and {@link TickedMarkdownReader} tell them apart.
     */
    private static List<DraftLevel> merge(List<LevelSection> sections, Report skipped, Report adjusted) {
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
                mergeCategory(level, categorySection, skipped, adjusted);
            }
        }
        return List.copyOf(levels.values());
    }

    private static void mergeCategory(DraftLevel level, CategorySection section, Report skipped, Report adjusted) {
        int line = section.heading() == null ? 0 : section.heading().line();
        String key = Names.key(section.name());
        DraftCategory category = level.categories().get(key);
        if (category == null) {
            category = new DraftCategory(section.name(), line, new LinkedHashMap<>());
            level.categories().put(key, category);
        } else if (line > 0 && category.line() > 0) {
            adjusted.add(line, Reasons.categoryAgain(category.name(), category.line()));
        }
        for (TaskEntry task : section.tasks()) {
            TaskEntry first = category.items().putIfAbsent(Names.key(task.name()), task);
            if (first != null) {
                skipped.add(task.line(), Reasons.duplicateItem(first.line(), category.name()));
            }
        }
    }

    private static List<Level> withIds(List<DraftLevel> drafts) {
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
                            categories.get(j).items().values().stream()
                                    .map(task -> new Item(slugs.itemId(task.name()), task.name(), ""))
                                    .toList()))
                    .toList());
        }).toList();
    }
}
