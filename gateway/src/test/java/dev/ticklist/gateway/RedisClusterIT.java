package dev.ticklist.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayClient.Response;
import dev.ticklist.gateway.apikey.ApiKeySecret;
import dev.ticklist.testsupport.RealRedisCluster;
import dev.ticklist.testsupport.local.LocalRedisCluster;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a real Redis Cluster of three masters (configured through
 * {@code spring.data.redis.cluster.nodes} alone): API keys are stored, listed, verified and
 * revoked, and each key's token bucket (one Lua script on the key's own slot) limits it, with
 * keys on more than one master and no Redis error. The rate limiter lets requests through when
 * its script fails, so the answers' {@code RateLimit-*} headers and the 429s are what prove it ran.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealRedisCluster
@ExtendWith(OutputCaptureExtension.class)
// A context no other class shares: closed after the class rather than left running beside theirs.
@DirtiesContext
class RedisClusterIT {

    private static final Pattern REDIS_TROUBLE = Pattern.compile(
            "CROSSSLOT|MOVED \\d|ASK \\d|CLUSTERDOWN|TRYAGAIN|NOSCRIPT|not supported in cluster mode"
                    + "|[Pp]ipeline is currently not supported|RedisSystemException|RedisConnectionFailureException"
                    + "|InvalidDataAccessApiUsageException|RedisCommandExecutionException|Could not write an API key to Redis"
                    + "|Unable to connect to 127\\.0\\.0\\.1:1\\b");

    private static final UpstreamStandIn CHECKLIST = UpstreamStandIn.start("checklist-service");
    private static final UpstreamStandIn PROGRESS = UpstreamStandIn.start("progress-service");
    private static final UpstreamStandIn NOTIFICATION = UpstreamStandIn.start("notification-service");

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("ticklist.gateway.checklist-url", CHECKLIST::url);
        registry.add("ticklist.gateway.progress-url", PROGRESS::url);
        registry.add("ticklist.gateway.notification-url", NOTIFICATION::url);
    }

    private final LocalRedisCluster cluster = LocalRedisCluster.shared();

    @LocalServerPort
    int port;
    @Value("${ticklist.gateway.admin-key}")
    String adminKey;
    @Autowired
    RedisConnectionFactory redis;

    GatewayClient gateway;

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
    }

    @AfterEach
    void noRedisTrouble(CapturedOutput output) {
        assertThat(output.getAll().lines().filter(line -> REDIS_TROUBLE.matcher(line).find()).toList())
                .as("log lines telling of Redis Cluster trouble").isEmpty();
    }

    @Test
    void theGatewayTalksToTheClusterNotToAStandaloneRedis() {
        try (var connection = redis.getClusterConnection()) {
            assertThat(connection.clusterGetNodes()).extracting(RedisClusterNode::asString)
                    .containsExactlyInAnyOrderElementsOf(List.of(cluster.nodes().split(",")));
        }
    }

    @Test
    void keysAreStoredVerifiedAndRevokedAndEachKeysBucketLimitsItOnTheCluster() throws Exception {
        // Organisations until their keys' buckets lie on two masters at least.
        var organisations = new ArrayList<Organisation>();
        var bucketMasters = new HashSet<Integer>();
        while (bucketMasters.size() < 2) {
            assertThat(organisations).as("organisations whose buckets lie on one master").hasSizeLessThan(12);
            var organisation = createOrganisation("Academy " + organisations.size());
            organisations.add(organisation);
            bucketMasters.add(cluster.nodeOf(bucket(organisation.keyId())).port());
        }
        var acme = organisations.getFirst();
        var globex = organisations.getLast();

        // The bucket works: headers on every answer, 429 once it is empty, other keys untouched
        // (each key listed itself when its organisation was created: that token may be back yet or not).
        Response first = gateway.get("/api/v1/cohorts", bearer(acme.apiKey()));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue("40");
        assertThat(first.headers().firstValue("RateLimit-Remaining").orElseThrow()).isIn("38", "39");
        var answers = new ArrayList<Response>();
        try (var parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            var pending = new ArrayList<Future<Response>>();
            for (int i = 0; i < 120; i++) {
                pending.add(parallel.submit(() -> gateway.get("/api/v1/cohorts", bearer(acme.apiKey()))));
            }
            for (var answer : pending) {
                answers.add(answer.get());
            }
        }
        Response limited = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no 429 among " + answers.stream().map(Response::status).toList()));
        assertThat(limited.problemType()).isEqualTo("urn:ticklist:problem:rate-limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        Response other = gateway.get("/api/v1/cohorts", bearer(globex.apiKey()));
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.headers().firstValue("RateLimit-Remaining").orElseThrow()).isIn("38", "39");
        // The two buckets (they expire 4 s after their last use) on two masters, each where its slot says.
        for (var organisation : List.of(acme, globex)) {
            var master = cluster.nodeOf(bucket(organisation.keyId()));
            assertThat(cluster.keys(master, "request_rate_limiter.{api." + organisation.keyId() + "}.*"))
                    .as("buckets on " + master.address()).hasSize(2);
        }
        assertThat(cluster.nodeOf(bucket(acme.keyId()))).isNotEqualTo(cluster.nodeOf(bucket(globex.keyId())));

        // Keys issued, listed, verified and revoked through the API.
        var issued = gateway.post("/api/v1/keys", "{\"scopes\":[\"read\"]}", bearer(globex.apiKey()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String readKey = issued.json().path("key").asString();
        String readKeyId = issued.json().path("id").asString();
        assertThat(gateway.get("/api/v1/keys", bearer(globex.apiKey())).json().path("keys").valueStream()
                .map(key -> key.path("id").asString())).contains(globex.keyId(), readKeyId);
        assertThat(gateway.get("/api/v1/cohorts", bearer(readKey)).status()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/keys", bearer(readKey)).status()).isEqualTo(403);
        var revoked = gateway.send("DELETE", "/api/v1/keys/" + readKeyId, null, bearer(globex.apiKey()));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        assertThat(gateway.get("/api/v1/cohorts", bearer(readKey)).status()).isEqualTo(401);
        assertThat(gateway.get("/api/v1/cohorts", bearer(ApiKeySecret.generate().value())).status()).isEqualTo(401);

        // Each key entry and organisation list on the master its slot names.
        for (var organisation : organisations) {
            for (String key : List.of("gateway:{" + organisation.id() + "}:api-keys",
                    "gateway:api-key:" + ApiKeySecret.parse(organisation.apiKey()).orElseThrow().sha256())) {
                var master = cluster.nodeOf(key);
                assertThat(cluster.keys(master, key)).as(key + " on " + master.address()).containsExactly(key);
            }
        }
    }

    /** Spring Cloud Gateway's bucket of a key: {@code request_rate_limiter.{<allowance>.<key id>}.tokens} (and {@code .timestamp}). */
    private static String bucket(String keyId) {
        return "request_rate_limiter.{api." + keyId + "}.tokens";
    }

    private Organisation createOrganisation(String name) {
        var response = gateway.post("/admin/v1/organisations", "{\"name\":\"" + name + "\"}",
                "Authorization", "Bearer " + adminKey);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var json = response.json();
        var organisation = new Organisation(json.get("organisationId").asString(), json.get("apiKey").asString(), null);
        var keys = gateway.get("/api/v1/keys", bearer(organisation.apiKey()));
        assertThat(keys.status()).as(keys.body()).isEqualTo(200);
        Set<String> ids = new HashSet<>();
        keys.json().path("keys").valueStream().forEach(key -> ids.add(key.path("id").asString()));
        assertThat(ids).hasSize(1);
        return new Organisation(organisation.id(), organisation.apiKey(), ids.iterator().next());
    }

    private static String[] bearer(String key) {
        return new String[] {"Authorization", "Bearer " + key};
    }

    private record Organisation(String id, String apiKey, String keyId) {
    }
}
