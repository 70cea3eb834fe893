package dev.ticklist.checklist.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportReaderTest {

    @Test
    void linesEndWithLfOrCrlfAndAreNumberedBlankOnesIncluded() throws IOException {
        assertThat(read("a\r\n\nb\nc", 64, 10)).containsExactly("1 a", "2 ", "3 b", "4 c");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedAndTheNextIsReadWhole() throws IOException {
        assertThat(read("x".repeat(100) + "\nok\n", 64, 10))
                .containsExactly("1 refused: longer than 64 bytes", "2 ok");
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedOverlongFormsIncluded() throws IOException {
        byte[] overlongSlash = {(byte) 0xC0, (byte) 0xAF, '\n', 'o', 'k'};
        var reader = new ImportReader(new ByteArrayInputStream(overlongSlash), 64, 10);
        assertThat(describe(reader.next())).isEqualTo("1 refused: not UTF-8 text");
        assertThat(describe(reader.next())).isEqualTo("2 ok");
    }

    @Test
    void readingStopsAfterTheMostLinesAndSaysSoOnlyIfMoreWasLeft() throws IOException {
        var reader = new ImportReader(stream("a\nb\nc\n"), 64, 2);
        assertThat(describe(reader.next())).isEqualTo("1 a");
        assertThat(describe(reader.next())).isEqualTo("2 b");
        assertThat(reader.next()).isNull();
        assertThat(reader.tooMany()).isTrue();

        var exact = new ImportReader(stream("a\nb\n"), 64, 2);
        exact.next();
        exact.next();
        assertThat(exact.next()).isNull();
        assertThat(exact.tooMany()).isFalse();
    }

    @Test
    void aLongBodyIsReadInPiecesAsItArrives() throws IOException {
        var lines = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            lines.append("line ").append(i).append('\n');
        }
        // One byte at a time from the stream's point of view is the worst case of arrival.
        InputStream trickle = new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        var read = read(trickle, 64, 100_000);
        assertThat(read).hasSize(50_000);
        assertThat(read.getLast()).isEqualTo("50000 line 49999");
    }

    private static List<String> read(String body, int maxLineBytes, long maxLines) throws IOException {
        return read(stream(body), maxLineBytes, maxLines);
    }

    private static List<String> read(InputStream body, int maxLineBytes, long maxLines) throws IOException {
        var reader = new ImportReader(body, maxLineBytes, maxLines);
        var lines = new ArrayList<String>();
        for (var line = reader.next(); line != null; line = reader.next()) {
            lines.add(describe(line));
        }
        return lines;
    }

    private static String describe(ImportReader.Line line) {
        return switch (line) {
            case ImportReader.Line.Text text -> text.number() + " " + text.text();
            case ImportReader.Line.Unreadable unreadable -> unreadable.number() + " refused: " + unreadable.reason();
        };
    }

    private static InputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
