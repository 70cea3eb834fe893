package dev.ticklist.platform.kafka;

/**
 * An event that was read but can never be applied (it contradicts what the service knows).
 * Listeners throw it to send the record to the dead-letter topic instead of retrying.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }
}
