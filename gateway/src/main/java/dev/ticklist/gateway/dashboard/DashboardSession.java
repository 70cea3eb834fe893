package dev.ticklist.gateway.dashboard;

import java.util.Locale;
import java.util.Optional;

/**
 * An open dashboard: signed in with an organisation's API key (it may only read, whatever the
 * key's scopes), or opened with a share link (it reaches what the link reaches). It lasts no
 * longer than its key or link: every request checks that again.
 *
 * @param credentialSha256 the hash of the key or link it was opened with (neither is ever kept)
 */
public record DashboardSession(Kind kind, String organisationId, String credentialSha256) {

    /** What opened the session. */
    public enum Kind {
        KEY, LINK;

        String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How Redis holds it: one string, so a session is written and expires in one command. */
    String stored() {
        return kind.value() + " " + organisationId + " " + credentialSha256;
    }

    static Optional<DashboardSession> parse(String stored) {
        String[] fields = stored == null ? new String[0] : stored.split(" ");
        if (fields.length != 3) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.value().equals(fields[0])) {
                return Optional.of(new DashboardSession(kind, fields[1], fields[2]));
            }
        }
        return Optional.empty();
    }
}
