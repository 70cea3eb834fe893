package dev.ticklist.notification.endpoint;

import java.time.Duration;

/**
 * Rotates an endpoint's signing secret.
 *
 * @param previousSecretValidFor how long the old secret keeps signing beside the new one
 *                               (ISO-8601, for example {@code PT24H}); absent means 24 hours,
 *                               at most 7 days, {@code PT0S} retires it at once
 */
public record RotateSecretRequest(Duration previousSecretValidFor) {

    static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
    static final Duration MAX_OVERLAP = Duration.ofDays(7);

    Duration overlap() {
        return previousSecretValidFor == null ? DEFAULT_OVERLAP : previousSecretValidFor;
    }
}
