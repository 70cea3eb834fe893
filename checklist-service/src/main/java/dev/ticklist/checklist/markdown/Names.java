package dev.ticklist.checklist.markdown;

import java.text.Normalizer;
import java.util.Locale;

/** How names are tidied when read, and the key under which two names count as the same. */
final class Names {

    private Names() {
    }

    /**
     * NFC, every run of whitespace or control characters (tabs, line breaks, no-break spaces) as one space,
     * trimmed. Writers and readers both apply it, so a name survives a round trip in this form.
     */
    static String clean(String name) {
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFC);
        var out = new StringBuilder(normalized.length());
        boolean pendingSpace = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                pendingSpace = !out.isEmpty();
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Case-insensitive, whitespace-normalised, NFC: "Image  data" and "image data" are the same name. */
    static String key(String name) {
        return Normalizer.normalize(clean(name).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }
}
