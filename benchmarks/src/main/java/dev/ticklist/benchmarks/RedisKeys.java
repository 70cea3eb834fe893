package dev.ticklist.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Counts the keys in Redis with one {@code DBSIZE} over a plain socket, so the benchmark needs
 * no Redis client library (test-support keeps Lettuce test-scoped).
 */
final class RedisKeys {

    private RedisKeys() {
    }

    static long count(int port) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("*1\r\n$6\r\nDBSIZE\r\n".getBytes(StandardCharsets.US_ASCII));
            var in = socket.getInputStream();
            var reply = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                reply.append((char) c);
            }
            if (reply.isEmpty() || reply.charAt(0) != ':') {
                throw new IllegalStateException("unexpected reply to DBSIZE: " + reply);
            }
            return Long.parseLong(reply.substring(1));
        } catch (IOException e) {
            throw new UncheckedIOException("could not ask Redis for DBSIZE", e);
        }
    }
}
