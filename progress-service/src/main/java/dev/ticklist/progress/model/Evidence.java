package dev.ticklist.progress.model;

/**
 * A learner's evidence for a ticked item: a link and a note, either may be null. Stored as one
 * string, the URL (which holds no whitespace) then a tab then the note.
 */
public record Evidence(String url, String note) {

    private static final char SEPARATOR = '\t';

    /** Evidence with neither a link nor a note is none. */
    public static Evidence of(String url, String note) {
        String link = url == null || url.isEmpty() ? null : url;
        String text = note == null || note.isEmpty() ? null : note;
        return link == null && text == null ? null : new Evidence(link, text);
    }

    public String encoded() {
        return (url == null ? "" : url) + SEPARATOR + (note == null ? "" : note);
    }

    public static Evidence decode(String stored) {
        int at = stored.indexOf(SEPARATOR);
        return at < 0 ? of(stored, null) : of(stored.substring(0, at), stored.substring(at + 1));
    }
}
