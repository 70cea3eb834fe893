package dev.ticklist.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayClient.Response;
import dev.ticklist.gateway.GatewayIT;
import dev.ticklist.platform.identity.IdentityTokens;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

class ApiKeyAuthenticationIT extends GatewayIT {

    @Autowired
    private IdentityTokens identityTokens;

    @Autowired
    private ReactiveStringRedisTemplate redis;

    @Test
    void aServiceReceivesTheKeysOrganisationAsAVerifiedIdentityAndNothingTheClientForged() {
        var acme = createOrganisation("Acme Academy");

        var response = gateway.get("/api/v1/cohorts?page=2",
                "Authorization", "Bearer " + acme.apiKey(),
                "X-Api-Key", acme.apiKey(),
                "X-Ticklist-Organisation", "org_someoneelse",
                "x-ticklist-scopes", "platform",
                "X-TICKLIST-IDENTITY", "forged");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(CHECKLIST.received("/api/v1/cohorts?page=2")).singleElement().satisfies(request -> {
            var identity = identityTokens.decoder("checklist-service").decode(request.bearerToken());
            assertThat(identity.getClaimAsString(IdentityTokens.ORGANISATION_CLAIM)).isEqualTo(acme.id());
            assertThat(identity.getClaimAsString("scope")).isEqualTo("admin read write");
            assertThat(request.headers().keySet())
                    .noneMatch(header -> header.toLowerCase(Locale.ROOT).startsWith("x-ticklist-"))
                    .noneMatch(header -> header.equalsIgnoreCase("X-Api-Key"));
            assertThat(request.headers().get("Authorization")).hasSize(1);
            assertThat(request.headers().toString()).doesNotContain(acme.apiKey()).doesNotContain("org_someoneelse");
        });
    }

    @Test
    void theKeyMayComeInTheXApiKeyHeader() {
        var acme = createOrganisation("Acme Academy");

        var response = gateway.get("/api/v1/cohorts", "X-Api-Key", acme.apiKey());

        assertThat(response.status()).isEqualTo(200);
        var identity = identityTokens.decoder("checklist-service").decode(CHECKLIST.received("/api/v1/cohorts").getFirst().bearerToken());
        assertThat(identity.getClaimAsString(IdentityTokens.ORGANISATION_CLAIM)).isEqualTo(acme.id());
        // checklist-service asks progress-service on the caller's behalf (a learner's Markdown export).
        assertThat(identity.getAudience()).containsExactly("checklist-service", "progress-service");
        assertThat(identity.getHeaders()).containsEntry("alg", "ES256");
    }

    @Test
    void noKeyAMalformedKeyAndAnUnknownKeyGetTheSameProblem() {
        var acme = createOrganisation("Acme Academy");
        String path = "/api/v1/cohorts";

        var none = gateway.get(path);
        var responses = List.of(none,
                gateway.get(path, "Authorization", "Bearer not-a-key"),
                gateway.get(path, "Authorization", "Basic dXNlcjpwYXNzd29yZA=="),
                gateway.get(path, "X-Api-Key", acme.apiKey().substring(0, 20)),
                gateway.get(path, "Authorization", "Bearer " + ApiKeySecret.generate().value()),
                gateway.get(path, "X-Api-Key", acme.apiKey() + "x"),
                gateway.get(path, "Authorization", "Bearer " + acme.apiKey(), "X-Api-Key", ApiKeySecret.generate().value()));

        for (Response response : responses) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:unauthenticated");
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"ticklist\"");
            assertThat(response.body()).isEqualTo(none.body());
        }
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void aKeyCanNeverActAsThePlatform() {
        var secret = ApiKeySecret.generate();
        redis.<String, String>opsForHash().putAll(ApiKeyStore.KEY_PREFIX + secret.sha256(), Map.of(
                "organisationId", "org_sneaky", "keyId", "key_sneaky", "prefix", secret.displayPrefix(),
                "scopes", "platform read")).block();

        var response = gateway.get("/api/v1/cohorts", "X-Api-Key", secret.value());

        assertThat(response.status()).isEqualTo(401);
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void aReadKeyReadsButDoesNotWrite() {
        String readKey = keyWithScopes("org_readers", "read");

        var read = gateway.get("/api/v1/cohorts", "X-Api-Key", readKey);
        var write = gateway.post("/api/v1/cohorts", "{\"name\":\"Spring\"}", "X-Api-Key", readKey);
        var webhooks = gateway.get("/api/v1/webhooks", "X-Api-Key", readKey);

        assertThat(read.status()).isEqualTo(200);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.problemType()).isEqualTo("urn:ticklist:problem:forbidden");
        assertThat(webhooks.status()).isEqualTo(403);
        assertThat(receivedUpstream()).extracting(request -> request.method() + " " + request.pathAndQuery())
                .containsExactly("GET /api/v1/cohorts");
    }

    @Test
    void aWriteKeyReadsAndWritesButDoesNotManageWebhooks() {
        String writeKey = keyWithScopes("org_writers", "write");

        var read = gateway.get("/api/v1/progress/cohorts/c1", "X-Api-Key", writeKey);
        var write = gateway.send("DELETE", "/api/v1/cohorts/c1/learners/ada", null, "X-Api-Key", writeKey);
        var webhooks = gateway.post("/api/v1/webhooks/endpoints", "{}", "X-Api-Key", writeKey);

        assertThat(read.status()).isEqualTo(200);
        assertThat(write.status()).isEqualTo(200);
        assertThat(webhooks.status()).isEqualTo(403);
        assertThat(webhooks.problemType()).isEqualTo("urn:ticklist:problem:forbidden");
        assertThat(NOTIFICATION.received()).isEmpty();
    }

    @Test
    void anAdminKeyManagesWebhooks() {
        String adminScopedKey = keyWithScopes("org_admins", "admin");

        var webhooks = gateway.post("/api/v1/webhooks/endpoints", "{\"url\":\"https://example.org\"}",
                "X-Api-Key", adminScopedKey);

        assertThat(webhooks.status()).isEqualTo(200);
        assertThat(NOTIFICATION.received("/api/v1/webhooks/endpoints")).singleElement()
                .satisfies(request -> assertThat(request.body()).isEqualTo("{\"url\":\"https://example.org\"}"));
    }
}
