package dev.ticklist.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a failed message is attempted again. */
class RetryScheduleTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final List<Duration> WAITS = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5));
    private static final Duration LIMIT = Duration.ofHours(1);

    private final RetrySchedule withoutJitter = new RetrySchedule(WAITS, 0.0, LIMIT, () -> 0.5);

    @Test
    void eachFailureWaitsTheNextConfiguredWaitUntilNoneAreLeft() {
        assertThat(withoutJitter.nextAttempt(1, FAILED_AT, Optional.empty())).contains(FAILED_AT.plusSeconds(5));
        assertThat(withoutJitter.nextAttempt(2, FAILED_AT, Optional.empty())).contains(FAILED_AT.plusSeconds(300));
        assertThat(withoutJitter.nextAttempt(3, FAILED_AT, Optional.empty())).isEmpty();
    }

    @Test
    void jitterStretchesTheWaitByARandomShare() {
        var highest = new RetrySchedule(WAITS, 0.2, LIMIT, () -> 1.0);
        var lowest = new RetrySchedule(WAITS, 0.2, LIMIT, () -> 0.0);

        assertThat(highest.nextAttempt(1, FAILED_AT, Optional.empty())).contains(FAILED_AT.plusSeconds(6));
        assertThat(lowest.nextAttempt(1, FAILED_AT, Optional.empty())).contains(FAILED_AT.plusSeconds(5));
    }

    @Test
    void aLongerRetryAfterPushesTheAttemptOut() {
        assertThat(withoutJitter.nextAttempt(1, FAILED_AT, Optional.of(Duration.ofSeconds(30))))
                .contains(FAILED_AT.plusSeconds(30));
    }

    @Test
    void aShorterRetryAfterDoesNotBringTheAttemptForward() {
        assertThat(withoutJitter.nextAttempt(2, FAILED_AT, Optional.of(Duration.ofSeconds(1))))
                .contains(FAILED_AT.plusSeconds(300));
    }

    @Test
    void aRetryAfterBeyondTheLimitIsCutToTheLimit() {
        assertThat(withoutJitter.nextAttempt(1, FAILED_AT, Optional.of(Duration.ofDays(30))))
                .contains(FAILED_AT.plus(LIMIT));
    }

    @Test
    void aRetryAfterDoesNotExtendTheScheduleBeyondItsLastAttempt() {
        assertThat(withoutJitter.nextAttempt(3, FAILED_AT, Optional.of(Duration.ofSeconds(30)))).isEmpty();
    }
}
