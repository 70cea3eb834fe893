package dev.ticklist.notification.message;

import java.util.Locale;

/** Where a message stands. */
public enum MessageStatus {
    /** Attempts are still to come (none yet, or a retry is scheduled). */
    PENDING,
    /** An attempt got a 2xx answer. */
    DELIVERED,
    /** Every scheduled attempt failed, or the endpoint answered 410 Gone; a retry by hand revives it. */
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
