package dev.ticklist.checklist.markdown;

/** A learner's evidence for a ticked item, as an export writes it: a link and a note, either may be null. */
public record ItemEvidence(String url, String note) {
}
