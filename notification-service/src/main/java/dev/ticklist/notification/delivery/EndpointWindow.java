package dev.ticklist.notification.delivery;

/**
 * The attempts under way towards one endpoint on this instance, and how many there may be: set by
 * what the receiver takes, as TCP sets its congestion window. The window starts at
 * {@link #INITIAL}, grows by one for every window's worth of deliveries (additive increase) up to
 * the configured ceiling, and halves on any attempt that was not delivered — an error, a timeout,
 * a 429 or a 503 (multiplicative decrease) — never below one. A receiver that answers in
 * milliseconds soon gets many attempts at once; one that struggles gets fewer, and its retries
 * keep their schedule.
 */
final class EndpointWindow {

    static final int INITIAL = 4;

    private final int ceiling;
    private int size;
    /** Deliveries since the window last changed. */
    private int deliveredAtSize;
    private int underWay;

    EndpointWindow(int ceiling) {
        this.ceiling = ceiling;
        this.size = Math.min(INITIAL, ceiling);
    }

    /** Attempts that may be under way at once now. */
    synchronized int allowed() {
        return size;
    }

    /** How many more attempts may start now. */
    synchronized int room() {
        return size - underWay;
    }

    synchronized void started() {
        underWay++;
    }

    /** An attempt ended without an answer to learn from (it failed to complete here). */
    synchronized void ended() {
        underWay--;
    }

    synchronized void delivered() {
        ended();
        if (++deliveredAtSize >= size && size < ceiling) {
            size++;
            deliveredAtSize = 0;
        }
    }

    synchronized void notDelivered() {
        ended();
        size = Math.max(1, size / 2);
        deliveredAtSize = 0;
    }
}
