package dev.ticklist.checklist.imports;

/** A caller's text quoted in a reason: short, and without characters that would garble it. */
final class Text {

    private static final int SHOWN = 40;

    private Text() {
    }

    static String abbreviate(String text) {
        var shown = new StringBuilder();
        text.codePoints().limit(SHOWN).forEach(c -> shown.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT ? '?' : c));
        return text.codePointCount(0, text.length()) > SHOWN ? shown + "…" : shown.toString();
    }
}
