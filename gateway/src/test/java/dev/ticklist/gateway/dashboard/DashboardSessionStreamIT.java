package dev.ticklist.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.gateway.GatewayIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A live stream opened through a session ends after stream-lifetime (2 s in tests), so a revocation reaches it. */
class DashboardSessionStreamIT extends GatewayIT {

    private static final String STREAM = "/api/v1/progress/cohorts/coh_a/stream";

    @LocalServerPort
    private int port;

    @Test
    void aStreamThroughASessionIsEndedSoItsReconnectionIsCheckedAgainWhileAKeysStreamRunsOn() throws Exception {
        var acme = createOrganisation("Acme Academy");
        PROGRESS.answerStream(STREAM);
        String cookie = gateway.post("/dashboard/session", "{\"key\":\"" + acme.apiKey() + "\"}").cookie();

        long sessionStream = secondsUntilTheStreamEnds("Cookie", cookie);
        long keyStream = secondsUntilTheStreamEnds("Authorization", "Bearer " + acme.apiKey());

        assertThat(sessionStream).isBetween(1L, 4L);
        assertThat(keyStream).as("a key's stream runs until the service ends it (30 s here; read for 5 s)")
                .isGreaterThanOrEqualTo(5L);
    }

    /** Reads the stream until it ends or 5 s pass; how long that took, in whole seconds. */
    private long secondsUntilTheStreamEnds(String header, String value) throws Exception {
        try (var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            long start = System.nanoTime();
            var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + STREAM))
                    .header(header, value).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            try (var lines = response.body()) {
                long until = start + Duration.ofSeconds(5).toNanos();
                lines.takeWhile(line -> System.nanoTime() < until).forEach(line -> { });
            }
            return Duration.ofNanos(System.nanoTime() - start).toSeconds();
        }
    }
}
