package dev.ticklist.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.platform.identity.Scope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the service answers is a problem document with a {@code urn:ticklist:problem:} type,
 * also those Spring MVC and Tomcat raise before any of our code runs, and none repeats an
 * internal message or the caller's headers.
 */
class ErrorAnswersIT extends ServiceIT {

    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @Test
    void aMethodThePathDoesNotTakeIsA405ProblemThatSaysWhichItTakes() throws Exception {
        var answer = send(request("/api/v1/cohorts").method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));

        var problem = problem(answer, 405, "method-not-allowed");
        assertThat(problem.get("detail").asString()).contains("GET", "POST");
        assertThat(answer.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void aBodyOfAnotherMediaTypeIsA415ProblemThatDoesNotRepeatTheHeader() throws Exception {
        var answer = send(request("/api/v1/cohorts").POST(HttpRequest.BodyPublishers.ofString("name=x"))
                .header("Content-Type", "text/x-made-up-by-the-caller"));

        var problem = problem(answer, 415, "unsupported-media-type");
        assertThat(problem.get("detail").asString()).contains("application/json").doesNotContain("made-up");
    }

    @Test
    void anUnknownPathUnderTheApiIsA404ProblemWithoutSpringsWords() throws Exception {
        var answer = send(request("/api/v1/no-such-thing").GET());

        var problem = problem(answer, 404, "not-found");
        assertThat(problem.get("detail").asString()).isEqualTo("nothing is served at this path");
        assertThat(answer.body()).doesNotContainIgnoringCase("static resource");
    }

    @Test
    void aValueOfTheWrongTypeIsA400ProblemNamingIt() throws Exception {
        var inPath = send(request("/api/v1/checklists/machine-learning/versions/first/markdown").GET());
        assertThat(problem(inPath, 400, "invalid-request").get("detail").asString())
                .isEqualTo("'version' must be a whole number");

        var inQuery = send(request("/api/v1/checklists/machine-learning/versions/1/markdown?descriptions=maybe").GET());
        assertThat(problem(inQuery, 400, "invalid-request").get("detail").asString())
                .isEqualTo("'descriptions' must be true or false");
    }

    @Test
    void errorCalledDirectlyIsAPathThatServesNothing() throws Exception {
        problem(send(request("/error").GET()), 404, "not-found");
        problem(send(request("/error").POST(HttpRequest.BodyPublishers.noBody())), 404, "not-found");
    }

    @Test
    void theActuatorHasNoLinksPageToEchoTheHostInto() throws Exception {
        var answer = send(request("/actuator").GET());

        assertThat(answer.statusCode()).isIn(403, 404);
        assertThat(answer.body()).doesNotContain("_links", "127.0.0.1");
    }

    @Test
    void headersUpToWhatTheGatewayForwardsPassAndLargerOnesGetAProblemNotTomcatsPage() throws Exception {
        var withinGatewayLimit = send(request("/api/v1/cohorts").GET().header("X-Padding", "p".repeat(15 * 1024)));
        assertThat(withinGatewayLimit.statusCode()).as(withinGatewayLimit.body()).isEqualTo(200);

        var overLimit = send(request("/api/v1/cohorts").GET().header("X-Padding", "p".repeat(24 * 1024)));
        assertThat(overLimit.statusCode()).as(overLimit.headers() + " " + overLimit.body()).isBetween(400, 431);
        assertThat(overLimit.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonMapper.shared().readTree(overLimit.body()).get("detail").asString())
                .contains("headers are malformed, or over the service's limit");
        assertThat(overLimit.body()).doesNotContainIgnoringCase("<html").doesNotContain("Tomcat");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + tokenFor(organisationId, Scope.WRITE));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(answer.body()).hasValue("application/problem+json");
        var problem = JsonMapper.shared().readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:ticklist:problem:" + code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(answer.body()).doesNotContain("Exception", "\tat ");
        return problem;
    }
}
