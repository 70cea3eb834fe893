package dev.ticklist.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    @Test
    void readsEveryInstantAsInstantParseDoesWhateverItsFraction() {
        // -Dticklist.seed=<seed> replays a run (the seed is in every failure's message).
        long seed = Long.getLong("ticklist.seed", System.nanoTime());
        var random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            // From 1970 to 2400, with any number of fraction digits Instant.toString writes.
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 13_569_465_600L), random.nextInt(1_000_000_000));
            Instant truncated = switch (i % 4) {
                case 0 -> instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                case 1 -> instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                case 2 -> instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                default -> instant;
            };
            assertThat(IsoInstants.parse(truncated.toString()))
                    .as("seed %d (replay: -Dticklist.seed=%d): %s", seed, seed, truncated).isEqualTo(truncated);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06T06:35:41Z", "2026-12-06T06:35:41.3Z", "2026-12-06T06:35:41.123456789Z",
            "2024-02-29T23:59:59.999Z", "2026-12-06T07:35:41+01:00", "2016-12-31T23:59:60Z", "0001-01-01T00:00:00Z",
            "2026-12-06T24:00:00Z", "2026-12-06T06:35:41.Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-12-06T06:35:41.1234567891Z", "2026-12-06 06:35:41Z", "2026-12-06T06:35:4xZ", "yesterday",
            "2026-12-06T06:35:41", "2026-12-06t06:35:41z", "+12026-12-06T06:35:41Z"})
    void acceptsAndRefusesExactlyWhatInstantParseDoes(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException refused) {
            assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoInstants.parse(text)).isEqualTo(expected);
    }
}
