package dev.ticklist.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.platform.identity.Scope;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names that would hide or garble what they say, and bodies that are not UTF-8, are refused
 * with a reason and change nothing: never stored, never cleaned up on the way in.
 */
class InputHygieneIT extends ServiceIT {

    @Test
    void aCohortNameWithABidiOverrideOrAControlCharacterIsRefusedAndNothingIsCreated() {
        for (String name : new String[] {"Spring \u202Egnirps", "Spring\u0000", "Spring\u001b[2J"}) {
            var refused = assertProblem(writer.post("/api/v1/cohorts", Map.of("name", name, "checklistId", "machine-learning")), 400);

            assertThat(refused.json().get("type").asString()).isEqualTo("urn:ticklist:problem:invalid-request");
            assertThat(refused.json().get("detail").asString()).startsWith("name holds U+");
        }
        assertThat(writer.get("/api/v1/cohorts").json()).isEmpty();
    }

    @Test
    void aChecklistItemNamedWithABidiIsolateIsRefused() {
        var created = writer.post("/api/v1/checklists", Map.of("title", "Our list", "copyOf", "machine-learning"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        var refused = assertProblem(writer.post("/api/v1/checklists/" + id + "/draft/categories/entry-machine-learning/items",
                Map.of("name", "invoice\u2066.pdf")), 400);

        assertThat(refused.json().get("type").asString()).isEqualTo("urn:ticklist:problem:bad-text");
        assertThat(refused.json().get("detail").asString()).contains("U+2066 (a bidirectional control)");
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedNotRepaired() throws Exception {
        var body = new ByteArrayOutputStream();
        body.writeBytes("{\"name\":\"Spring".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(HexFormat.of().parseHex("c080")); // a NUL, overlong: a lenient decoder reads it as U+0000
        body.writeBytes("\",\"checklistId\":\"machine-learning\"}".getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/cohorts"))
                .header("Authorization", "Bearer " + tokenFor(organisationId, Scope.WRITE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();

        HttpResponse<String> answer;
        try (var http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("urn:ticklist:problem:invalid-utf8").contains("byte 15");
        assertThat(writer.get("/api/v1/cohorts").json()).isEmpty();
    }
}
