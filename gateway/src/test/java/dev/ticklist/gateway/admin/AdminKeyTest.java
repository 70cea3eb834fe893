package dev.ticklist.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminKeyTest {

    private static final String CONFIGURED = "operator-key-with-at-least-32-characters";

    @Test
    void theConfiguredKeyMatches() {
        assertThat(new AdminKey(CONFIGURED).matches(CONFIGURED)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"operator-key-with-at-least-32-character", "operator-key-with-at-least-32-charactersx",
            "OPERATOR-KEY-WITH-AT-LEAST-32-CHARACTERS", " operator-key-with-at-least-32-characters"})
    void nothingElseMatches(String presented) {
        assertThat(new AdminKey(CONFIGURED).matches(presented)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void withoutAConfiguredKeyTheAdminApiRefusesEverything(String configured) {
        var adminKey = new AdminKey(configured);

        assertThat(adminKey.enabled()).isFalse();
        assertThat(adminKey.matches("")).isFalse();
        assertThat(adminKey.matches("   ")).isFalse();
        assertThat(adminKey.matches(CONFIGURED)).isFalse();
    }
}
