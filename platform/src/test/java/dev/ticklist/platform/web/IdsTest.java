package dev.ticklist.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticklist.testsupport.RandomSeed;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The id checks are loops; the documented patterns ({@link Ids#EXTERNAL_ID}, {@link Ids#SLUG}) stay the rule. */
class IdsTest {

    @RegisterExtension
    static final RandomSeed SEED = new RandomSeed();

    private static final Pattern EXTERNAL = Pattern.compile(Ids.EXTERNAL_ID);
    private static final Pattern SLUG = Pattern.compile(Ids.SLUG);
    /** Every character either rule treats specially, and some neither allows. */
    private static final String ALPHABET = "aAzZ09m-._:@ -/é\u0000\n+%";

    @Test
    void agreeWithTheirPatternsOnEdgeCases() {
        var ids = List.of("", "a", "-", "a-", "-a", "a--b", "a-b-c", "A", "ada@example.org", "lms:42", ".a", "a.",
                "_a", "x".repeat(128), "x".repeat(129), "item-1", "Item-1", "é", "a b", "a\n");
        for (String id : ids) {
            assertThat(Ids.isExternal(id)).as(id).isEqualTo(EXTERNAL.matcher(id).matches());
            assertThat(Ids.isSlug(id)).as(id).isEqualTo(SLUG.matcher(id).matches());
        }
        assertThat(Ids.isExternal(null)).isFalse();
        assertThat(Ids.isSlug(null)).isFalse();
    }

    @Test
    void agreeWithTheirPatternsOnRandomIds() {
        var random = new Random(SEED.value());
        for (int n = 0; n < 50_000; n++) {
            var id = new StringBuilder();
            int length = random.nextInt(n % 100 == 0 ? 140 : 8);
            for (int i = 0; i < length; i++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String sample = id.toString();
            assertThat(Ids.isExternal(sample)).as(sample).isEqualTo(EXTERNAL.matcher(sample).matches());
            assertThat(Ids.isSlug(sample)).as(sample).isEqualTo(SLUG.matcher(sample).matches());
        }
    }

    @Test
    void aSlugOverSixtyFourCharactersIsRefusedThoughItMatches() {
        assertThat(Ids.requireSlug("item", "a".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> Ids.requireSlug("item", "a".repeat(65))).hasMessageContaining("at most 64");
    }
}
