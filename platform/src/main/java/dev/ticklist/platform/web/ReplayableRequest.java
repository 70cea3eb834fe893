package dev.ticklist.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A request whose body was read once, up front, so it can be fingerprinted and still be handled. */
public final class ReplayableRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    public ReplayableRequest(HttpServletRequest request) throws IOException {
        this(request, request.getInputStream().readAllBytes());
    }

    private ReplayableRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** Reads at most {@code limit + 1} bytes: a longer body is left unread and reported by {@link #body()}'s length. */
    public static ReplayableRequest readUpTo(HttpServletRequest request, long limit) throws IOException {
        return new ReplayableRequest(request, request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1)));
    }

    /** The request with a body already read from it. */
    public static ReplayableRequest of(HttpServletRequest request, byte[] body) {
        return new ReplayableRequest(request, body);
    }

    public byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        var in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("synchronous reads only");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
