package dev.ticklist.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.testsupport.RandomSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PrintableTextTest {

    @RegisterExtension
    static final RandomSeed SEED = new RandomSeed();

    /** The rule Spring Security's strict firewalls apply by default. */
    static final Pattern FIREWALL_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void agreesWithTheFirewallsDefaultPatternOnEdgeCases() {
        List<String> texts = List.of("", "application/json", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "Ada Lovelace",
                "a\u0000b", "a\tb", "a\nb", "a\rb", "\u007f", "\u0085", "\u009f", "\u00a0", "\u0378", "\ud83d\ude00",
                "\ud800", "x\udc00y", "\uFFFF", "\u200b", "naïve café", "\u202e", String.valueOf((char) 0x1f));
        for (String text : texts) {
            assertThat(PrintableText.isAllowed(text)).as(escaped(text))
                    .isEqualTo(FIREWALL_DEFAULT.matcher(text).matches());
        }
    }

    @Test
    void agreesWithTheFirewallsDefaultPatternOnRandomText() {
        var random = new Random(SEED.value());
        for (int n = 0; n < 20_000; n++) {
            var text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append((char) (random.nextBoolean() ? random.nextInt(0x300) : random.nextInt(0x10000)));
            }
            String sample = text.toString();
            assertThat(PrintableText.isAllowed(sample)).as(escaped(sample))
                    .isEqualTo(FIREWALL_DEFAULT.matcher(sample).matches());
        }
    }

    private static String escaped(String text) {
        var codes = new ArrayList<String>();
        text.chars().forEach(c -> codes.add(String.format("U+%04X", c)));
        return codes.toString();
    }
}
