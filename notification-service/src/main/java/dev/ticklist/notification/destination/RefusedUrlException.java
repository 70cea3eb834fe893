package dev.ticklist.notification.destination;

/** A webhook URL that must not be called; the message says why, for the organisation's administrator. */
public class RefusedUrlException extends RuntimeException {

    public RefusedUrlException(String reason) {
        super(reason);
    }
}
