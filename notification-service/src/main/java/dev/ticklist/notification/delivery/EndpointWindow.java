package dev.ticklist.notification.delivery;

/**
 * How many attempts may run at once towards one endpoint: set by what the receiver takes, as TCP
 * sets its congestion window. It starts at {@link #INITIAL}, grows by one for every window's
 * worth of deliveries (additive increase) up to the configured ceiling, and halves on any attempt
 * that was not delivered — an error, a timeout, a 429 or a 503 (multiplicative decrease) — never
 * below one. A receiver that answers in milliseconds soon gets many attempts at once; one that
 * struggles gets fewer, and its retries keep their schedule.
 */
final class EndpointWindow {

    static final int INITIAL = 4;

    private final int ceiling;
    private int size;
    /** Deliveries since the window last changed. */
    private int deliveredAtSize;

    EndpointWindow(int ceiling) {
        this.ceiling = ceiling;
        this.size = Math.min(INITIAL, ceiling);
    }

    /** Attempts that may be under way at once now. */
    synchronized int allowed() {
        return size;
    }

    synchronized void delivered() {
        if (++deliveredAtSize >= size && size < ceiling) {
            size++;
            deliveredAtSize = 0;
        }
    }

    synchronized void notDelivered() {
        size = Math.max(1, size / 2);
        deliveredAtSize = 0;
    }
}
