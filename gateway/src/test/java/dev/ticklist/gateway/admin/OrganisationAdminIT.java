package dev.ticklist.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayIT;
import dev.ticklist.gateway.apikey.ApiKeySecret;
import dev.ticklist.gateway.apikey.ApiKeyStore;
import dev.ticklist.platform.identity.IdentityTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import tools.jackson.databind.json.JsonMapper;

class OrganisationAdminIT extends GatewayIT {

    private static final String ORGANISATIONS = "/admin/v1/organisations";

    @Autowired
    private IdentityTokens identityTokens;

    @Autowired
    private ReactiveStringRedisTemplate redis;

    @Test
    void creatingAnOrganisationRecordsItInTheDirectoryAndIssuesItsFirstKey() {
        var response = gateway.post(ORGANISATIONS, "{\"name\":\"Acme Academy\"}", "Authorization", "Bearer " + adminKey);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var created = response.json();
        String organisationId = created.get("organisationId").asString();
        String apiKey = created.get("apiKey").asString();
        assertThat(organisationId).matches("org_[a-z2-7]{20}");
        assertThat(created.get("name").asString()).isEqualTo("Acme Academy");
        assertThat(apiKey).matches("tk_[A-Za-z0-9_-]{43}");
        assertThat(created.get("keyId").asString()).matches("key_[a-z2-7]{20}");
        assertThat(created.get("keyPrefix").asString()).isEqualTo(apiKey.substring(0, 8));
        assertThat(created.get("scopes").values()).extracting(node -> node.asString())
                .containsExactly("admin", "read", "write");

        var directory = CHECKLIST.received("/internal/organisations");
        assertThat(directory).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(JsonMapper.builder().build().readValue(request.body(), Map.class))
                    .isEqualTo(Map.of("organisationId", organisationId, "name", "Acme Academy"));
            var identity = identityTokens.decoder("checklist-service").decode(request.bearerToken());
            assertThat(identity.getClaimAsString(IdentityTokens.ORGANISATION_CLAIM)).isEqualTo(organisationId);
            assertThat(identity.getClaimAsString("scope")).isEqualTo("platform");
        });

        Map<String, String> entry = redis.<String, String>opsForHash()
                .entries(ApiKeyStore.KEY_PREFIX + new ApiKeySecret(apiKey).sha256())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
        assertThat(entry).containsEntry("organisationId", organisationId)
                .containsEntry("keyId", created.get("keyId").asString())
                .containsEntry("scopes", "admin read write");
        assertThat(entry.values()).noneMatch(value -> value.contains(apiKey));
    }

    @Test
    void aWrongOrMissingAdminKeyIsRefusedAndNothingHappens() {
        String body = "{\"name\":\"Intruder Inc\"}";
        var wrong = gateway.post(ORGANISATIONS, body, "Authorization", "Bearer " + adminKey + "x");
        var missing = gateway.post(ORGANISATIONS, body);
        var otherHeader = gateway.post(ORGANISATIONS, body, "X-Api-Key", adminKey);
        var otherScheme = gateway.post(ORGANISATIONS, body, "Authorization", "Basic " + adminKey);

        for (var response : List.of(wrong, missing, otherHeader, otherScheme)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:unauthenticated");
            assertThat(response.body()).isEqualTo(missing.body());
        }
        assertThat(receivedUpstream()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"\"}", "{\"name\":\"   \"}", "{}", "{\"name\":null}", "not json", ""})
    void anOrganisationNeedsAName(String body) {
        var response = gateway.post(ORGANISATIONS, body, "Authorization", "Bearer " + adminKey);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:invalid-request");
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void aNameHasAtMost200Characters() {
        var tooLong = gateway.post(ORGANISATIONS, "{\"name\":\"" + "a".repeat(201) + "\"}",
                "Authorization", "Bearer " + adminKey);
        var longest = gateway.post(ORGANISATIONS, "{\"name\":\"" + "a".repeat(200) + "\"}",
                "Authorization", "Bearer " + adminKey);

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).isEqualTo("name must be at most 200 characters");
        assertThat(longest.status()).isEqualTo(201);
    }

    @Test
    void whenTheDirectoryRefusesNoKeyIsIssued() {
        CHECKLIST.answerOrganisationsWith(500);

        var response = gateway.post(ORGANISATIONS, "{\"name\":\"Refused Ltd\"}", "Authorization", "Bearer " + adminKey);

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:checklist-service-refused");
        String organisationId = (String) JsonMapper.builder().build()
                .readValue(CHECKLIST.received("/internal/organisations").getFirst().body(), Map.class)
                .get("organisationId");
        var entries = redis.scan(ScanOptions.scanOptions().match(ApiKeyStore.KEY_PREFIX + "*").build())
                .flatMap(key -> redis.<String, String>opsForHash().get(key, "organisationId"))
                .collectList().block();
        assertThat(entries).doesNotContain(organisationId);
    }
}
