package dev.ticklist.checklist.tick;

import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.platform.web.PlainText;
import dev.ticklist.platform.web.Problems;
import java.util.Optional;

/**
 * A learner's evidence for a ticked item, checked as given: a link ({@link EvidenceUrl}, never
 * fetched) and a note (one line of {@link PlainText}, at most {@value ItemEvidenceAttached#MAX_NOTE}
 * characters), either or both. Anything else is a 400 problem and nothing is recorded. Taking
 * evidence away is not an Evidence but {@link TickCommands#removeEvidence}.
 *
 * @param url  the link, or null
 * @param note the note, or null
 */
public record Evidence(String url, String note) {

    public Evidence {
        if (url == null && note == null) {
            throw Problems.invalid("empty-evidence",
                    "evidence needs a url, a note or both; to take an item's evidence away, DELETE it");
        }
        EvidenceUrl.problemIn(url).ifPresent(problem -> {
            throw Problems.invalid("bad-evidence-url", "evidence url " + problem);
        });
        noteProblem(note).ifPresent(problem -> {
            throw Problems.invalid("bad-evidence-note", "evidence note " + problem);
        });
    }

    private static Optional<String> noteProblem(String note) {
        if (note == null) {
            return Optional.empty();
        }
        if (note.isBlank()) {
            return Optional.of("is blank: leave it out, or send null, for a link without a note");
        }
        int length = note.codePointCount(0, note.length());
        if (length > ItemEvidenceAttached.MAX_NOTE) {
            return Optional.of("is " + length + " characters long; at most " + ItemEvidenceAttached.MAX_NOTE);
        }
        return PlainText.problemIn(note, false);
    }
}
