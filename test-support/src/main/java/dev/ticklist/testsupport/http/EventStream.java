package dev.ticklist.testsupport.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A client of a server-sent event stream over real HTTP: its body is read line by line on a
 * virtual thread into a queue the test polls, waiting at most {@code wait} for each line.
 */
public final class EventStream implements AutoCloseable {

    /** Put in the queue after the last line, however the body ended. */
    private static final String END = "\u0000end";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<Stream<String>> response;
    private final Duration wait;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private EventStream(HttpResponse<Stream<String>> response, Duration wait) {
        this.response = response;
        this.wait = wait;
        Thread.ofVirtual().start(() -> {
            try (var body = response.body()) {
                body.forEach(lines::add);
            } catch (UncheckedIOException | IllegalStateException closed) {
                // Closed by the test or the server, while reading or — a stream closed at once, on
                // a busy machine — before this thread began. Uncaught, it would fail whichever
                // Awaitility wait runs next, since Awaitility reports other threads' exceptions.
            } finally {
                lines.add(END);
            }
        });
    }

    /** Opens a stream with a bearer token, whatever the answer's status. */
    public static EventStream open(URI uri, String token, Duration wait) {
        try {
            return new EventStream(CLIENT.send(HttpRequest.newBuilder(uri)
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofLines()), wait);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next line; fails when none comes in time or the stream ended. */
    public String nextLine() {
        String line = poll();
        if (line == null || END.equals(line)) {
            throw new AssertionError(line == null ? "no line within " + wait : "the stream ended");
        }
        return line;
    }

    /** The next event's fields, skipping comments and the reconnection delay. */
    public Map<String, String> nextEvent() {
        var fields = new LinkedHashMap<String, String>();
        while (true) {
            String line = nextLine();
            if (line.isEmpty()) {
                if (fields.containsKey("data")) {
                    return fields;
                }
                fields.clear();
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                String value = line.substring(colon + 1);
                fields.merge(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value,
                        (earlier, later) -> earlier + "\n" + later);
            }
        }
    }

    /** Reads lines until one matches; fails, naming the lines seen, when none does in time. */
    public void awaitLine(Predicate<String> matching) {
        long deadline = System.nanoTime() + wait.toNanos();
        var seen = new ArrayList<String>();
        while (System.nanoTime() < deadline) {
            String line = poll(deadline - System.nanoTime());
            if (line != null && !END.equals(line) && matching.test(line)) {
                return;
            }
            if (END.equals(line)) {
                throw new AssertionError("the stream ended; saw " + seen);
            }
            if (line != null) {
                seen.add(line);
            }
        }
        throw new AssertionError("no such line within " + wait + "; saw " + seen);
    }

    /** The whole body of an answer that is not a stream. */
    public String body() {
        var text = new StringBuilder();
        for (String line = poll(); !END.equals(line); line = poll()) {
            if (line == null) {
                throw new AssertionError("the body did not end within " + wait);
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private String poll() {
        return poll(wait.toNanos());
    }

    private String poll(long nanos) {
        try {
            return lines.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
