package dev.ticklist.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The shared context runs with the default limit, 1 MiB. */
class RequestBodyLimitIT extends GatewayIT {

    private static final int LIMIT = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeItIsSentAndNothingIsForwarded() throws Exception {
        String key = keyWithScopes("org_bodies", "write");
        try (var http = new RawHttp(port)) {
            // Only the head and 1 KiB of the declared body are ever sent: the answer cannot wait for the rest.
            var response = http.send(post("/api/v1/cohorts", key) + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n")
                    .send("{\"name\":\"" + "a".repeat(1024))
                    .read();

            assertTooLarge(response);
            assertThat(http.closedByGateway()).isTrue();
        }
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndNothingIsForwarded() throws Exception {
        String key = keyWithScopes("org_bodies", "write");
        try (var http = new RawHttp(port)) {
            var response = http.send(post("/api/v1/cohorts", key) + "Transfer-Encoding: chunked\r\n\r\n")
                    .sendChunkedUnlessClosed(LIMIT + 1, 16 * 1024)
                    .read();

            assertTooLarge(response);
        }
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsForwardedWholeWithItsLength() throws Exception {
        String key = keyWithScopes("org_bodies", "write");
        try (var http = new RawHttp(port)) {
            var response = http.send(post("/api/v1/cohorts", key) + "Transfer-Encoding: chunked\r\n\r\n")
                    .sendChunked(LIMIT, 16 * 1024)
                    .read();

            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        assertThat(CHECKLIST.received("/api/v1/cohorts")).singleElement().satisfies(request -> {
            assertThat(request.body()).hasSize(LIMIT).matches("a+");
            assertThat(request.header("Content-Length")).contains(Integer.toString(LIMIT));
            assertThat(request.header("Transfer-Encoding")).isEmpty();
        });
    }

    @Test
    void aBodyOfExactlyTheLimitIsForwarded() {
        String key = keyWithScopes("org_bodies", "write");
        String body = "{\"name\":\"" + "a".repeat(LIMIT - 11) + "\"}";

        var response = gateway.post("/api/v1/cohorts", body, "X-Api-Key", key);

        assertThat(response.status()).isEqualTo(200);
        assertThat(CHECKLIST.received("/api/v1/cohorts")).singleElement()
                .satisfies(request -> assertThat(request.body()).isEqualTo(body));
    }

    @Test
    void anImportIsStreamedToTheServiceWhateverItsLength() throws Exception {
        String key = keyWithScopes("org_bodies", "write");
        String path = "/api/v1/cohorts/coh_1/imports/lms-2025";
        try (var http = new RawHttp(port)) {
            var response = http.send("PUT " + path + " HTTP/1.1\r\nHost: gateway\r\nX-Api-Key: " + key
                            + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .sendChunked(3 * LIMIT, 64 * 1024)
                    .read();

            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        assertThat(CHECKLIST.received(path)).singleElement()
                .satisfies(request -> assertThat(request.body()).hasSize(3 * LIMIT));
    }

    @Test
    void theAdminApiHasTheSameLimit() throws Exception {
        try (var http = new RawHttp(port)) {
            var response = http.send("POST /admin/v1/organisations HTTP/1.1\r\nHost: gateway\r\n"
                            + "Authorization: Bearer " + adminKey + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n")
                    .read();

            assertTooLarge(response);
        }
        assertThat(receivedUpstream()).isEmpty();
    }

    @Test
    void withoutAKeyNoBodyIsHeldInMemoryOnTheOpenPaths() throws Exception {
        try (var http = new RawHttp(port)) {
            var response = http.send("POST /docs HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .sendChunkedUnlessClosed(1024, 512)
                    .read();

            assertTooLarge(response);
        }
    }

    private static String post(String path, String key) {
        return "POST " + path + " HTTP/1.1\r\nHost: gateway\r\nX-Api-Key: " + key + "\r\nContent-Type: application/json\r\n";
    }

    private static void assertTooLarge(RawHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        var problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:ticklist:problem:body-too-large");
        assertThat(problem.get("detail").asString()).contains(Integer.toString(LIMIT));
        assertThat(response.header("Connection")).hasValueSatisfying(value -> assertThat(value).isEqualToIgnoringCase("close"));
    }
}
