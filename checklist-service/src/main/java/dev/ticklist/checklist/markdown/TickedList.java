package dev.ticklist.checklist.markdown;

import java.util.List;

/**
 * A learner's ticked Markdown list, read against a checklist version. Each item the file names is in one of the
 * four lists of items, by its line: ticked, not ticked, in progress or skipped ({@link StateMarker}).
 *
 * @param checkedItemIds   items whose lines are ticked ({@code [x]} or {@code [X]}), in file order, whatever marker
 *                         follows (an item ticked on GitHub keeps the marker it had)
 * @param uncheckedItemIds items whose lines are not ticked ({@code [ ]}) and carry no marker, in file order, so a
 *                         caller can untick them; items of the checklist that are not in the file are in no list
 * @param startedItemIds   items whose lines are not ticked and marked {@code *(in progress)*}, in file order
 * @param skippedItems     items whose lines are not ticked and marked {@code *(skipped)*}, with their reasons, in
 *                         file order
 * @param unmatched        task items that name no single item of the checklist, or name one already listed, or
 *                         skip one with a reason that cannot be taken
 * @param skipped          other content that was not read (code, quotes, plain list items, …), as the import
 *                         reports it
 */
public record TickedList(List<String> checkedItemIds, List<String> uncheckedItemIds, List<String> startedItemIds,
                         List<SkippedItem> skippedItems, List<ReportLine> unmatched, List<ReportLine> skipped) {

    public TickedList {
        checkedItemIds = List.copyOf(checkedItemIds);
        uncheckedItemIds = List.copyOf(uncheckedItemIds);
        startedItemIds = List.copyOf(startedItemIds);
        skippedItems = List.copyOf(skippedItems);
        unmatched = List.copyOf(unmatched);
        skipped = List.copyOf(skipped);
    }

    /** @param reason why the item does not apply, or null */
    public record SkippedItem(String itemId, String reason) {
    }
}
