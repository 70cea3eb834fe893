package dev.ticklist.checklist.tick;

import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.platform.web.PlainText;
import java.util.Optional;

/**
 * The rule for why an item is skipped: one line of {@link PlainText}, not blank, at most
 * {@value ItemSkipped#MAX_REASON} characters. The API, imports and Markdown all take it by this rule.
 */
public final class SkipReason {

    private SkipReason() {
    }

    /** Why the reason may not be taken; empty if it may (or if there is none). */
    public static Optional<String> problemIn(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        if (reason.isBlank()) {
            return Optional.of("is blank: leave it out, or send null, to skip without a reason");
        }
        int length = reason.codePointCount(0, reason.length());
        if (length > ItemSkipped.MAX_REASON) {
            return Optional.of("is " + length + " characters long; at most " + ItemSkipped.MAX_REASON);
        }
        return PlainText.problemIn(reason, false);
    }
}
