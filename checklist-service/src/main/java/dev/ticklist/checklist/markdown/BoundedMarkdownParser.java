package dev.ticklist.checklist.markdown;

import java.util.List;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** CommonMark with GitHub's task list items, source lines kept for reports, within {@link MarkdownLimits}. */
final class BoundedMarkdownParser {

    /** The parsed document and the lines it was parsed from. */
    record ParsedMarkdown(Node document, SourceText source) {
    }

    // Thread-safe and reusable, as commonmark-java documents for Parser.
    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TaskListItemsExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(new ShortBlockInlineParserFactory(MarkdownLimits.MAX_INLINE_CHARACTERS))
            .build();

    private BoundedMarkdownParser() {
    }

    static ParsedMarkdown parse(String markdown) {
        MarkdownLimits.requireWithinSize(markdown);
        // Editors on Windows start files with a byte order mark; CommonMark would make "\uFEFF# Title" a paragraph.
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        try {
            return new ParsedMarkdown(PARSER.parse(text), new SourceText(text));
        } catch (StackOverflowError e) {
            // commonmark-java visits nested blocks and emphasis recursively: thousands of nested block quotes
            // ('>>>>…') overflow the stack. The parse holds no shared state, so refusing the input is safe.
            throw new MarkdownTooLargeException(MarkdownTooLargeException.Limit.NESTING,
                    "the Markdown nests block quotes, lists or emphasis too deeply to be read");
        }
    }
}
