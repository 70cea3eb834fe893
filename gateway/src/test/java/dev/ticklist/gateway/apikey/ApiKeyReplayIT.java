package dev.ticklist.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.events.Topics;
import dev.ticklist.events.access.ApiKeyIssued;
import dev.ticklist.gateway.GatewayApplication;
import dev.ticklist.gateway.GatewayClient;
import dev.ticklist.gateway.GatewayIT;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.testsupport.RealInfrastructureInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import tools.jackson.databind.JsonNode;

class ApiKeyReplayIT extends GatewayIT {

    @Autowired
    private ReactiveStringRedisTemplate redis;

    @Autowired
    private EventPublisher publisher;

    @Autowired
    private MeterRegistry meters;

    @Test
    void aRedisThatLostEveryKeyIsRefilledWithoutARestartAndRefusesNoKeyMeanwhile() {
        var acme = createOrganisation("Acme Academy");
        var globex = createOrganisation("Globex Academy");
        JsonNode spare = gateway.post("/api/v1/keys", "{\"scopes\":[\"read\"]}", "X-Api-Key", acme.apiKey()).json();
        assertThat(gateway.send("DELETE", "/api/v1/keys/" + spare.path("id").asString(), null,
                "X-Api-Key", acme.apiKey()).status()).isEqualTo(204);
        String acmeEntry = ApiKeyStore.KEY_PREFIX + new ApiKeySecret(acme.apiKey()).sha256();
        var before = entry(acmeEntry);
        double rebuildsBefore = meters.counter("ticklist.gateway.key-table.rebuilds").count();

        // Wiped under the running gateway until one answer shows the rebuild (the check runs every second).
        // Globex's key was not used lately, so it is looked up in Redis; Acme's, used just before, is remembered.
        var answers = new ArrayList<GatewayClient.Response>();
        var remembered = new ArrayList<Integer>();
        for (int wipe = 0; wipe < 5 && answers.stream().noneMatch(answer -> answer.status() == 503); wipe++) {
            redis.execute(connection -> connection.serverCommands().flushAll()).blockLast();
            long wiped = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
                remembered.add(gateway.get("/api/v1/cohorts", "X-Api-Key", acme.apiKey()).status());
                var answer = gateway.get("/api/v1/cohorts", "X-Api-Key", globex.apiKey());
                answers.add(answer);
                return answer.status() == 200;
            });
            System.out.printf("API keys back %d ms after the wipe%n", (System.nanoTime() - wiped) / 1_000_000);
        }

        assertThat(answers).extracting(GatewayClient.Response::status).containsOnly(503, 200).contains(503);
        assertThat(remembered).isSubsetOf(503, 200);
        answers.stream().filter(answer -> answer.status() == 503).forEach(answer -> {
            assertThat(answer.problemType()).isEqualTo("urn:ticklist:problem:keys-rebuilding");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
        });
        assertThat(gateway.get("/api/v1/cohorts", "X-Api-Key", globex.apiKey()).status()).isEqualTo(200);
        assertThat(entry(acmeEntry)).isEqualTo(before);
        // Rebuilt in the order things happened: a revoked key stays refused, an unknown one too.
        assertThat(gateway.get("/api/v1/cohorts", "X-Api-Key", spare.path("key").asString()).status()).isEqualTo(401);
        assertThat(gateway.get("/api/v1/cohorts", "X-Api-Key", ApiKeySecret.generate().value()).status())
                .isEqualTo(401);
        assertThat(meters.counter("ticklist.gateway.key-table.rebuilds").count()).isGreaterThan(rebuildsBefore);
    }

    @Test
    void aGatewayStartedOnAnEmptyRedisKnowsEveryKeyBeforeItServes() {
        var acme = createOrganisation("Acme Academy");
        var globex = createOrganisation("Globex Academy");
        assertThat(wipeApiKeys()).isGreaterThanOrEqualTo(2);

        // Another instance (or this one restarted): it replays the access topic before it serves.
        try (var restarted = new SpringApplicationBuilder(GatewayApplication.class)
                .initializers(new RealInfrastructureInitializer())
                .run("--server.port=0",
                        "--ticklist.gateway.checklist-url=" + CHECKLIST.url(),
                        "--ticklist.gateway.progress-url=" + PROGRESS.url(),
                        "--ticklist.gateway.notification-url=" + NOTIFICATION.url())) {
            var restartedGateway = new GatewayClient(
                    Integer.parseInt(restarted.getEnvironment().getRequiredProperty("local.server.port")));

            assertThat(restartedGateway.get("/api/v1/cohorts", "X-Api-Key", acme.apiKey()).status()).isEqualTo(200);
            assertThat(restartedGateway.get("/api/v1/cohorts", "X-Api-Key", globex.apiKey()).status()).isEqualTo(200);
        }
        // This instance saw the wipe too: it answers 503 until its own check finds the table whole, never 401.
        var answers = new ArrayList<Integer>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            answers.add(gateway.get("/api/v1/cohorts", "X-Api-Key", acme.apiKey()).status());
            return answers.getLast() == 200;
        });
        assertThat(answers).isSubsetOf(503, 200);
    }

    @Test
    void aKeyIssuedByAnotherInstanceArrivesThroughTheTopic() {
        var secret = ApiKeySecret.generate();
        var issuedElsewhere = new ApiKeyIssued("org_elsewhere", "key_elsewhere" + secret.sha256().substring(0, 8),
                secret.displayPrefix(), secret.sha256(), Set.of("read"));

        publisher.publish(Topics.ACCESS, issuedElsewhere);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(gateway.get("/api/v1/cohorts", "X-Api-Key", secret.value()).status()).isEqualTo(200));
    }

    @Test
    void anEventThatGrantsTooMuchIsSkippedAndLaterKeysStillArrive() {
        var platformKey = ApiKeySecret.generate();
        var readKey = ApiKeySecret.generate();

        publisher.publish(Topics.ACCESS, new ApiKeyIssued("org_elsewhere", "key_platform",
                platformKey.displayPrefix(), platformKey.sha256(), Set.of("platform")));
        publisher.publish(Topics.ACCESS, new ApiKeyIssued("org_elsewhere", "key_read",
                readKey.displayPrefix(), readKey.sha256(), Set.of("read")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(gateway.get("/api/v1/cohorts", "X-Api-Key", readKey.value()).status()).isEqualTo(200));
        // 503 while the table may still be rebuilding after another test's wipe, then 401; never 200.
        var statuses = new ArrayList<Integer>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            statuses.add(gateway.get("/api/v1/cohorts", "X-Api-Key", platformKey.value()).status());
            return statuses.getLast() == 401;
        });
        assertThat(statuses).isSubsetOf(503, 401);
        assertThat(entry(ApiKeyStore.KEY_PREFIX + platformKey.sha256())).isEmpty();
    }

    private Map<String, String> entry(String key) {
        return redis.<String, String>opsForHash().entries(key)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
    }

    /** Everything the key table holds, its marker included: what a Redis restarted empty holds. */
    private long wipeApiKeys() {
        return redis.scan(ScanOptions.scanOptions().match("gateway:*").count(1000).build())
                .flatMap(redis::delete)
                .reduce(0L, Long::sum)
                .block();
    }
}
