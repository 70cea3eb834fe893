package dev.ticklist.gateway.dashboard;

import dev.ticklist.gateway.apikey.ApiKeyEntry;
import dev.ticklist.gateway.sharelink.ShareLink;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a dashboard is open, and how: with a key (never the key, only its prefix, so people
 * can tell keys apart), or with a share link (what it reaches, never its token).
 *
 * @param lifetimeSeconds how long a session lasts at most from when it was opened
 */
public record SessionView(boolean signedIn, String organisationId, String keyPrefix, LinkReach link,
                          long lifetimeSeconds) {

    /** @param learnerId null for a link to the whole cohort */
    public record LinkReach(String cohortId, String learnerId, String access) {
    }

    static SessionView of(ApiKeyEntry key, DashboardSessions sessions) {
        return new SessionView(true, key.organisationId(), key.prefix(), null, sessions.lifetime().toSeconds());
    }

    /** A link's session lasts no longer than the link. */
    static SessionView of(ShareLink link, DashboardSessions sessions, Instant now) {
        Duration left = Duration.between(now, link.expiresAt());
        Duration lasts = left.compareTo(sessions.lifetime()) < 0 ? left : sessions.lifetime();
        return new SessionView(true, link.organisationId(), null,
                new LinkReach(link.cohortId(), link.learnerId(), link.access().value()),
                Math.max(0, lasts.toSeconds()));
    }

    static SessionView signedOut(DashboardSessions sessions) {
        return new SessionView(false, null, null, null, sessions.lifetime().toSeconds());
    }
}
