package dev.ticklist.notification.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * @param statusCode      the receiver's HTTP status, or 0 when none came
 * @param latency         from sending the request to the end of reading the answer
 * @param responseExcerpt the first characters of the answer, or null
 * @param retryAfter      what a {@code 429} or {@code 503} answer's {@code Retry-After} asked for
 */
record AttemptResult(Outcome outcome, int statusCode, Duration latency, String responseExcerpt,
                     Optional<Duration> retryAfter) {

    static AttemptResult refused(String reason) {
        return new AttemptResult(Outcome.REFUSED, 0, Duration.ZERO, reason, Optional.empty());
    }

    static AttemptResult failed(Outcome outcome, Duration latency, String reason) {
        return new AttemptResult(outcome, 0, latency, reason, Optional.empty());
    }

    boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }

    boolean gone() {
        return statusCode == 410;
    }
}
