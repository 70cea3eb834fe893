package dev.ticklist.checklist.markdown;

import dev.ticklist.events.catalog.ChecklistVersionPublished.Level;
import java.util.List;

/**
 * A checklist read from Markdown, ready to become a draft, and the report of what was not taken as written.
 *
 * @param title    the title heading's text, or {@code null} when the file has none (the caller chooses one)
 * @param levels   levels, categories and items in file order, with generated ids; descriptions are empty
 * @param skipped  what was not taken, and why (at most {@link MarkdownLimits#MAX_REPORT_LINES}, by line)
 * @param adjusted what was taken differently from how it was written (flattened nested items, merged or
 *                 shortened headings), and how (at most {@link MarkdownLimits#MAX_REPORT_LINES}, by line)
 * @param counts   exact numbers, also of report lines beyond the limit
 */
public record ImportedChecklist(String title, List<Level> levels, List<ReportLine> skipped, List<ReportLine> adjusted,
                                Counts counts) {

    public ImportedChecklist {
        levels = List.copyOf(levels);
        skipped = List.copyOf(skipped);
        adjusted = List.copyOf(adjusted);
    }

    /** How many levels, categories and items were taken, and how many lines each report has in total. */
    public record Counts(int levels, int categories, int items, int skipped, int adjusted) {
    }
}
