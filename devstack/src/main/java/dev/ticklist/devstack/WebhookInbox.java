package dev.ticklist.devstack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A webhook receiver on loopback that prints what it gets, so the tour can show a delivery. */
final class WebhookInbox implements AutoCloseable {

    private final HttpServer server;

    private WebhookInbox(HttpServer server) {
        this.server = server;
    }

    static WebhookInbox start(int port, PrintStream out) {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var headers = exchange.getRequestHeaders();
                out.printf("%n[webhook inbox] %s %s%n  webhook-id: %s%n  webhook-timestamp: %s%n  webhook-signature: %s%n  %s%n",
                        exchange.getRequestMethod(), exchange.getRequestURI(), headers.getFirst("webhook-id"),
                        headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), body);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return new WebhookInbox(server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the webhook inbox on port " + port, e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
