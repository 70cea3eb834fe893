package dev.ticklist.gateway.dashboard;

import java.util.Optional;

/**
 * A dashboard signed in with an organisation's API key. It may only read, whatever the key's
 * scopes, and it lasts no longer than the key: every request checks the key again.
 *
 * @param keySha256 the hash of the key it was opened with (the key itself is never kept)
 */
public record DashboardSession(String organisationId, String keySha256) {

    private static final String KEY_KIND = "key";

    /** How Redis holds it: one string, so a session is written and expires in one command. */
    String stored() {
        return KEY_KIND + " " + organisationId + " " + keySha256;
    }

    static Optional<DashboardSession> parse(String stored) {
        String[] fields = stored == null ? new String[0] : stored.split(" ");
        return fields.length == 3 && fields[0].equals(KEY_KIND)
                ? Optional.of(new DashboardSession(fields[1], fields[2]))
                : Optional.empty();
    }
}
