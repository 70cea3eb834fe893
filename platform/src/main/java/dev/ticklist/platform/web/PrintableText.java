package dev.ticklist.platform.web;

/**
 * The firewalls' rule for header and parameter names and values, without a regular expression:
 * every code point assigned and none a control character. Spring Security's strict firewalls
 * check the same with {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} on every header of every
 * request, which was a tenth of a service's CPU per tick (docs/benchmarks.md, "Requests").
 */
public final class PrintableText {

    private PrintableText() {
    }

    public static boolean isAllowed(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
