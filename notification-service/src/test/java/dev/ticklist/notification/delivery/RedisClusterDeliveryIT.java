package dev.ticklist.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.events.Topics;
import dev.ticklist.events.milestone.LevelCompleted;
import dev.ticklist.notification.WebhookReceiver;
import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.testsupport.RealRedisCluster;
import dev.ticklist.testsupport.local.LocalRedisCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * notification-service on a real Redis Cluster of three masters (configured through
 * {@code spring.data.redis.cluster.nodes} alone): delivery claims are taken once, kept longer
 * and expire on whichever master their organisation's slot lies, and a milestone reaches its
 * webhook with its claim in the cluster.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.group-id=notification-on-redis-cluster"})
@RealRedisCluster
@ExtendWith(OutputCaptureExtension.class)
// Closed after the class: it folds the same webhook topic as the single-node tests' context and
// would otherwise deliver their messages too, claiming them in another Redis.
@DirtiesContext
class RedisClusterDeliveryIT {

    private static final Pattern REDIS_TROUBLE = Pattern.compile(
            "CROSSSLOT|MOVED \\d|ASK \\d|CLUSTERDOWN|TRYAGAIN|not supported in cluster mode|RedisSystemException"
                    + "|RedisConnectionFailureException|InvalidDataAccessApiUsageException"
                    + "|RedisCommandExecutionException|Could not start due webhook attempts"
                    + "|Unable to connect to 127\\.0\\.0\\.1:1\\b");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalRedisCluster cluster = LocalRedisCluster.shared();

    @LocalServerPort
    int port;
    @Autowired
    IdentityTokens identityTokens;
    @Autowired
    DeliveryClaims claims;
    @Autowired
    EventPublisher publisher;
    @Autowired
    StringRedisTemplate redis;

    @AfterEach
    void noRedisTrouble(CapturedOutput output) {
        assertThat(output.getAll().lines().filter(line -> REDIS_TROUBLE.matcher(line).find()).toList())
                .as("log lines telling of Redis Cluster trouble").isEmpty();
    }

    @Test
    void theServiceTalksToTheClusterNotToAStandaloneRedis() {
        try (var connection = redis.getRequiredConnectionFactory().getClusterConnection()) {
            assertThat(connection.clusterGetNodes()).extracting(RedisClusterNode::asString)
                    .containsExactlyInAnyOrderElementsOf(List.of(cluster.nodes().split(",")));
        }
    }

    @Test
    void aClaimIsTakenOnceKeptLongerAndLiesOnItsOrganisationsMaster() {
        // One organisation per master.
        var masters = new HashSet<Integer>();
        for (int i = 0; masters.size() < cluster.masters().size(); i++) {
            assertThat(i).as("organisations tried").isLessThan(200);
            String organisation = "org-" + UUID.randomUUID();
            var master = cluster.nodeOf(claimKey(organisation, "msg_1", 1));
            if (!masters.add(master.port())) {
                continue;
            }
            assertThat(claims.claim(organisation, "msg_1", 1, Duration.ofSeconds(30))).isTrue();
            assertThat(claims.claim(organisation, "msg_1", 1, Duration.ofSeconds(30))).as("claimed twice").isFalse();
            assertThat(claims.claim(organisation, "msg_1", 2, Duration.ofSeconds(30))).as("the next attempt").isTrue();
            assertThat(cluster.keys(master, "webhook:{" + organisation + "}:*")).containsExactlyInAnyOrder(
                    claimKey(organisation, "msg_1", 1), claimKey(organisation, "msg_1", 2));
            assertThat(cluster.pttl(master, claimKey(organisation, "msg_1", 1)))
                    .isBetween(1L, 30_000L);

            claims.extend(organisation, "msg_1", 1, Duration.ofMinutes(5));
            assertThat(cluster.pttl(master, claimKey(organisation, "msg_1", 1)))
                    .isGreaterThan(30_000L);

            // An expired claim may be taken again (an instance that died mid-attempt).
            assertThat(claims.claim(organisation, "msg_2", 1, Duration.ofMillis(1))).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> claims.claim(organisation, "msg_2", 1, Duration.ofSeconds(30)));
        }
    }

    @Test
    void aMilestoneIsDeliveredWithItsClaimInTheCluster() {
        String organisation = "org-" + UUID.randomUUID();
        try (var receiver = WebhookReceiver.start()) {
            var created = post(organisation, "/api/v1/webhooks/endpoints",
                    "{\"url\":\"" + receiver.url() + "\",\"description\":\"on a cluster\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String endpointId = JSON.readTree(created.body()).path("id").asString();

            publisher.publish(Topics.MILESTONES, "evt-" + UUID.randomUUID(),
                    new LevelCompleted(organisation, "coh-1", "ada", "machine-learning", 1, "entry", 25));

            await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
            String messageId = receiver.received().getFirst().header("webhook-id");
            String claim = claimKey(organisation, messageId, 1);
            var master = cluster.nodeOf(claim);
            assertThat(cluster.keys(master, claim)).as(claim + " on " + master.address()).containsExactly(claim);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode message = JSON.readTree(get(organisation,
                        "/api/v1/webhooks/endpoints/" + endpointId + "/messages/" + messageId).body());
                assertThat(message.path("status").asString()).isEqualTo("delivered");
            });
        }
    }

    private static String claimKey(String organisation, String messageId, int attempt) {
        return "webhook:{" + organisation + "}:claim:" + messageId + ":" + attempt;
    }

    private HttpResponse<String> get(String organisation, String path) {
        return send(request(organisation, path).GET());
    }

    private HttpResponse<String> post(String organisation, String path, String json) {
        return send(request(organisation, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String organisation, String path) {
        String token = identityTokens.issue(organisation, Set.of(Scope.ADMIN), "notification-service");
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try (var http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
