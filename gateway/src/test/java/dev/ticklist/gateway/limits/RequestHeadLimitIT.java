package dev.ticklist.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayIT;
import org.junit.jupiter.api.Test;

/** The shared context runs with the default header limit, 16 KB (Netty's own default is 8 KB). */
class RequestHeadLimitIT extends GatewayIT {

    @Test
    void headersOverTheLimitGet431AsAProblemAndNothingIsForwarded() {
        String key = keyWithScopes("org_headers", "read");

        var response = gateway.get("/api/v1/cohorts", "X-Api-Key", key, "X-Filler", "a".repeat(17 * 1024));

        assertThat(response.status()).isEqualTo(431);
        assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:headers-too-large");
        assertThat(response.json().get("status").asInt()).isEqualTo(431);
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void headersOverNettysDefaultButWithinTheLimitAreForwarded() {
        String key = keyWithScopes("org_headers", "read");
        String filler = "a".repeat(12 * 1024);

        var response = gateway.get("/api/v1/cohorts", "X-Api-Key", key, "X-Filler", filler);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(CHECKLIST.received("/api/v1/cohorts")).singleElement()
                .satisfies(request -> assertThat(request.header("X-Filler")).contains(filler));
    }

    @Test
    void aRequestLineOverTheLimitGets414AsAProblem() {
        var response = gateway.get("/api/v1/cohorts?q=" + "a".repeat(5000));

        assertThat(response.status()).isEqualTo(414);
        assertThat(response.problemType()).isEqualTo("urn:ticklist:problem:uri-too-long");
        assertThat(receivedUpstream()).isEmpty();
    }
}
