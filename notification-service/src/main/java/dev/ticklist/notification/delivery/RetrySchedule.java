package dev.ticklist.notification.delivery;

import dev.ticklist.notification.WebhookProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed message is attempted again: the configured wait before the next attempt,
 * stretched by a random share up to the jitter, and never before a {@code Retry-After} the
 * receiver asked for (cut to a limit, so a receiver cannot park messages for ever).
 */
final class RetrySchedule {

    private final List<Duration> waits;
    private final double jitter;
    private final Duration retryAfterLimit;
    private final DoubleSupplier random;

    RetrySchedule(List<Duration> waits, double jitter, Duration retryAfterLimit, DoubleSupplier random) {
        this.waits = List.copyOf(waits);
        this.jitter = jitter;
        this.retryAfterLimit = retryAfterLimit;
        this.random = random;
    }

    static RetrySchedule of(WebhookProperties properties) {
        return new RetrySchedule(properties.retrySchedule(), properties.retryJitter(), properties.retryAfterLimit(),
                Math::random);
    }

    /** After attempt {@code attempt} (from 1) failed at {@code failedAt}: the next one, or none left. */
    Optional<Instant> nextAttempt(int attempt, Instant failedAt, Optional<Duration> retryAfter) {
        if (attempt >= waits.size()) {
            return Optional.empty();
        }
        Duration wait = stretched(waits.get(attempt));
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(retryAfterLimit) > 0 ? retryAfterLimit : retryAfter.get();
            wait = wait.compareTo(asked) < 0 ? asked : wait;
        }
        return Optional.of(failedAt.plus(wait));
    }

    private Duration stretched(Duration wait) {
        return wait.plusMillis((long) (wait.toMillis() * jitter * random.getAsDouble()));
    }
}
