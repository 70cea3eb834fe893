package dev.ticklist.checklist.markdown;

import java.util.ArrayList;
import java.util.List;

/** The lines of the Markdown as the parser counts them (split at LF, CR and CRLF), for quoting in reports. */
final class SourceText {

    private static final int EXCERPT_CODE_POINTS = 120;

    private final String text;
    private final List<Integer> lineStarts = new ArrayList<>();

    SourceText(String text) {
        this.text = text;
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                lineStarts.add(i + 1);
            }
        }
    }

    /** Line {@code number} (1-based) without its line ending, or "" outside the text. */
    String line(int number) {
        if (number < 1 || number > lineStarts.size()) {
            return "";
        }
        int start = lineStarts.get(number - 1);
        int end = number < lineStarts.size() ? lineStarts.get(number) : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** The line trimmed and cut short enough to quote in a report. */
    String excerpt(int number) {
        String line = line(number).strip();
        if (line.codePointCount(0, line.length()) <= EXCERPT_CODE_POINTS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, EXCERPT_CODE_POINTS)) + "…";
    }
}
