package dev.ticklist.checklist.markdown;

import java.util.List;

/**
 * A learner's ticked Markdown list, read against a checklist version.
 *
 * @param checkedItemIds   items whose lines are ticked ({@code [x]} or {@code [X]}), in file order
 * @param uncheckedItemIds items whose lines are not ticked ({@code [ ]}), in file order, so a caller can untick
 *                         them; items of the checklist that are not in the file are in neither list
 * @param unmatched        task items that name no single item of the checklist, or name one already listed
 * @param skipped          other content that was not read (code, quotes, plain list items, …), as the import
 *                         reports it
 */
public record TickedList(List<String> checkedItemIds, List<String> uncheckedItemIds, List<ReportLine> unmatched,
                         List<ReportLine> skipped) {

    public TickedList {
        checkedItemIds = List.copyOf(checkedItemIds);
        uncheckedItemIds = List.copyOf(uncheckedItemIds);
        unmatched = List.copyOf(unmatched);
        skipped = List.copyOf(skipped);
    }
}
