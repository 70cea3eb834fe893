package dev.ticklist.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.ticklist.gateway.GatewayApplication;
import dev.ticklist.gateway.GatewayClient;
import dev.ticklist.gateway.GatewayIT;
import dev.ticklist.testsupport.Infrastructure;
import dev.ticklist.testsupport.TestIdentityKeys;
import dev.ticklist.testsupport.net.SeverableTcpLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A slow service, one that is down, and Redis unreachable, behind a second gateway of their own
 * (as ApiKeyReplayIT starts one; its Redis through a link the test can cut), so the shared
 * context keeps its stand-ins, its Redis and its 30 s timeout. The second
 * gateway's timeout comes from TICKLIST_GATEWAY_UPSTREAM_TIMEOUT, as in production.
 */
class UpstreamFailureIT extends GatewayIT {

    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static HttpServer slowService;
    private static ConfigurableApplicationContext gatewayWithShortTimeout;
    private static GatewayClient client;
    private static SeverableTcpLink redisLink;

    @BeforeAll
    static void startASlowServiceAndAGatewayInFrontOfIt() throws IOException {
        slowService = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        slowService.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        slowService.createContext("/", exchange -> {
            try (exchange) {
                RELEASE.await(30, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // A service that dies mid-request: before its answer, and after the start of a streamed one.
        slowService.createContext("/api/v1/cohorts/dies-before-answering", exchange -> {
            throw new IllegalStateException("killed"); // the JDK server drops the connection
        });
        slowService.createContext("/api/v1/cohorts/dies-mid-answer", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, 0); // chunked
            exchange.getResponseBody().write("learner,done\nada,3\n".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            throw new IllegalStateException("killed");
        });
        slowService.start();
        Infrastructure infrastructure = Infrastructure.shared();
        redisLink = SeverableTcpLink.to(infrastructure.redisHost(), infrastructure.redisPort());
        gatewayWithShortTimeout = new SpringApplicationBuilder(GatewayApplication.class)
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.data.redis.host=127.0.0.1",
                        "--spring.data.redis.port=" + redisLink.port(),
                        "--TICKLIST_GATEWAY_UPSTREAM_TIMEOUT=1s",
                        "--ticklist.gateway.checklist-url=http://127.0.0.1:" + slowService.getAddress().getPort(),
                        "--ticklist.gateway.progress-url=http://127.0.0.1:" + portNobodyListensOn(),
                        "--ticklist.gateway.notification-url=" + NOTIFICATION.url(),
                        TestIdentityKeys.arguments().get(0), TestIdentityKeys.arguments().get(1));
        client = new GatewayClient(Integer.parseInt(
                gatewayWithShortTimeout.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        if (gatewayWithShortTimeout != null) {
            gatewayWithShortTimeout.close();
        }
        if (slowService != null) {
            slowService.stop(0);
        }
        if (redisLink != null) {
            redisLink.close();
        }
    }

    @Test
    void aServiceSlowerThanTheTimeoutIs504() {
        String key = keyWithScopes("org_upstreams", "read");
        long started = System.nanoTime();

        var response = client.get("/api/v1/cohorts", "X-Api-Key", key);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.status()).as(response.body()).isEqualTo(504);
        assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:upstream-timeout");
        assertThat(response.body()).doesNotContain("127.0.0.1").doesNotContain("Response took");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aServiceThatIsDownIs503() {
        String key = keyWithScopes("org_upstreams", "read");

        var response = client.get("/api/v1/progress/cohorts/c1", "X-Api-Key", key);

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:upstream-unavailable");
        assertThat(response.body()).doesNotContain("127.0.0.1").doesNotContain("Connection refused");
    }

    @Test
    void theOtherServicesStillAnswer() {
        String key = keyWithScopes("org_upstreams", "admin");

        var response = client.get("/api/v1/webhooks", "X-Api-Key", key);

        assertThat(response.status()).isEqualTo(200);
        assertThat(NOTIFICATION.received("/api/v1/webhooks")).hasSize(1);
    }

    @Test
    void aServiceThatDiesBeforeAnsweringIs502NotAnInternalError() {
        String key = keyWithScopes("org_upstreams", "read");

        var response = client.get("/api/v1/cohorts/dies-before-answering", "X-Api-Key", key);

        assertThat(response.status()).as(response.body()).isEqualTo(502);
        assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:bad-gateway");
        assertThat(response.body()).doesNotContain("127.0.0.1").doesNotContain("Exception");
    }

    @Test
    void aStreamedAnswerThatBreaksOffIsVisiblyIncompleteToTheClient() {
        String key = keyWithScopes("org_upstreams", "read");

        // The 200 and the first lines were sent; the client must not read the rest as a whole answer.
        assertThatThrownBy(() -> client.get("/api/v1/cohorts/dies-mid-answer", "X-Api-Key", key))
                .isInstanceOf(UncheckedIOException.class);
    }

    /** A loopback port that was free a moment ago: connecting to it is refused. */
    private static int portNobodyListensOn() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /**
     * Keys cannot be verified while Redis is unreachable: a key not seen in the last seconds gets
     * 503 (fails closed on identity, never 401 and never an unchecked pass), within the Redis
     * timeout; a key verified a moment before is remembered (RecentKeys) and keeps working; both
     * work once Redis is back.
     */
    @Test
    void whileRedisIsUnreachableAKeyNotSeenLatelyGets503QuicklyAndWorksAgainAfter() {
        String key = keyWithScopes("org_redis_outage", "admin");
        String unseen = keyWithScopes("org_redis_outage", "admin");
        var before = client.get("/api/v1/webhooks/endpoints", "X-Api-Key", key);
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.headers().firstValue("RateLimit-Remaining")).isPresent();

        redisLink.cut();
        long started = System.nanoTime();
        var during = client.get("/api/v1/webhooks/endpoints", "X-Api-Key", unseen);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        var remembered = client.get("/api/v1/webhooks/endpoints", "X-Api-Key", key);
        redisLink.restore();

        assertThat(during.status()).as(during.body()).isEqualTo(503);
        assertThat(during.problemType()).isEqualTo("urn:ticklist:problem:key-store-unavailable");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(remembered.status()).as(remembered.body()).isEqualTo(200);
        // The request before the cut and the remembered key's (notification-service is the healthy stand-in here).
        assertThat(NOTIFICATION.received("/api/v1/webhooks/endpoints")).hasSize(2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get("/api/v1/webhooks/endpoints", "X-Api-Key", unseen).status() == 200);
    }
}
