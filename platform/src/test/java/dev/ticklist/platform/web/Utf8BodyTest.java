package dev.ticklist.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8BodyTest {

    @ParameterizedTest(name = "read {0} bytes at a time")
    @ValueSource(ints = {1, 2, 3, 5, 4096})
    void wellFormedUtf8PassesUnchangedWhereverAReadCutsASequence(int chunk) throws IOException {
        byte[] body = "{\"name\":\"機械学習 🚀 été\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(readAll(new Utf8Body.Utf8CheckingStream(new ByteArrayInputStream(body)), chunk)).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0} fails at byte {1}")
    @CsvSource({
            "7b22c080227d, 2",          // a NUL in its overlong two-byte form
            "7b22c1817d, 2",            // 'A' overlong
            "7b22e080af7d, 2",          // overlong three-byte form
            "7b22eda0807d, 2",          // an encoded surrogate (CESU-8)
            "7b22ff7d, 2",              // a byte UTF-8 never uses
            "7b2280227d, 2",            // a continuation byte with no start
            "7b22e282, 2",              // a sequence cut off by the end of the body
            "f4908080, 0",              // beyond U+10FFFF
    })
    void anythingElseFailsTheReadAtTheFirstByteThatIsNotUtf8(String hex, long offset) {
        byte[] body = HexFormat.of().parseHex(hex);
        for (int chunk : new int[] {1, 3, 4096}) {
            assertThatThrownBy(() -> readAll(new Utf8Body.Utf8CheckingStream(new ByteArrayInputStream(body)), chunk))
                    .isInstanceOfSatisfying(Utf8Body.InvalidUtf8Exception.class,
                            invalid -> assertThat(invalid.offset()).isEqualTo(offset));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json;charset=UTF-8", "application/problem+json",
            "text/markdown", "text/csv", "application/x-ndjson"})
    void textBodiesAreChecked(String contentType) {
        assertThat(Utf8Body.isText(contentType)).isTrue();
    }

    private static byte[] readAll(InputStream in, int chunk) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        for (int n; (n = in.read(buffer, 0, chunk)) != -1; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
