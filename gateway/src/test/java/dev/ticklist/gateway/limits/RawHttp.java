package dev.ticklist.gateway.limits;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection to the gateway, written byte by byte: for what {@code GatewayClient}
 * cannot send (a body cut short, a chunked body) and for seeing when the gateway answers.
 */
final class RawHttp implements Closeable {

    private final Socket socket;

    RawHttp(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawHttp send(String ascii) {
        return send(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    RawHttp send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sends {@code length} bytes of JSON-ish filler as chunks of {@code chunk} bytes, then the last chunk. */
    RawHttp sendChunked(int length, int chunk) {
        byte[] filler = new byte[chunk];
        java.util.Arrays.fill(filler, (byte) 'a');
        for (int sent = 0; sent < length; sent += chunk) {
            int size = Math.min(chunk, length - sent);
            send(Integer.toHexString(size) + "\r\n");
            send(size == chunk ? filler : java.util.Arrays.copyOf(filler, size));
            send("\r\n");
        }
        return send("0\r\n\r\n");
    }

    /** Like {@link #sendChunked}, but the gateway may stop reading and close first: that is no failure here. */
    RawHttp sendChunkedUnlessClosed(int length, int chunk) {
        try {
            return sendChunked(length, chunk);
        } catch (UncheckedIOException closed) {
            return this;
        }
    }

    /** The next response; its body is read by its {@code Content-Length}. */
    Response read() {
        try {
            InputStream in = socket.getInputStream();
            var head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    throw new AssertionError("connection closed before a response; received: " + head);
                }
                head.write(next);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Response(status, headers, body);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no response within 10 s", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the gateway closes the connection (within the socket's timeout). */
    boolean closedByGateway() {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketException reset) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(int status, Map<String, String> headers, String body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        String contentType() {
            return header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        }
    }
}
