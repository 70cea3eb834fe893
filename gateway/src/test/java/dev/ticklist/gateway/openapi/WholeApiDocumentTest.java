package dev.ticklist.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Fetching, leaving out and keeping the parts, without Spring; servers only on 127.0.0.1. */
class WholeApiDocumentTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration KEEP_FOR = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aPartThatFailsOrIsTooSlowIsLeftOutAndNamedWhileTheOthersAreServed() {
        var whole = wholeApi(
                new Counting("checklist-service", () -> Mono.just(document("/api/v1/checklists"))),
                new Counting("progress-service", () -> Mono.error(new IllegalStateException("boom"))),
                new Counting("notification-service", Mono::never),
                new Counting("gateway", Mono::empty));

        var assembled = whole.document(null).block(Duration.ofSeconds(5));

        assertThat(assembled.missing()).containsExactly("progress-service", "notification-service");
        assertThat(assembled.document().get("paths").propertyNames()).containsExactly("/api/v1/checklists");
        assertThat(missingIn(assembled.json())).containsExactly("progress-service", "notification-service");
    }

    @Test
    void aServiceThatIsDownOrAnswersSomethingElseIsMissing() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v3/api-docs", exchange -> {
            byte[] body = """
                    {"openapi": "3.1.0", "paths": {"/api/v1/progress/learners/{learnerId}": {"get": {"responses": {}}}}}
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/other/v3/api-docs", exchange -> {
            byte[] body = "{\"service\":\"not a document\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String up = "http://127.0.0.1:" + server.getAddress().getPort();
        var whole = wholeApi(
                new ServiceOpenApiSource("checklist-service", URI.create("http://127.0.0.1:" + closedPort() + "/v3/api-docs"),
                        WebClient.builder()),
                new ServiceOpenApiSource("progress-service", URI.create(up + "/v3/api-docs"), WebClient.builder()),
                new ServiceOpenApiSource("notification-service", URI.create(up + "/other/v3/api-docs"), WebClient.builder()));

        var assembled = whole.document(null).block(Duration.ofSeconds(5));

        assertThat(assembled.missing()).containsExactly("checklist-service", "notification-service");
        assertThat(assembled.document().get("paths").propertyNames()).containsExactly("/api/v1/progress/learners/{learnerId}");
    }

    @Test
    void aCompleteDocumentIsKeptForAWhile() {
        var checklist = new Counting("checklist-service", () -> Mono.just(document("/api/v1/checklists")));
        var whole = wholeApi(checklist);

        var first = whole.document(null).block();
        clock.advance(KEEP_FOR.minusSeconds(1));
        var second = whole.document(null).block();
        clock.advance(Duration.ofSeconds(1));
        whole.document(null).block();

        assertThat(second).isSameAs(first);
        assertThat(checklist.calls.get()).isEqualTo(2);
    }

    @Test
    void aDocumentMissingAPartIsKeptOnlyBriefly() {
        var down = new AtomicInteger(1);
        var progress = new Counting("progress-service", () -> down.getAndDecrement() > 0
                ? Mono.error(new IllegalStateException("down")) : Mono.just(document("/api/v1/progress/cohorts/{cohortId}")));
        var whole = wholeApi(new Counting("checklist-service", () -> Mono.just(document("/api/v1/checklists"))), progress);

        assertThat(whole.document(null).block().missing()).containsExactly("progress-service");
        clock.advance(WholeApiDocument.INCOMPLETE_FOR.minusMillis(1));
        assertThat(whole.document(null).block().missing()).containsExactly("progress-service");
        clock.advance(Duration.ofMillis(1));
        var recovered = whole.document(null).block();

        assertThat(recovered.complete()).isTrue();
        assertThat(recovered.document().get("paths").propertyNames())
                .containsExactly("/api/v1/checklists", "/api/v1/progress/cohorts/{cohortId}");
        assertThat(progress.calls.get()).isEqualTo(2);
    }

    @Test
    void requestsWhileTheDocumentIsAssembledShareTheAssembly() {
        var checklist = new Counting("checklist-service",
                () -> Mono.just(document("/api/v1/checklists")).delayElement(Duration.ofMillis(200)));
        var whole = wholeApi(checklist);

        var documents = Mono.zip(whole.document(null), whole.document(null), whole.document(null)).block();

        assertThat(documents.getT1()).isSameAs(documents.getT2()).isSameAs(documents.getT3());
        assertThat(checklist.calls.get()).isEqualTo(1);
    }

    @Test
    void forgettingTheDocumentAssemblesItAfresh() {
        var checklist = new Counting("checklist-service", () -> Mono.just(document("/api/v1/checklists")));
        var whole = wholeApi(checklist);

        whole.document(null).block();
        whole.forget();
        whole.document(null).block();

        assertThat(checklist.calls.get()).isEqualTo(2);
    }

    private WholeApiDocument wholeApi(OpenApiSource... sources) {
        return new WholeApiDocument(List.of(sources), new OpenApiMerger("v1"), TIMEOUT, KEEP_FOR, clock);
    }

    private static ObjectNode document(String path) {
        return OpenApiJson.read("{\"openapi\": \"3.1.0\", \"paths\": {\"" + path + "\": {\"get\": {\"responses\": {}}}}}");
    }

    private static List<String> missingIn(String json) {
        JsonNode document = OpenApiJson.read(json);
        return document.get(OpenApiMerger.MISSING_SERVICES).valueStream().map(JsonNode::asString).toList();
    }

    private static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Counting implements OpenApiSource {

        private final String name;
        private final Supplier<Mono<ObjectNode>> document;
        private final AtomicInteger calls = new AtomicInteger();

        Counting(String name, Supplier<Mono<ObjectNode>> document) {
            this.name = name;
            this.document = document;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Mono<ObjectNode> document(ServerHttpRequest request) {
            calls.incrementAndGet();
            return document.get();
        }
    }

    private static final class MutableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
