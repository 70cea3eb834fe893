package dev.ticklist.notification.delivery;

import java.time.Duration;

/**
 * @param statusCode the receiver's HTTP status, or 0 when none came
 * @param latency    from sending the request to the end of reading the answer
 */
record AttemptResult(Outcome outcome, int statusCode, Duration latency) {

    static AttemptResult refused() {
        return new AttemptResult(Outcome.REFUSED, 0, Duration.ZERO);
    }

    boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }
}
