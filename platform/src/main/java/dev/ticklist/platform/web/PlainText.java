package dev.ticklist.platform.web;

import java.util.Optional;

/**
 * The rule for names and other text people give us to show to others (a cohort's name, an
 * item's description): no control characters (a NUL, an escape sequence; line breaks and tabs
 * only where the text may span lines), no bidirectional overrides, embeddings or isolates (they
 * make text display in another order than it is stored: "Trojan Source"), no unassigned code
 * points and no half of a surrogate pair. Such text is refused with a reason, never cleaned up.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why the text may not be taken, naming the first offending character; empty if it may. */
    public static Optional<String> problemIn(String text, boolean multiline) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String kind = kindOfRefused(codePoint, multiline);
            if (kind != null) {
                return Optional.of(String.format("holds U+%04X (%s) at character %d; remove it", codePoint, kind, i + 1));
            }
            i += Character.charCount(codePoint);
        }
        return Optional.empty();
    }

    /** The text, or a 400 problem ({@code bad-text}) saying which character of {@code what} is refused. */
    public static String require(String what, String text, boolean multiline) {
        problemIn(text, multiline).ifPresent(problem -> {
            throw Problems.invalid("bad-text", what + " " + problem);
        });
        return text;
    }

    private static String kindOfRefused(int codePoint, boolean multiline) {
        if (Character.isSurrogate((char) codePoint) && codePoint <= Character.MAX_VALUE) {
            return "half of a surrogate pair";
        }
        if (Character.isISOControl(codePoint)) {
            boolean lineBreakOrTab = codePoint == '\n' || codePoint == '\r' || codePoint == '\t';
            return multiline && lineBreakOrTab ? null : "a control character";
        }
        if ((codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)) {
            return "a bidirectional control";
        }
        if (!Character.isDefined(codePoint)) {
            return "an unassigned code point";
        }
        return null;
    }
}
