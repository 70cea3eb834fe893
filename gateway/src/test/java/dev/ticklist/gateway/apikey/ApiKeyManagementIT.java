package dev.ticklist.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayClient.Response;
import dev.ticklist.gateway.GatewayIT;
import dev.ticklist.events.access.ApiKeyIssued;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An organisation manages its own keys through the API, with an admin-scoped key. */
class ApiKeyManagementIT extends GatewayIT {

    @Test
    void anAdminIssuesAReadKeyThatIsShownOnceListedByPrefixAndCanOnlyRead() {
        var acme = createOrganisation("Acme Academy");

        Response issued = gateway.post("/api/v1/keys", "{\"scopes\":[\"read\"]}", bearer(acme.apiKey()));

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode key = issued.json();
        String readKey = key.path("key").asString();
        assertThat(readKey).startsWith("tk_").startsWith(key.path("prefix").asString());
        assertThat(issued.headers().firstValue("Location").orElse(null)).isEqualTo("/api/v1/keys/" + key.path("id").asString());
        Response listed = gateway.get("/api/v1/keys", bearer(acme.apiKey()));
        assertThat(listed.json().path("keys").valueStream().map(k -> k.path("id").asString()))
                .contains(key.path("id").asString());
        assertThat(listed.body()).doesNotContain(readKey).doesNotContain(ApiKeySecret.parse(readKey).orElseThrow().sha256());

        assertThat(gateway.get("/api/v1/cohorts", bearer(readKey)).status()).isEqualTo(200);
        assertThat(gateway.post("/api/v1/cohorts", "{}", bearer(readKey)).problemType())
                .isEqualTo("urn:ticklist:problem:forbidden");
        assertThat(gateway.get("/api/v1/keys", bearer(readKey)).status()).isEqualTo(403);
        assertThat(gateway.post("/api/v1/keys", "{\"scopes\":[\"admin\"]}", bearer(readKey)).status()).isEqualTo(403);
    }

    @Test
    void aRevokedKeyGetsTheAnswerOfAnUnknownOneAndLeavesTheList() {
        var acme = createOrganisation("Acme Academy");
        JsonNode key = gateway.post("/api/v1/keys", "{\"scopes\":[\"read\",\"write\"]}", bearer(acme.apiKey())).json();
        String secret = key.path("key").asString();
        Response unknown = gateway.get("/api/v1/cohorts", bearer(ApiKeySecret.generate().value()));
        // Used a moment before: remembered (RecentKeys), and forgotten by the revocation all the same.
        assertThat(gateway.get("/api/v1/cohorts", bearer(secret)).status()).isEqualTo(200);

        Response revoked = gateway.send("DELETE", "/api/v1/keys/" + key.path("id").asString(), null,
                bearer(acme.apiKey()));

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        Response refused = gateway.get("/api/v1/cohorts", bearer(secret));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo(unknown.body());
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElse(null)).isEqualTo(unknown.headers().firstValue("WWW-Authenticate").orElse(null));
        assertThat(gateway.get("/api/v1/keys", bearer(acme.apiKey())).json().path("keys").valueStream()
                .map(k -> k.path("id").asString())).doesNotContain(key.path("id").asString());
        assertThat(gateway.send("DELETE", "/api/v1/keys/" + key.path("id").asString(), null, bearer(acme.apiKey()))
                .problemType()).isEqualTo("urn:ticklist:problem:not-found");

        // Another gateway replaying the access topic from its start writes the issue again first.
        apiKeyStore.save(new ApiKeyIssued(acme.id(), key.path("id").asString(), key.path("prefix").asString(),
                ApiKeySecret.parse(secret).orElseThrow().sha256(), Set.of("read", "write")), Instant.now()).block();
        assertThat(gateway.get("/api/v1/cohorts", bearer(secret)).status()).isEqualTo(401);
        assertThat(gateway.get("/api/v1/keys", bearer(acme.apiKey())).body()).doesNotContain(key.path("id").asString());
    }

    @Test
    void anEncodedPathCostsATokenToo() {
        var acme = createOrganisation("Acme Academy");
        Response plain = gateway.get("/api/v1/cohorts", bearer(acme.apiKey()));
        long between = System.nanoTime();

        Response encoded = gateway.get("/%61pi/v1/cohorts", bearer(acme.apiKey()));

        // The bucket refills 20 tokens a second: allow for the time between the two answers.
        long refilled = (long) Math.ceil(20 * (System.nanoTime() - between) / 1e9);
        long before = Long.parseLong(plain.headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertThat(Long.parseLong(encoded.headers().firstValue("RateLimit-Remaining").orElseThrow()))
                .isLessThanOrEqualTo(Math.min(39, before + refilled - 1));
    }

    @Test
    void anotherOrganisationsKeysCanBeNeitherSeenNorRevoked() {
        var acme = createOrganisation("Acme Academy");
        var globex = createOrganisation("Globex Institute");
        JsonNode theirs = gateway.post("/api/v1/keys", "{\"scopes\":[\"read\"]}", bearer(globex.apiKey())).json();

        Response attempt = gateway.send("DELETE", "/api/v1/keys/" + theirs.path("id").asString(), null,
                bearer(acme.apiKey()));

        assertThat(attempt.status()).isEqualTo(404);
        assertThat(gateway.get("/api/v1/keys", bearer(acme.apiKey())).body()).doesNotContain(theirs.path("id").asString());
        assertThat(gateway.get("/api/v1/cohorts", bearer(theirs.path("key").asString())).status()).isEqualTo(200);
    }

    @Test
    void aKeyRequestWithoutValidScopesIsAProblemAndIssuesNothing() {
        var acme = createOrganisation("Acme Academy");
        int before = gateway.get("/api/v1/keys", bearer(acme.apiKey())).json().path("keys").size();

        assertThat(gateway.post("/api/v1/keys", "{\"scopes\":[]}", bearer(acme.apiKey())).problemType())
                .isEqualTo("urn:ticklist:problem:invalid-request");
        Response platform = gateway.post("/api/v1/keys", "{\"scopes\":[\"platform\"]}", bearer(acme.apiKey()));
        assertThat(platform.status()).isEqualTo(400);
        assertThat(platform.json().path("detail").asString()).contains("platform");
        assertThat(gateway.post("/api/v1/keys", "{\"scopes\":", bearer(acme.apiKey())).status()).isEqualTo(400);

        assertThat(gateway.get("/api/v1/keys", bearer(acme.apiKey())).json().path("keys").size()).isEqualTo(before);
    }

    @Test
    void aKeyThatEmptiesItsBucketGets429WithRetryAfterWhileAnotherOrganisationIsNotSlowed() throws Exception {
        var acme = createOrganisation("Acme Academy");
        var globex = createOrganisation("Globex Institute");

        Response first = gateway.get("/api/v1/cohorts", bearer(acme.apiKey()));
        // 120 at once: however slow this machine, far more than the bucket (40) and its refill (20/s).
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
        Response other = gateway.get("/api/v1/cohorts", bearer(globex.apiKey()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Limit").orElse(null)).isEqualTo("40");
        assertThat(first.headers().firstValue("RateLimit-Remaining").orElse(null)).isEqualTo("39");
        Response limited = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
        assertThat(limited.problemType()).isEqualTo("urn:ticklist:problem:rate-limited");
        assertThat(limited.headers().firstValue("Retry-After").orElse(null)).isEqualTo("1");
        assertThat(limited.headers().firstValue("RateLimit-Remaining").orElse(null)).isEqualTo("0");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.headers().firstValue("RateLimit-Remaining").orElse(null)).isEqualTo("39");
    }

    private static String[] bearer(String key) {
        return new String[] {"Authorization", "Bearer " + key};
    }
}
