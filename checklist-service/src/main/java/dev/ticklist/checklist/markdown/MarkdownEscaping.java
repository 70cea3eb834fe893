package dev.ticklist.checklist.markdown;

/**
 * Backslash escapes that keep a name literal in CommonMark and on GitHub, so that it reads back as written.
 * Only what could change the text is escaped, to keep exported files readable: {@code C++ & R} stays as it is,
 * {@code *args} becomes {@code \*args}.
 */
final class MarkdownEscaping {

    private MarkdownEscaping() {
    }

    /** Text inside a paragraph or a list item. */
    static String inline(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(text, i, c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Text of an ATX heading: also the trailing {@code #}s, which CommonMark would take as a closing sequence. */
    static String heading(String text) {
        String escaped = inline(text);
        int end = escaped.length();
        int start = end;
        while (start > 0 && escaped.charAt(start - 1) == '#') {
            start--;
        }
        if (start == end) {
            return escaped;
        }
        return escaped.substring(0, start) + "\\#".repeat(end - start);
    }

    private static boolean needsEscape(String text, int i, char c) {
        return switch (c) {
            // Escapes, code spans, emphasis, links and images, HTML and autolinks; ~ and $ for GitHub's
            // strikethrough and math.
            case '\\', '`', '*', '[', ']', '<', '~', '$' -> true;
            // Between two letters or digits an underscore can neither open nor close emphasis.
            case '_' -> !(letterOrDigitAt(text, i - 1) && letterOrDigitAt(text, i + 1));
            // Only "&name;" and "&#123;" are entity references.
            case '&' -> i + 1 < text.length() && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '#');
            default -> false;
        };
    }

    private static boolean letterOrDigitAt(String text, int i) {
        return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.codePointAt(i));
    }
}
