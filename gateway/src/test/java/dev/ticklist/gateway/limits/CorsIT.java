package dev.ticklist.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayClient.Response;
import dev.ticklist.gateway.GatewayIT;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared context allows one dashboard origin, https://dashboard.example.org (test application.properties). */
class CorsIT extends GatewayIT {

    private static final String DASHBOARD = "https://dashboard.example.org";
    private static final String ELSEWHERE = "https://elsewhere.example.com";

    @Test
    void aDashboardsPreflightIsAnsweredWithoutAKeyAndNothingIsForwarded() {
        var preflight = preflight("/api/v1/cohorts/c1/learners", DASHBOARD, "POST",
                "authorization, content-type, idempotency-key, x-api-key");

        assertThat(preflight.status()).as(preflight.body()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
        assertThat(list(preflight, "Access-Control-Allow-Methods")).contains("GET", "POST", "PUT", "PATCH", "DELETE");
        assertThat(list(preflight, "Access-Control-Allow-Headers")).map(String::toLowerCase)
                .contains("authorization", "content-type", "idempotency-key", "x-api-key");
        assertThat(header(preflight, "Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void aDashboardsRequestCarriesTheCorsHeadersAndExposesTheRateLimitOnes() {
        String key = keyWithScopes("org_dashboard", "read");

        var response = gateway.get("/api/v1/cohorts", "Origin", DASHBOARD, "Authorization", "Bearer " + key);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("service").asString()).isEqualTo("checklist-service");
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
        assertThat(list(response, "Access-Control-Expose-Headers")).contains("RateLimit-Limit", "RateLimit-Remaining",
                "RateLimit-Reset", "Retry-After", "Location", "Idempotent-Replayed");
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).hasSize(1);
    }

    @Test
    void aDashboardCanReadTheGatewaysOwnProblems() {
        var response = gateway.get("/api/v1/cohorts", "Origin", DASHBOARD);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:unauthenticated");
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(DASHBOARD);
    }

    @Test
    void anotherOriginsPreflightIsRefusedWithoutCorsHeaders() {
        var preflight = preflight("/api/v1/cohorts", ELSEWHERE, "GET", "authorization");

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void aPreflightForAnotherMethodOrHeaderIsRefused() {
        var method = preflight("/api/v1/cohorts", DASHBOARD, "TRACE", null);
        var header = preflight("/api/v1/cohorts", DASHBOARD, "GET", "x-ticklist-organisation");

        for (var refused : List.of(method, header)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void anotherOriginsRequestIsRefusedEvenWithAValidKey() {
        String key = keyWithScopes("org_dashboard", "read");

        var response = gateway.get("/api/v1/cohorts", "Origin", ELSEWHERE, "X-Api-Key", key);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void requestsWithoutAnOriginAreNotCorsAtAll() {
        String key = keyWithScopes("org_dashboard", "read");

        var response = gateway.get("/api/v1/cohorts", "X-Api-Key", key);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private Response preflight(String path, String origin, String method, String headers) {
        return headers == null
                ? gateway.send("OPTIONS", path, null, "Origin", origin, "Access-Control-Request-Method", method)
                : gateway.send("OPTIONS", path, null, "Origin", origin, "Access-Control-Request-Method", method,
                        "Access-Control-Request-Headers", headers);
    }

    private static String header(Response response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }

    private static List<String> list(Response response, String name) {
        return response.headers().allValues(name).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .toList();
    }
}
