package dev.ticklist.checklist.markdown;

/** How much Markdown the readers accept; larger input is refused with {@link MarkdownTooLargeException}. */
public final class MarkdownLimits {

    /** At most 1 MiB of Markdown, counted in UTF-8 bytes. */
    public static final int MAX_BYTES = 1 << 20;

    /** At most this many task items in one file. */
    public static final int MAX_ITEMS = 5_000;

    /** Longer item names are reported and not taken; the same limit drafts apply to names. */
    public static final int MAX_NAME_LENGTH = 200;

    /** Each list in a report holds at most this many lines (those with the lowest line numbers); counts stay exact. */
    public static final int MAX_REPORT_LINES = 1_000;

    /**
     * Paragraphs and headings longer than this (in characters of Markdown) are kept as plain text instead of being
     * parsed for emphasis, links and code. Why: commonmark-java's inline parsing is quadratic on crafted input
     * (1 MiB of nested brackets takes about a minute); no name is this long, so nothing that is read is affected.
     */
    static final int MAX_INLINE_CHARACTERS = 1_000;

    private MarkdownLimits() {
    }

    static void requireWithinSize(String markdown) {
        // Every UTF-16 char is at least one UTF-8 byte, so a long string is refused before it is measured.
        if (markdown.length() > MAX_BYTES || utf8Length(markdown) > MAX_BYTES) {
            throw new MarkdownTooLargeException(MarkdownTooLargeException.Limit.BYTES,
                    "the Markdown is larger than " + MAX_BYTES + " bytes (1 MiB)");
        }
    }

    static void requireWithinItems(int items) {
        if (items > MAX_ITEMS) {
            throw new MarkdownTooLargeException(MarkdownTooLargeException.Limit.ITEMS,
                    "the Markdown holds more than " + MAX_ITEMS + " task items");
        }
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
