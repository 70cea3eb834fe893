package dev.ticklist.checklist.markdown;

import dev.ticklist.checklist.markdown.TaskListOutline.Entry;
import dev.ticklist.checklist.markdown.TaskListOutline.HeadingEntry;
import dev.ticklist.checklist.markdown.TaskListOutline.TaskEntry;
import dev.ticklist.checklist.tick.ItemState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;

/**
 * Walks a parsed document and keeps its headings and task items; reports every other block that holds text, and
 * why it was not taken. Task items are taken wherever a list is (also nested in plain list items); block quotes
 * and code are not entered.
 */
final class TaskListOutlineReader {

    private static final Set<String> BARE_CHECKBOXES = Set.of("[ ]", "[x]", "[X]");

    private final SourceText source;
    private final Report skipped;
    private final Report adjusted;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Node, TaskEntry> takenItems = new IdentityHashMap<>();
    private int tasks;

    private TaskListOutlineReader(SourceText source, Report skipped, Report adjusted) {
        this.source = source;
        this.skipped = skipped;
        this.adjusted = adjusted;
    }

    /** Throws {@link MarkdownTooLargeException} once more than {@link MarkdownLimits#MAX_ITEMS} items are found. */
    static TaskListOutline read(Node document, SourceText source, Report skipped, Report adjusted) {
        var reader = new TaskListOutlineReader(source, skipped, adjusted);
        reader.walk(document);
        return new TaskListOutline(reader.entries);
    }

    private void walk(Node document) {
        // Iterative: lists can nest hundreds deep. Pre-order, so entries come in document order.
        Deque<Node> todo = new ArrayDeque<>();
        pushChildren(document.getFirstChild(), todo);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            switch (node) {
                case Heading heading when heading.getParent() instanceof Document -> heading(heading);
                case Heading heading -> skipped.add(line(heading), Reasons.furtherText(line(heading.getParent())));
                case ListBlock list -> pushChildren(list.getFirstChild(), todo);
                case ListItem item when item.getFirstChild() instanceof TaskListItemMarker marker ->
                        taskItem(item, marker, todo);
                case ListItem item -> plainItem(item, todo);
                case Paragraph paragraph when paragraph.getParent() instanceof ListItem item ->
                        skipped.add(line(paragraph), Reasons.furtherText(line(item)));
                case Paragraph paragraph -> skipped.add(line(paragraph), paragraphReason(paragraph));
                case FencedCodeBlock code -> skipped.add(line(code), Reasons.FENCED_CODE);
                case IndentedCodeBlock code -> skipped.add(line(code), Reasons.INDENTED_CODE);
                case BlockQuote quote -> skipped.add(line(quote), Reasons.BLOCK_QUOTE);
                case HtmlBlock html -> skipped.add(line(html), Reasons.HTML);
                case ThematicBreak ignored -> {
                }
                case LinkReferenceDefinition ignored -> {
                }
                default -> {
                }
            }
        }
    }

    private void heading(Heading heading) {
        String name = PlainText.of(heading);
        int line = line(heading);
        if (name.isEmpty()) {
            skipped.add(line, Reasons.EMPTY_HEADING);
            return;
        }
        if (name.length() > MarkdownLimits.MAX_NAME_LENGTH) {
            name = shorten(name);
            adjusted.add(line, Reasons.HEADING_SHORTENED);
        }
        entries.add(new HeadingEntry(line, heading.getLevel(), name));
    }

    private void taskItem(ListItem item, TaskListItemMarker marker, Deque<Node> todo) {
        Node paragraph = marker.getNext();
        StateMarker.Mark mark = paragraph == null ? null : StateMarker.takeFrom(paragraph);
        String name = paragraph == null ? "" : PlainText.of(paragraph);
        if (mark != null && mark.state() == ItemState.SKIPPED) {
            name = StateMarker.unstruck(name);
        }
        int line = line(item);
        if (name.isEmpty()) {
            skipped.add(line, Reasons.NO_NAME);
        } else if (name.length() > MarkdownLimits.MAX_NAME_LENGTH) {
            skipped.add(line, Reasons.NAME_TOO_LONG);
        } else {
            MarkdownLimits.requireWithinItems(++tasks);
            var task = new TaskEntry(line, name, marker.isChecked(), mark, parentTask(item));
            takenItems.put(item, task);
            entries.add(task);
        }
        // Nested lists, further paragraphs and code of the item come next, each reported or taken on its own.
        pushChildren(paragraph == null ? null : paragraph.getNext(), todo);
    }

    private void plainItem(ListItem item, Deque<Node> todo) {
        Node first = item.getFirstChild();
        String text = first instanceof Paragraph paragraph ? PlainText.of(paragraph) : "";
        skipped.add(line(item), BARE_CHECKBOXES.contains(text) ? Reasons.NO_NAME : Reasons.PLAIN_ITEM);
        // The item's own text is covered by the line above; only what may hold task items is looked into.
        List<Node> inside = new ArrayList<>();
        for (Node child = first instanceof Paragraph ? first.getNext() : first; child != null; child = child.getNext()) {
            if (!(child instanceof Paragraph) && !(child instanceof Heading)) {
                inside.add(child);
            }
        }
        inside.reversed().forEach(todo::push);
    }

    private TaskEntry parentTask(ListItem item) {
        for (Node node = item.getParent(); node != null; node = node.getParent()) {
            TaskEntry parent = takenItems.get(node);
            if (parent != null) {
                return parent;
            }
        }
        return null;
    }

    private String paragraphReason(Paragraph paragraph) {
        List<String> lines = paragraph.getSourceSpans().stream().map(this::spanText).toList();
        if (looksLikeTable(lines)) {
            return Reasons.TABLE;
        }
        String text = String.join("\n", lines);
        if (text.contains("[ ]") || text.contains("[x]") || text.contains("[X]")) {
            return Reasons.CHECKBOX_IN_PARAGRAPH;
        }
        return Reasons.PARAGRAPH;
    }

    /** GitHub's table shape: a header row with pipes, then a delimiter row such as {@code |---|:--:|}. */
    private static boolean looksLikeTable(List<String> lines) {
        if (lines.size() < 2 || !lines.get(0).contains("|")) {
            return false;
        }
        String delimiter = lines.get(1).strip();
        return delimiter.contains("-") && delimiter.chars().allMatch(c -> c == '|' || c == '-' || c == ':' || c == ' ' || c == '\t');
    }

    private String spanText(SourceSpan span) {
        String line = source.line(span.getLineIndex() + 1);
        int start = Math.min(span.getColumnIndex(), line.length());
        return line.substring(start, Math.min(line.length(), start + span.getLength()));
    }

    private static String shorten(String name) {
        int end = name.offsetByCodePoints(0, name.codePointCount(0, MarkdownLimits.MAX_NAME_LENGTH));
        return name.substring(0, end).strip();
    }

    private static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.getFirst().getLineIndex() + 1;
    }

    private static void pushChildren(Node first, Deque<Node> todo) {
        List<Node> children = new ArrayList<>();
        for (Node child = first; child != null; child = child.getNext()) {
            children.add(child);
        }
        children.reversed().forEach(todo::push);
    }
}
