package dev.ticklist.checklist.markdown;

import java.util.List;

/**
 * What a Markdown file holds for a checklist, in document order: headings and task items. Everything else was
 * reported while the outline was read ({@link TaskListOutlineReader}).
 */
record TaskListOutline(List<Entry> entries) {

    TaskListOutline {
        entries = List.copyOf(entries);
    }

    sealed interface Entry permits HeadingEntry, TaskEntry {
        int line();
    }

    /** A heading outside lists and quotes; {@code depth} 1 to 6 ({@code #} to {@code ######}, setext 1 and 2). */
    record HeadingEntry(int line, int depth, String name) implements Entry {
    }

    /**
     * A task list item with a usable name.
     *
     * @param parent the task item it is nested in, or {@code null}
     */
    record TaskEntry(int line, String name, boolean checked, TaskEntry parent) implements Entry {
    }
}
