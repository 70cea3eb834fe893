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
     * @param name   its name, without the {@link StateMarker} a learner's export writes after it
     * @param mark   that marker (in progress or skipped), or {@code null}
     * @param parent the task item it is nested in, or {@code null}
     */
    record TaskEntry(int line, String name, boolean checked, StateMarker.Mark mark, TaskEntry parent)
            implements Entry {

        /** Between a parent's name and its nested item's, where the nested item needs its parent to be told apart. */
        static final String CONTEXT_SEPARATOR = " › ";

        /**
         * The name with its parents' in front ({@code Linear regression › Theory}), or null for an item
         * nested in none, or when that name would be longer than a name may be.
         */
        String nameInContext() {
            if (parent == null) {
                return null;
            }
            String parentName = parent.parent == null ? parent.name : parent.nameInContext();
            String inContext = parentName == null ? null : parentName + CONTEXT_SEPARATOR + name;
            return inContext == null || inContext.length() > MarkdownLimits.MAX_NAME_LENGTH ? null : inContext;
        }
    }
}
