package dev.ticklist.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A service behind the gateway, as far as the gateway can tell: a real HTTP server on 127.0.0.1
 * that records every request and answers 201 to {@code POST /internal/organisations} (or what
 * a test asks for) and 200 with a little JSON to everything else.
 */
public final class UpstreamStandIn {

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int organisationStatus = 201;
    private final Map<String, Canned> cannedGets = new ConcurrentHashMap<>();
    private final Set<String> streams = ConcurrentHashMap.newKeySet();

    private UpstreamStandIn(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static UpstreamStandIn start(String name) {
        return new UpstreamStandIn(name);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String name() {
        return name;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.pathAndQuery().equals(path)).toList();
    }

    /** The answer to the next {@code POST /internal/organisations} requests, until {@link #reset()}. */
    public void answerOrganisationsWith(int status) {
        organisationStatus = status;
    }

    /** The answer to {@code GET path} (no query), JSON, until {@link #reset()}: an OpenAPI document, say. */
    public void answerGet(String path, int status, String json) {
        cannedGets.put(path, new Canned(status, json));
    }

    /**
     * {@code GET path} answers a server-sent event stream that sends a comment every 100 ms until
     * the gateway hangs up (or 30 s pass), until {@link #reset()}.
     */
    public void answerStream(String path) {
        streams.add(path);
    }

    public void reset() {
        streams.clear();
        received.clear();
        organisationStatus = 201;
        cannedGets.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((header, values) -> headers.put(header, List.copyOf(values)));
            var request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    headers, body);
            received.add(request);
            if (request.method().equals("GET") && streams.contains(exchange.getRequestURI().getRawPath())) {
                stream(exchange);
                return;
            }
            boolean creatingOrganisation = request.method().equals("POST")
                    && request.pathAndQuery().equals("/internal/organisations");
            Canned canned = request.method().equals("GET") ? cannedGets.get(exchange.getRequestURI().getRawPath()) : null;
            int status = canned != null ? canned.status() : creatingOrganisation ? organisationStatus : 200;
            byte[] answer = (canned != null ? canned.json() : creatingOrganisation ? body : "{\"service\":\"" + name + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        var body = exchange.getResponseBody();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < end) {
                body.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException gone) {
            // the gateway hung up: the stream is over
        }
    }

    private record Canned(int status, String json) {
    }

    /** One request as it arrived; header names are case-insensitive. */
    public record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name)).map(List::getFirst);
        }

        public String bearerToken() {
            String authorization = header("Authorization").orElseThrow(() -> new AssertionError("no Authorization header"));
            if (!authorization.startsWith("Bearer ")) {
                throw new AssertionError("not a bearer token: " + authorization);
            }
            return authorization.substring("Bearer ".length());
        }
    }
}
