package dev.ticklist.checklist.markdown;

/**
 * The Markdown exceeds a limit in {@link MarkdownLimits}, or nests blocks too deeply to be parsed. Nothing was
 * read. A controller maps it to 413 Content Too Large; the message names the limit and never quotes the input,
 * so it is safe to show.
 */
public final class MarkdownTooLargeException extends RuntimeException {

    /** Which limit was exceeded. */
    public enum Limit {
        /** More than {@link MarkdownLimits#MAX_BYTES}. */
        BYTES,
        /** More than {@link MarkdownLimits#MAX_ITEMS} task items. */
        ITEMS,
        /** Block quotes, lists or emphasis nested so deeply that the parser ran out of stack. */
        NESTING
    }

    private final Limit limit;

    MarkdownTooLargeException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
