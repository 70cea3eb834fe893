package dev.ticklist.platform.web;

/**
 * Character classes of ASCII letters and digits plus a few others, checked with a loop: the id,
 * token and key formats read on every request ({@link Ids}, {@link HeaderBearerTokenResolver},
 * the gateway's key format), where a regular expression per request was measurable
 * (docs/benchmarks.md, "Requests").
 */
public final class AsciiText {

    private AsciiText() {
    }

    public static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** Whether {@code text[from, to)} holds only ASCII letters, digits and the characters of {@code others}. */
    public static boolean onlyLettersDigitsOr(String text, int from, int to, String others) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isLetterOrDigit(c) && others.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
