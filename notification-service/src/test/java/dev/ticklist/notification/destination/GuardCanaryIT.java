package dev.ticklist.notification.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.notification.ServiceIT;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.RealInfrastructure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The guard as production runs it (no insecure allowance): a loopback canary, disguised in every
 * way we know, is never connected to, neither at registration nor when DNS changes afterwards.
 * Its own context (this class's {@code @SpringBootTest} replaces the base class's), closed afterwards
 * so it never makes attempts for other tests' endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ticklist.webhooks.allow-insecure-local=false")
@RealInfrastructure
@DirtiesContext
class GuardCanaryIT extends ServiceIT {

    private static final String HOOKS = "hooks.example.test";
    private static final InetAddress PUBLIC = address(203, 0, 113, 10); // TEST-NET-3
    private static final InetAddress LOOPBACK = address(127, 0, 0, 1);

    @Autowired
    private TableResolver resolver;
    @Value("${ticklist.webhooks.allow-insecure-local}")
    private boolean allowInsecureLocal;

    private Canary canary;

    @BeforeEach
    void startCanary() throws IOException {
        assertThat(allowInsecureLocal).as("this test needs the production setting").isFalse();
        resolver.answer(PUBLIC);
        canary = new Canary();
    }

    @AfterEach
    void stopCanary() throws IOException {
        canary.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://127.0.0.1:%d/",
            "https://localhost:%d/",
            "https://2130706433:%d/",
            "https://0x7f000001:%d/",
            "https://[::ffff:127.0.0.1]:%d/",
            "https://[::1]:%d/",
            "http://" + HOOKS + ":%d/",
            "https://0177.0.0.1:%d/",
    })
    void registeringADisguisedLoopbackAddressIsRefusedWithoutConnecting(String disguise) {
        String organisation = newOrganisation();

        post(organisation, ENDPOINTS, Map.of("url", disguise.formatted(canary.port())))
                .isProblem(400, "urn:ticklist:problem:webhook-url-refused");

        assertThat(get(organisation, ENDPOINTS).body().path("endpoints")).isEmpty();
        assertThat(canary.connections()).isZero();
    }

    @Test
    void aNameThatResolvesToLoopbackAfterRegistrationIsRefusedAtDelivery() {
        String organisation = newOrganisation();
        String endpoint = ENDPOINTS + "/" + register(organisation,
                "https://" + HOOKS + ":" + canary.port() + "/hook").path("id").asString();
        // Nothing is queued for a new organisation's endpoint until the test message below, so no
        // attempt can have seen the public answer. Even if one had, 203.0.113.10 exists only in this
        // table: the sender resolves through the system's DNS, where .test names (RFC 6761) do not
        // resolve, so no connection to 203.0.113.10 (or anywhere but the canary) can happen.
        resolver.answer(LOOPBACK);
        try {
            var queued = post(organisation, endpoint + "/messages/test", "");
            assertThat(queued.status()).as(queued.text()).isEqualTo(202);
            String message = endpoint + "/messages/" + queued.body().path("id").asString();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(get(organisation, message).body().path("attempts").findValuesAsString("outcome"))
                            .contains("refused"));
            assertThat(canary.connections()).isZero();
        } finally {
            // No instance, this one or another test's, may attempt its remaining retries later.
            send(request(endpoint).header("Authorization", "Bearer " + token(organisation, Scope.ADMIN)).DELETE());
        }
    }

    /** DNS as a fixed table: {@value #HOOKS} answers what the test says, every other name is unknown. */
    static final class TableResolver implements HostResolver {

        private volatile InetAddress hooks;

        void answer(InetAddress address) {
            hooks = address;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            if (!host.equals(HOOKS)) {
                throw new UnknownHostException(host);
            }
            return List.of(hooks);
        }
    }

    /**
     * {@code @Primary}: WebhookConfiguration's {@code @ConditionalOnMissingBean} is decided before this
     * configuration's beans exist, so its system resolver is registered too.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class TableResolverConfiguration {

        @Bean
        @Primary
        TableResolver tableResolver() {
            return new TableResolver();
        }
    }

    /** A server on 127.0.0.1 that only counts the connections made to it. */
    private static final class Canary implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, LOOPBACK);
        private final AtomicInteger connections = new AtomicInteger();

        Canary() throws IOException {
            Thread.ofPlatform().daemon().name("canary").start(() -> {
                while (!server.isClosed()) {
                    try (Socket accepted = server.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static InetAddress address(int... bytes) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) bytes[0], (byte) bytes[1], (byte) bytes[2],
                    (byte) bytes[3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
