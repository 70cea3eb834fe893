package dev.ticklist.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * The few Redis commands the benchmark sends, in RESP2 over a plain socket, so it needs no Redis
 * client library (test-support keeps Lettuce test-scoped). Replies are a String, a Long, a List
 * of replies, or null.
 */
final class RedisConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RedisConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    static RedisConnection open(int port) {
        try {
            return new RedisConnection(new Socket("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException("could not connect to Redis on port " + port, e);
        }
    }

    Object command(String... words) {
        try {
            out.write(("*" + words.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String word : words) {
                byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
                out.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return reply();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not answer " + words[0], e);
        }
    }

    private Object reply() throws IOException {
        int type = in.read();
        String line = line();
        return switch (type) {
            case '+' -> line;
            case ':' -> Long.parseLong(line);
            case '$' -> line.equals("-1") ? null : bulk(Integer.parseInt(line));
            case '*' -> {
                int size = Integer.parseInt(line);
                var items = new ArrayList<Object>(Math.max(size, 0));
                for (int i = 0; i < size; i++) {
                    items.add(reply());
                }
                yield size < 0 ? null : items;
            }
            case '-' -> throw new IllegalStateException("Redis: " + line);
            default -> throw new IOException("not a RESP reply: " + (char) type + line);
        };
    }

    private String bulk(int length) throws IOException {
        String text = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        line();
        return text;
    }

    private String line() throws IOException {
        var bytes = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c == -1) {
                throw new IOException("Redis closed the connection");
            }
            bytes.write(c);
        }
        in.read(); // '\n'
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }
}
