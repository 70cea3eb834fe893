package dev.ticklist.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.access.ApiKeyIssued;
import dev.ticklist.gateway.apikey.ApiKeySecret;
import dev.ticklist.gateway.apikey.ApiKeyStore;
import dev.ticklist.testsupport.RealInfrastructure;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port with a real broker and Redis, and stand-ins for the three
 * services. Every test class extends this unchanged, so they all share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class GatewayIT {

    protected static final UpstreamStandIn CHECKLIST = UpstreamStandIn.start("checklist-service");
    protected static final UpstreamStandIn PROGRESS = UpstreamStandIn.start("progress-service");
    protected static final UpstreamStandIn NOTIFICATION = UpstreamStandIn.start("notification-service");

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("ticklist.gateway.checklist-url", CHECKLIST::url);
        registry.add("ticklist.gateway.progress-url", PROGRESS::url);
        registry.add("ticklist.gateway.notification-url", NOTIFICATION::url);
    }

    @LocalServerPort
    private int port;

    @Value("${ticklist.gateway.admin-key}")
    protected String adminKey;

    @Autowired
    protected ApiKeyStore apiKeyStore;

    protected GatewayClient gateway;

    @BeforeEach
    void freshUpstreams() {
        gateway = new GatewayClient(port);
        Stream.of(CHECKLIST, PROGRESS, NOTIFICATION).forEach(UpstreamStandIn::reset);
    }

    /** Every request any service received since the test began. */
    protected static List<UpstreamStandIn.Received> receivedUpstream() {
        return Stream.of(CHECKLIST, PROGRESS, NOTIFICATION).flatMap(upstream -> upstream.received().stream()).toList();
    }

    /** Creates an organisation through the admin API; forgets what that sent upstream. */
    protected Organisation createOrganisation(String name) {
        var response = gateway.post("/admin/v1/organisations", "{\"name\":\"" + name + "\"}",
                "Authorization", "Bearer " + adminKey);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var json = response.json();
        CHECKLIST.reset();
        return new Organisation(json.get("organisationId").asString(), json.get("apiKey").asString());
    }

    /** A key with just these scopes, as if an {@link ApiKeyIssued} event had been applied. */
    protected String keyWithScopes(String organisationId, String... scopes) {
        var secret = ApiKeySecret.generate();
        apiKeyStore.save(new ApiKeyIssued(organisationId, "key_test" + secret.sha256().substring(0, 8),
                secret.displayPrefix(), secret.sha256(), Set.of(scopes)), java.time.Instant.now()).block();
        return secret.value();
    }

    protected record Organisation(String id, String apiKey) {
    }
}
