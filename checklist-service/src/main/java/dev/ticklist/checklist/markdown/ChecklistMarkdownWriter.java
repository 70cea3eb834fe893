package dev.ticklist.checklist.markdown;

import dev.ticklist.checklist.tick.ItemState;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Category;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Item;
import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a checklist as a GitHub-flavoured Markdown task list:
 *
 * <pre>
 * # Machine Learning progress
 *
 * ## Entry
 *
 * ### Data handling
 *
 * - [x] Image data
 * - [ ] Audio data *(in progress)*
 * - [ ] ~~Video data~~ *(skipped: not in our course)*
 * </pre>
 *
 * Items keep their order (easiest first). Names are written with whitespace normalised and with backslash
 * escapes where Markdown would otherwise change them, so {@link ChecklistMarkdownReader} reads back the same
 * names and {@link TickedMarkdownReader} matches every line. Immutable and thread-safe.
 */
public final class ChecklistMarkdownWriter {

    /** Used when the title is blank: a file without a {@code #} title would read its first level as the title. */
    static final String UNTITLED = "Checklist";

    private static final String DESCRIPTION_SEPARATOR = " — ";
    /** What CommonMark reads as an autolink: a scheme, then no space, control character, {@code <} or {@code >}. */
    private static final Pattern AUTOLINKABLE = Pattern.compile("^https?://[^\\s<>\\p{Cntrl}]+$",
            Pattern.CASE_INSENSITIVE);

    private static final LearnerItem NOT_STARTED = new LearnerItem(ItemState.NOT_STARTED, null, null);

    private final boolean descriptions;

    /** Writes names only, the clean list people tick. */
    public ChecklistMarkdownWriter() {
        this(false);
    }

    private ChecklistMarkdownWriter(boolean descriptions) {
        this.descriptions = descriptions;
    }

    /**
     * A writer that appends each item's description: {@code - [ ] Image data — Load and inspect small image
     * datasets.} Such a file ticks back fine with {@link TickedMarkdownReader}, but {@link ChecklistMarkdownReader}
     * would take the descriptions as part of the names.
     */
    public ChecklistMarkdownWriter withDescriptions() {
        return new ChecklistMarkdownWriter(true);
    }

    /**
     * @param title         the checklist's title, written as the {@code #} heading
     * @param levels        levels, categories and items in their order
     * @param tickedItemIds ids of the items to write as {@code - [x]}; ids not in the checklist are ignored
     * @return the Markdown, lines ending in {@code \n}
     */
    public String write(String title, List<Level> levels, Set<String> tickedItemIds) {
        return write(title, levels, tickedItemIds, Map.of());
    }

    /**
     * The same, with a learner's evidence under each ticked item that has some.
     *
     * @param evidence item id to its evidence; items not ticked are written without it
     */
    public String write(String title, List<Level> levels, Set<String> tickedItemIds, Map<String, ItemEvidence> evidence) {
        var items = new HashMap<String, LearnerItem>();
        tickedItemIds.forEach(id -> items.put(id, LearnerItem.done(evidence.get(id))));
        return write(title, levels, items);
    }

    /**
     * A learner's checklist: each item as they stand on it. Done items are {@code - [x]}, with the
     * learner's evidence under each that has some, as a plain list item GitHub shows nested under
     * it: {@code   - Evidence: <https://…> — note}; both readers leave such lines out (reported as
     * more text of the item), so the file still ticks back. Items in progress and skipped are
     * {@code - [ ]} with their {@link StateMarker}: {@code - [ ] Name *(in progress)*},
     * {@code - [ ] ~~Name~~ *(skipped: reason)*}. Items not started are plain {@code - [ ]}.
     *
     * @param items item id to where the learner stands on it; items not in it are not started
     */
    public String write(String title, List<Level> levels, Map<String, LearnerItem> items) {
        var markdown = new StringBuilder();
        String cleanTitle = title == null ? "" : Names.clean(title);
        heading(markdown, "#", cleanTitle.isEmpty() ? UNTITLED : cleanTitle);
        for (Level level : levels) {
            heading(markdown, "##", level.name());
            for (Category category : level.categories()) {
                heading(markdown, "###", category.name());
                category.items().forEach(item -> {
                    LearnerItem learner = items.getOrDefault(item.id(), NOT_STARTED);
                    item(markdown, item, learner);
                    if (learner.state() == ItemState.DONE && learner.evidence() != null) {
                        evidence(markdown, learner.evidence());
                    }
                });
                if (!category.items().isEmpty()) {
                    markdown.append('\n');
                }
            }
        }
        // One newline at the end, not the blank line that separates blocks.
        markdown.setLength(markdown.length() - 1);
        return markdown.toString();
    }

    private static void evidence(StringBuilder markdown, ItemEvidence evidence) {
        String url = evidence.url();
        String note = evidence.note() == null ? "" : Names.clean(evidence.note());
        if ((url == null || url.isEmpty()) && note.isEmpty()) {
            return;
        }
        markdown.append("  - Evidence:");
        if (url != null && !url.isEmpty()) {
            // An autolink where the URL allows one; else its text, escaped, so it can never become markup.
            markdown.append(' ').append(AUTOLINKABLE.matcher(url).matches() ? "<" + url + ">" : MarkdownEscaping.inline(url));
        }
        if (!note.isEmpty()) {
            markdown.append(url == null || url.isEmpty() ? " " : DESCRIPTION_SEPARATOR).append(MarkdownEscaping.inline(note));
        }
        markdown.append('\n');
    }

    private static void heading(StringBuilder markdown, String marker, String name) {
        markdown.append(marker).append(' ').append(MarkdownEscaping.heading(Names.clean(name))).append("\n\n");
    }

    private void item(StringBuilder markdown, Item item, LearnerItem learner) {
        var text = new StringBuilder(MarkdownEscaping.inline(Names.clean(item.name())));
        if (descriptions && item.description() != null && !Names.clean(item.description()).isEmpty()) {
            text.append(DESCRIPTION_SEPARATOR).append(MarkdownEscaping.inline(Names.clean(item.description())));
        }
        markdown.append(learner.state() == ItemState.DONE ? "- [x] " : "- [ ] ")
                .append(StateMarker.write(text.toString(), learner)).append('\n');
    }
}
