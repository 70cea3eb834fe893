package dev.ticklist.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.events.Topics;
import dev.ticklist.events.access.ApiKeyIssued;
import dev.ticklist.gateway.GatewayApplication;
import dev.ticklist.gateway.GatewayClient;
import dev.ticklist.gateway.GatewayIntegrationTest;
import dev.ticklist.platform.kafka.EventPublisher;
import dev.ticklist.testsupport.RealInfrastructureInitializer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

class ApiKeyReplayTest extends GatewayIntegrationTest {

    @Autowired
    private ReactiveStringRedisTemplate redis;

    @Autowired
    private EventPublisher publisher;

    @Test
    void aGatewayStartedOnAnEmptyRedisKnowsEveryKeyBeforeItServes() {
        var acme = createOrganisation("Acme Academy");
        var globex = createOrganisation("Globex Academy");
        String acmeEntry = ApiKeyStore.KEY_PREFIX + new ApiKeySecret(acme.apiKey()).sha256();
        var before = entry(acmeEntry);

        assertThat(wipeApiKeys()).isGreaterThanOrEqualTo(2);
        assertThat(gateway.get("/api/v1/cohorts", "X-Api-Key", acme.apiKey()).status()).isEqualTo(401);

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
        assertThat(entry(acmeEntry)).isEqualTo(before);
        assertThat(gateway.get("/api/v1/cohorts", "X-Api-Key", acme.apiKey()).status()).isEqualTo(200);
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
        assertThat(gateway.get("/api/v1/cohorts", "X-Api-Key", platformKey.value()).status()).isEqualTo(401);
        assertThat(entry(ApiKeyStore.KEY_PREFIX + platformKey.sha256())).isEmpty();
    }

    private Map<String, String> entry(String key) {
        return redis.<String, String>opsForHash().entries(key)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
    }

    private long wipeApiKeys() {
        return redis.scan(ScanOptions.scanOptions().match(ApiKeyStore.KEY_PREFIX + "*").count(1000).build())
                .flatMap(redis::delete)
                .reduce(0L, Long::sum)
                .block();
    }
}
