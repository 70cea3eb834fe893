package dev.ticklist.notification.delivery;

import java.util.Locale;

/** How one delivery attempt ended. */
enum Outcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The receiver answered, with anything but 2xx (a redirect included: they are not followed). */
    REJECTED,
    /** No complete answer within the attempt timeout. */
    TIMEOUT,
    /** No connection, or it broke. */
    UNREACHABLE,
    /** The URL guard refused the destination, so nothing was sent. */
    REFUSED;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
