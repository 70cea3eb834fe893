package dev.ticklist.gateway.dashboard;

import dev.ticklist.gateway.apikey.ApiKeyEntry;

/**
 * Whether a dashboard is signed in, and as whom: never the key, only its prefix, so people can
 * tell keys apart.
 *
 * @param lifetimeSeconds how long a session lasts at most from when it was opened
 */
public record SessionView(boolean signedIn, String organisationId, String keyPrefix, long lifetimeSeconds) {

    static SessionView of(ApiKeyEntry key, DashboardSessions sessions) {
        return new SessionView(true, key.organisationId(), key.prefix(), sessions.lifetime().toSeconds());
    }

    static SessionView signedOut(DashboardSessions sessions) {
        return new SessionView(false, null, null, sessions.lifetime().toSeconds());
    }
}
