package dev.ticklist.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.testsupport.RandomSeed;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The loop says what the format's pattern says. */
class TokenFormatTest {

    @RegisterExtension
    static final RandomSeed SEED = new RandomSeed();

    private static final String PREFIX = "tk_";
    private static final Pattern PATTERN = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final String ALPHABET = "aZ09_-tk+/=. é";

    private final TokenFormat format = new TokenFormat(PREFIX);

    @Test
    void generatedTokensMatch() {
        for (int i = 0; i < 100; i++) {
            assertThat(format.matches(format.generate())).isTrue();
        }
    }

    @Test
    void agreesWithItsPatternOnEdgeCases() {
        String body = "a".repeat(42);
        for (String value : List.of("", PREFIX, PREFIX + body, PREFIX + body + "Z", PREFIX + body + "Z9", "tK_" + body + "Z",
                "xx_" + body + "Z", PREFIX + body + "=", PREFIX + body + "+", body + "Zzzz", " " + PREFIX + body + "Z")) {
            assertThat(format.matches(value)).as(value).isEqualTo(PATTERN.matcher(value).matches());
        }
        assertThat(format.matches(null)).isFalse();
    }

    @Test
    void agreesWithItsPatternOnRandomValues() {
        var random = new Random(SEED.value());
        for (int n = 0; n < 20_000; n++) {
            var value = new StringBuilder(random.nextInt(4) > 0 ? PREFIX : "");
            int length = 41 + random.nextInt(5);
            for (int i = 0; i < length; i++) {
                value.append(random.nextInt(8) > 0 ? 'q' : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String sample = value.toString();
            assertThat(format.matches(sample)).as(sample).isEqualTo(PATTERN.matcher(sample).matches());
        }
    }
}
