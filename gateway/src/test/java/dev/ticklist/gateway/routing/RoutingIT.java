package dev.ticklist.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayIT;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCResponseHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingIT extends GatewayIT {

    @Autowired
    ApplicationContext applicationContext;

    @Test
    void eachPathGoesToItsServiceUnchanged() {
        String key = createOrganisation("Acme Academy").apiKey();

        var progress = gateway.get("/api/v1/progress/cohorts/coh_1?level=entry&x=%20y", "X-Api-Key", key);
        var webhooks = gateway.get("/api/v1/webhooks", "X-Api-Key", key);
        var checklist = gateway.post("/api/v1/cohorts/coh_1/learners", "{\"learnerIds\":[\"ada\"]}", "X-Api-Key", key);

        assertThat(progress.json().get("service").asString()).isEqualTo("progress-service");
        assertThat(webhooks.json().get("service").asString()).isEqualTo("notification-service");
        assertThat(checklist.json().get("service").asString()).isEqualTo("checklist-service");
        assertThat(PROGRESS.received()).singleElement()
                .satisfies(request -> assertThat(request.pathAndQuery()).isEqualTo("/api/v1/progress/cohorts/coh_1?level=entry&x=%20y"));
        assertThat(NOTIFICATION.received()).singleElement()
                .satisfies(request -> assertThat(request.pathAndQuery()).isEqualTo("/api/v1/webhooks"));
        assertThat(CHECKLIST.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.pathAndQuery()).isEqualTo("/api/v1/cohorts/coh_1/learners");
            assertThat(request.body()).isEqualTo("{\"learnerIds\":[\"ada\"]}");
        });
    }

    /** The services write no security headers of their own (ServiceWebConfiguration): the gateway's are the answer's. */
    @Test
    void routedAnswersCarryTheGatewaysSecurityHeaders() {
        String key = createOrganisation("Acme Academy").apiKey();

        var answer = gateway.get("/api/v1/progress/cohorts/coh_1", "X-Api-Key", key);

        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void noForwardingHeaderAClientSendsReachesAService() {
        String key = createOrganisation("Acme Academy").apiKey();

        gateway.get("/api/v1/progress/cohorts/coh_1", "X-Api-Key", key, "Forwarded", "for=203.0.113.9;proto=https",
                "X-Forwarded-For", "203.0.113.9", "X-Forwarded-Host", "evil.example", "x-forwarded-proto", "https");

        assertThat(PROGRESS.received()).singleElement().satisfies(request -> assertThat(request.headers().keySet())
                .noneMatch(name -> name.equalsIgnoreCase("Forwarded") || name.toLowerCase().startsWith("x-forwarded-")));
        assertThat(applicationContext.getBeansOfType(HttpHeadersFilter.class).values())
                .noneMatch(filter -> filter instanceof RemoveForwardedHeadersFilter || filter instanceof RemoveXForwardedHeadersFilter);
    }

    @Test
    void noRouteCopiesHeadersForGrpc() {
        assertThat(applicationContext.getBeansOfType(HttpHeadersFilter.class).values())
                .noneMatch(filter -> filter instanceof GRPCRequestHeadersFilter || filter instanceof GRPCResponseHeadersFilter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/organisations", "/actuator/env", "/actuator/loggers", "/actuator/gateway/routes",
            "/actuator/shutdown", "/api/v2/cohorts", "/"})
    void theServicesInternalsAreNotReachable(String path) {
        String key = createOrganisation("Acme Academy").apiKey();

        var get = gateway.get(path, "X-Api-Key", key);
        var post = gateway.post(path, "{\"organisationId\":\"org_x\",\"name\":\"X\"}", "Authorization", "Bearer " + key);

        for (var response : List.of(get, post)) {
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:not-found");
        }
        assertThat(receivedUpstream()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/../internal/organisations", "/api/v1/%2e%2e/internal/organisations",
            "/api/v1/cohorts/..%2f..%2finternal/organisations", "/api/v1//internal/organisations"})
    void pathsThatAServiceWouldNormaliseElsewhereAreRefused(String path) {
        String key = createOrganisation("Acme Academy").apiKey();

        var response = gateway.post(path, "{\"organisationId\":\"org_x\",\"name\":\"X\"}", "X-Api-Key", key);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:rejected-request");
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void routedRequestsAndTheAdminApisOwnCallsAreBothMeasured() {
        String key = createOrganisation("Acme Academy").apiKey();
        gateway.get("/api/v1/cohorts", "X-Api-Key", key);

        var metrics = gateway.get("/actuator/prometheus").body();

        assertThat(metrics).contains("gateway_service_calls_seconds_count{")
                .containsPattern("http_client_requests_seconds_count\\{[^}]*spring_cloud_gateway_route_id=\"checklist-service\"");
    }

    @Test
    void theActuatorHasNoLinksPageToWriteTheHostHeaderInto() {
        var response = gateway.get("/actuator");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:not-found");
        assertThat(response.body()).doesNotContain("_links").doesNotContain("127.0.0.1");
    }

    @Test
    void theGatewaysOwnHealthProbesNeedNoKey() {
        assertThat(gateway.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(gateway.get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
