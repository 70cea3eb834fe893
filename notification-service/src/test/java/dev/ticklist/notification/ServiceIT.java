package dev.ticklist.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.platform.identity.IdentityTokens;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.RealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service against the real broker and Redis, called over HTTP as the gateway would.
 * Every subclass has this configuration, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class ServiceIT {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final String ENDPOINTS = "/api/v1/webhooks/endpoints";
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @LocalServerPort
    private int port;

    @Autowired
    private IdentityTokens identityTokens;

    /** An organisation of its own for each test, so tests never see each other's endpoints. */
    protected static String newOrganisation() {
        return "org-" + UUID.randomUUID();
    }

    protected String token(String organisationId, Scope... scopes) {
        return identityTokens.issue(organisationId, Set.of(scopes), "notification-service");
    }

    protected Answer get(String organisationId, String path) {
        return send(request(path).header("Authorization", "Bearer " + token(organisationId, Scope.ADMIN)).GET());
    }

    protected Answer post(String organisationId, String path, Object body) {
        return send(request(path)
                .header("Authorization", "Bearer " + token(organisationId, Scope.ADMIN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body instanceof String text ? text : JSON.writeValueAsString(body))));
    }

    protected Answer patch(String organisationId, String path, Object body) {
        return send(request(path)
                .header("Authorization", "Bearer " + token(organisationId, Scope.ADMIN))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        body instanceof String text ? text : JSON.writeValueAsString(body))));
    }

    protected Answer delete(String organisationId, String path) {
        return send(request(path).header("Authorization", "Bearer " + token(organisationId, Scope.ADMIN)).DELETE());
    }

    /** One message of an endpoint's delivery log. */
    protected JsonNode message(String organisationId, String endpointId, String messageId) {
        Answer answer = get(organisationId, ENDPOINTS + "/" + endpointId + "/messages/" + messageId);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    /** An endpoint's messages, newest first; {@code query} like {@code "?status=failed"} or empty. */
    protected List<JsonNode> messages(String organisationId, String endpointId, String query) {
        Answer answer = get(organisationId, ENDPOINTS + "/" + endpointId + "/messages" + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body().path("messages").valueStream().toList();
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    protected Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), body, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers an endpoint for all milestone types and returns the answer (with the secret). */
    protected JsonNode register(String organisationId, String url) {
        return register(organisationId, url, List.of());
    }

    /** Registers an endpoint for these webhook types (empty: all) and returns the answer (with the secret). */
    protected JsonNode register(String organisationId, String url, List<String> eventTypes) {
        Answer created = post(organisationId, ENDPOINTS, eventTypes.isEmpty()
                ? Map.of("url", url, "description", "test receiver")
                : Map.of("url", url, "description", "test receiver", "eventTypes", eventTypes));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    public record Answer(int status, String contentType, String location, JsonNode body, String text) {

        public Answer isProblem(int expectedStatus, String type) {
            assertThat(status).as(text).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("application/problem+json");
            assertThat(body.path("type").asString()).isEqualTo(type);
            assertThat(body.path("status").asInt()).isEqualTo(expectedStatus);
            return this;
        }

        public String detail() {
            return body.path("detail").asString();
        }
    }
}
