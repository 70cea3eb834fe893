package dev.ticklist.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Text request bodies (JSON, NDJSON, Markdown, CSV) must be well-formed UTF-8, checked byte by
 * byte as they are read: an overlong form (a NUL written as {@code C0 80}), an encoded surrogate or
 * a cut-off sequence fails the read with {@link InvalidUtf8Exception}, which answers 400
 * {@code invalid-utf8} (RequestProblems). Jackson and Spring's text converters would instead
 * decode such bytes leniently or replace them, storing something the caller never sent. Paths
 * that stream their bodies (imports) check UTF-8 themselves, line by line.
 */
public class Utf8Body extends OncePerRequestFilter {

    private final StreamedPaths streamed;

    public Utf8Body(StreamedPaths streamed) {
        this.streamed = streamed;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !isText(type) || streamed.matches(request);
    }

    static boolean isText(String contentType) {
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("application/json") || type.contains("+json")
                || type.startsWith("application/x-ndjson");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Checked(request), response);
    }

    /** A read that met bytes that are not UTF-8; {@code offset} is the first byte that is not. */
    public static final class InvalidUtf8Exception extends IOException {
        private final long offset;

        InvalidUtf8Exception(long offset) {
            super("the request body is not valid UTF-8 at byte " + offset);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }

    private static final class Checked extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Checked(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                var original = super.getInputStream();
                var checked = new Utf8CheckingStream(original);
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        return checked.read();
                    }

                    @Override
                    public int read(byte[] bytes, int offset, int length) throws IOException {
                        return checked.read(bytes, offset, length);
                    }

                    @Override
                    public boolean isFinished() {
                        return original.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return original.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        original.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    /** Passes bytes through unchanged while a strict decoder checks them; fails the read at the first invalid one. */
    static final class Utf8CheckingStream extends FilterInputStream {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer discarded = CharBuffer.allocate(1024);
        /** The start of a sequence that the last read cut off (at most three bytes). */
        private ByteBuffer pending = ByteBuffer.allocate(0);
        private long checked;
        private boolean ended;

        Utf8CheckingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            if (n == -1) {
                end();
            } else if (n > 0) {
                check(bytes, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = new byte[(int) Math.min(n, 8192)];
            int read = read(skipped, 0, skipped.length);
            return Math.max(read, 0);
        }

        private void check(byte[] bytes, int offset, int length) throws IOException {
            ByteBuffer input;
            if (pending.hasRemaining()) {
                input = ByteBuffer.allocate(pending.remaining() + length).put(pending).put(bytes, offset, length).flip();
            } else {
                input = ByteBuffer.wrap(bytes, offset, length);
            }
            long start = checked - input.remaining() + length;
            decode(input, false, start);
            checked += length;
            pending = ByteBuffer.allocate(input.remaining()).put(input).flip();
        }

        private void end() throws IOException {
            if (ended) {
                return;
            }
            ended = true;
            decode(pending, true, checked - pending.remaining());
            discarded.clear();
            if (decoder.flush(discarded).isError()) {
                throw new InvalidUtf8Exception(checked);
            }
        }

        private void decode(ByteBuffer input, boolean last, long startOffset) throws IOException {
            int begin = input.position();
            while (true) {
                discarded.clear();
                var result = decoder.decode(input, discarded, last);
                if (result.isError()) {
                    throw new InvalidUtf8Exception(startOffset + input.position() - begin);
                }
                if (!result.isOverflow()) {
                    return;
                }
            }
        }
    }
}
