package dev.ticklist.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "Spring\u0000 cohort     | U+0000 (a control character) at character 7",
            "Spring\u001b[31m         | U+001B (a control character)",
            "Spring\u0085             | U+0085 (a control character)",
            "evil\u202Etxt.exe        | U+202E (a bidirectional control)",
            "a\u2066b\u2069           | U+2066 (a bidirectional control)",
            "Spring\u0378             | U+0378 (an unassigned code point)",
            "Spring\uD800 cohort      | U+D800 (half of a surrogate pair)",
    })
    void refusesNamesWithCharactersThatHideOrGarbleWhatTheySay(String name, String reason) {
        assertThat(PlainText.problemIn(name, false)).hasValueSatisfying(problem -> assertThat(problem).contains(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Spring 2027", "Cohorte d'été", "機械学習 入門", "Тренировка", "مرحبا", "🚀 launch",
            "left\u200Emark"})
    void takesTextInAnyScript(String name) {
        assertThat(PlainText.problemIn(name, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"first line\nsecond line", "tab\tseparated", "windows\r\nline"})
    void aTextThatMaySpanLinesTakesLineBreaksAndTabsButNothingElse(String description) {
        assertThat(PlainText.problemIn(description, true)).isEmpty();
        assertThat(PlainText.problemIn(description + "\u0007", true)).isPresent();
        assertThat(PlainText.problemIn(description, false)).isPresent();
    }
}
