package dev.ticklist.checklist.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an import's body a line at a time, as it arrives, within its limits: a line longer than
 * {@code maxLineBytes} is refused without being held in memory, and reading stops after
 * {@code maxLines} lines ({@link #tooMany()}). Lines end with LF or CRLF; the text is UTF-8
 * (a line that is not is refused, overlong forms included).
 */
final class ImportReader {

    /** What a line of the body is: its text, or why it is unusable as text. */
    sealed interface Line {
        long number();

        record Text(long number, String text) implements Line {
        }

        record Unreadable(long number, String reason) implements Line {
        }
    }

    private final InputStream body;
    private final int maxLineBytes;
    private final long maxLines;
    private final byte[] buffer = new byte[64 * 1024];
    private final byte[] line;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private long number;
    private boolean tooMany;

    ImportReader(InputStream body, int maxLineBytes, long maxLines) {
        this.body = body;
        this.maxLineBytes = maxLineBytes;
        this.maxLines = maxLines;
        this.line = new byte[maxLineBytes];
    }

    /** The next line, or null at the end of the body or once {@code maxLines} were read. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            if (!any && number == maxLines) {
                tooMany = true;
                return null;
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (length < maxLineBytes) {
                line[length++] = b;
            } else {
                tooLong = true;
            }
        }
        number++;
        if (tooLong) {
            return new Line.Unreadable(number, "longer than " + maxLineBytes + " bytes");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return new Line.Text(number, utf8.decode(ByteBuffer.wrap(line, 0, length)).toString());
        } catch (CharacterCodingException e) {
            return new Line.Unreadable(number, "not UTF-8 text");
        }
    }

    /** Whether reading stopped at {@code maxLines} with more of the body left. */
    boolean tooMany() {
        return tooMany;
    }

    private boolean fill() throws IOException {
        int read = body.read(buffer);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
