package dev.ticklist.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** A webhook receiver on 127.0.0.1 that records every request and answers as told (200 by default). */
public final class WebhookReceiver implements AutoCloseable {

    /** One received request; header names in lower case. */
    public record Received(String path, Map<String, String> headers, byte[] body, Instant at) {
        public String header(String name) {
            return headers.get(name);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How to answer one request. */
    public record Answer(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean hanging;

    private WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver(0);
    }

    /** A receiver on a port used before: one that was down comes back. */
    public static WebhookReceiver startOn(int port) {
        return new WebhookReceiver(port);
    }

    /** Answers the next requests with these statuses, then 200 again. */
    public WebhookReceiver answering(int... next) {
        for (int status : next) {
            answers.add(new Answer(status, Map.of()));
        }
        return this;
    }

    /** Answers the next request with this status and these headers. */
    public WebhookReceiver answering(int status, Map<String, String> headers) {
        answers.add(new Answer(status, headers));
        return this;
    }

    /** Reads every request and never answers, until closed. */
    public WebhookReceiver hanging() {
        hanging = true;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests to one path (the redirect tests look for requests that must not come). */
    public List<Received> receivedAt(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(Locale.ROOT),
                            entry -> String.join(",", entry.getValue())));
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body, Instant.now()));
            if (hanging) {
                awaitClose();
                return;
            }
            Answer answer = answers.poll();
            if (answer != null) {
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            }
            exchange.sendResponseHeaders(answer == null ? 200 : answer.status(), -1);
        }
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
