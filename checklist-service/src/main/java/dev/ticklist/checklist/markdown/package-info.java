/**
 * Checklists as GitHub-flavoured Markdown task lists: export ({@link dev.ticklist.checklist.markdown.ChecklistMarkdownWriter}),
 * import into a draft ({@link dev.ticklist.checklist.markdown.ChecklistMarkdownReader}) and reading a learner's ticked
 * list, with its items' states ({@link dev.ticklist.checklist.markdown.StateMarker}), against a published version
 * ({@link dev.ticklist.checklist.markdown.TickedMarkdownReader}).
 *
 * <p>Pure functions of their input: no Spring, no I/O. Markdown is read with commonmark-java and its task-list
 * extension, never with regular expressions, and every reader reports what it did not take and why. The format
 * and the rules are described in {@code docs/markdown.md}.
 */
package dev.ticklist.checklist.markdown;
