package dev.ticklist.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on loopback that answers 204 after a few milliseconds: every request
 * counted, each message (by its {@code webhook-id}) kept once with when it first came.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A message's first arrival. */
    record Arrival(String webhookId, long epochMillis, JsonNode body) {
    }

    private final Map<String, Arrival> firstArrivals = new ConcurrentHashMap<>();
    private final List<Arrival> inOrder = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final HttpServer server;

    WebhookReceiver(int answerMillis) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            long now = System.currentTimeMillis();
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null && !firstArrivals.containsKey(id)) {
                var arrival = new Arrival(id, now, body.length == 0 ? JSON.missingNode() : JSON.readTree(body));
                if (firstArrivals.putIfAbsent(id, arrival) == null) {
                    inOrder.add(arrival);
                }
            }
            try {
                Thread.sleep(answerMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Requests received, retries and calls without a webhook id included. */
    long requests() {
        return requests.get();
    }

    /** Messages received (each once), in the order they first came. */
    List<Arrival> arrivals() {
        return List.copyOf(inOrder);
    }

    /** Forgets the messages received so far (the count of requests stays). */
    void forget() {
        firstArrivals.clear();
        inOrder.clear();
    }

    /** Waits until {@code messages} messages have come. */
    void await(int messages, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (firstArrivals.size() < messages) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + firstArrivals.size() + " of " + messages
                        + " messages arrived within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
