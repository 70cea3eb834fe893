package dev.ticklist.checklist.markdown;

import dev.ticklist.checklist.markdown.ChecklistNameIndex.Ambiguous;
import dev.ticklist.checklist.markdown.ChecklistNameIndex.Found;
import dev.ticklist.checklist.markdown.ChecklistNameIndex.Missing;
import dev.ticklist.checklist.markdown.OutlineSections.CategorySection;
import dev.ticklist.checklist.markdown.OutlineSections.LevelSection;
import dev.ticklist.checklist.markdown.TaskListOutline.TaskEntry;
import dev.ticklist.checklist.tick.ItemState;
import dev.ticklist.checklist.tick.SkipReason;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a learner's ticked Markdown list (typically an export of {@link ChecklistMarkdownWriter}, ticked in an
 * editor or on GitHub) against the checklist version it belongs to.
 *
 * <p>Each task item is matched to an item by name: case-insensitive, whitespace-normalised, NFC. Where two items
 * share a name, the level and category headings above the line decide; a name found nowhere, or in several
 * places the headings do not tell apart, is reported as unmatched, and so is a second line for the same item.
 * A line's {@link StateMarker} says whether an item not ticked is in progress or skipped.
 * Headings and everything else are read as {@link ChecklistMarkdownReader} reads them.
 *
 * <p>Stateless and thread-safe.
 */
public final class TickedMarkdownReader {

    /**
     * @param markdown the learner's file
     * @param levels   the checklist version's levels (from {@code ChecklistVersionPublished})
     * @throws MarkdownTooLargeException over {@link MarkdownLimits#MAX_BYTES} or {@link MarkdownLimits#MAX_ITEMS},
     *                                   or nested too deeply to parse
     */
    public TickedList read(String markdown, List<Level> levels) {
        var parsed = BoundedMarkdownParser.parse(markdown);
        var source = parsed.source();
        var skipped = new Report(source);
        var unmatched = new Report(source);
        // How headings were arranged does not change a tick, so those notes are not reported here.
        var notReported = new Report(source);
        var outline = TaskListOutlineReader.read(parsed.document(), source, skipped, notReported);
        var sections = OutlineSections.resolve(outline, notReported, notReported);

        var index = new ChecklistNameIndex(levels);
        var checked = new ArrayList<String>();
        var unchecked = new ArrayList<String>();
        var started = new ArrayList<String>();
        var skippedItems = new ArrayList<TickedList.SkippedItem>();
        Map<String, Integer> firstLines = new HashMap<>();
        for (LevelSection level : sections.levels()) {
            String levelHeading = level.heading() == null ? null : level.heading().name();
            for (CategorySection category : level.categories()) {
                String categoryHeading = category.heading() == null ? null : category.heading().name();
                for (TaskEntry task : category.tasks()) {
                    switch (find(index, levelHeading, categoryHeading, task)) {
                        case Found found -> {
                            Integer first = firstLines.putIfAbsent(found.item().id(), task.line());
                            String id = found.item().id();
                            if (first != null) {
                                unmatched.add(task.line(), Reasons.alreadyListed(first));
                            } else if (task.checked()) {
                                checked.add(id);
                            } else if (task.mark() == null) {
                                unchecked.add(id);
                            } else if (task.mark().state() == ItemState.IN_PROGRESS) {
                                started.add(id);
                            } else {
                                String reason = task.mark().reason();
                                SkipReason.problemIn(reason).ifPresentOrElse(
                                        problem -> unmatched.add(task.line(), Reasons.badSkipReason(problem)),
                                        () -> skippedItems.add(new TickedList.SkippedItem(id, reason)));
                            }
                        }
                        case Missing ignored -> unmatched.add(task.line(), Reasons.noSuchItem(task.name()));
                        case Ambiguous ambiguous ->
                                unmatched.add(task.line(), Reasons.ambiguous(task.name(), ambiguous.places()));
                    }
                }
            }
        }
        return new TickedList(checked, unchecked, started, skippedItems, unmatched.lines(), skipped.lines());
    }

    /** A nested item by its name with its parent's first, as an import names it where its own name repeats. */
    private static ChecklistNameIndex.Lookup find(ChecklistNameIndex index, String level, String category, TaskEntry task) {
        if (task.nameInContext() != null) {
            var inContext = index.find(level, category, task.nameInContext());
            if (!(inContext instanceof Missing)) {
                return inContext;
            }
        }
        return index.find(level, category, task.name());
    }
}
