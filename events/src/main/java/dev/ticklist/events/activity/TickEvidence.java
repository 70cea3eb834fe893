package dev.ticklist.events.activity;

/**
 * What a learner gives to show they did an item: a link (a project's repository, a certificate)
 * and a short note, either or both.
 *
 * @param url  an absolute {@code http} or {@code https} URL, never fetched; or null
 * @param note plain text, one line, at most {@link ItemEvidenceAttached#MAX_NOTE} characters; or null
 */
public record TickEvidence(String url, String note) {
}
