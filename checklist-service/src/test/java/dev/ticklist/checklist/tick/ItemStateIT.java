package dev.ticklist.checklist.tick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.Topics;
import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.events.activity.ItemStarted;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.events.activity.LearnerActivityEvent;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.http.JsonHttp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ItemStateIT extends LearnerActivity {

    private static final String REASON = "Covered by my degree";

    @Test
    void eachStateIsRecordedAsItsOwnEventWithTheAnswerOfATick() {
        String cohortId = cohortWith("ada");
        String state = ticks(cohortId, "ada") + "/regression/state";
        var answers = List.of(
                writer.put(state, Map.of("state", "in-progress")),
                writer.put(state, Map.of("state", "skipped", "reason", REASON)),
                writer.put(state, Map.of("state", "skipped")),
                writer.put(state, Map.of("state", "done")),
                writer.put(state, Map.of("state", "not-started")));

        var ids = new ArrayList<String>();
        for (var answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("cohortId").asString()).isEqualTo(cohortId);
            assertThat(answer.json().get("learnerId").asString()).isEqualTo("ada");
            assertThat(answer.json().get("itemIds").valueStream().map(id -> id.asString())).containsExactly("regression");
            assertThat(answer.json().get("eventIds")).hasSize(1);
            assertThat(answer.json().get("position").asString()).matches("\\d+-\\d+");
            ids.addAll(ids(answer));
        }
        assertThat(eventsOf("ada", ids)).containsExactly(
                new ItemStarted(organisationId, cohortId, "ada", "machine-learning", 1, "regression"),
                new ItemSkipped(organisationId, cohortId, "ada", "machine-learning", 1, "regression", REASON),
                new ItemSkipped(organisationId, cohortId, "ada", "machine-learning", 1, "regression", null),
                new ItemTicked(organisationId, cohortId, "ada", "machine-learning", 1, "regression"),
                new ItemUnticked(organisationId, cohortId, "ada", "machine-learning", 1, "regression"));
    }

    @Test
    void aStateNeedsAnEnrolledLearnerAnItemOfTheCohortsChecklistAndACohortThatTakesTicks() {
        String cohortId = cohortWith("ada");
        String learner = ticks(cohortId, "ada");
        Map<String, String> skip = Map.of("state", "skipped");

        assertProblem(writer.put(learner + "/juggling/state", skip), 404);
        assertProblem(writer.put(ticks(cohortId, "bob") + "/regression/state", skip), 404);
        assertProblem(writer.put(ticks("coh_unknown", "ada") + "/regression/state", skip), 404);
        assertProblem(writer.put(learner + "/Not%20A%20Slug/state", skip), 400);
        assertProblem(writer.put(ticks(cohortId, "bad%20learner") + "/regression/state", skip), 400);
        assertProblem(as(newOrganisation(), Scope.WRITE).put(learner + "/regression/state", skip), 404);
        assertProblem(as(organisationId, Scope.READ).put(learner + "/regression/state", skip), 403);

        assertThat(writer.post("/api/v1/cohorts/" + cohortId + "/archive", Map.of()).status()).isEqualTo(200);
        assertProblem(writer.put(learner + "/regression/state", skip), 409);
    }

    @Test
    void badStatesAndReasonsAreRefusedWithAProblemAndRecordNothing() {
        String cohortId = cohortWith("ada");
        String state = ticks(cohortId, "ada") + "/regression/state";
        for (String name : new String[] {"started", "DONE", "in_progress", ""}) {
            assertBad(writer.put(state, Map.of("state", name)), "bad-item-state", "state must be one of");
        }
        assertBad(writer.put(state, Map.of("reason", REASON)), "bad-item-state", "state is missing");
        assertBad(writer.put(state, Map.of()), "bad-item-state", "state is missing");
        for (String name : new String[] {"done", "in-progress", "not-started"}) {
            assertBad(writer.put(state, Map.of("state", name, "reason", REASON)), "bad-skip-reason",
                    "a reason goes only with the state skipped, not " + name);
        }
        Map<String, String> badReasons = Map.of(
                "", "reason is blank",
                "x".repeat(281), "reason is 281 characters long; at most 280",
                "line one\nline two", "U+000A (a control character)",
                "cert \u202Efdp.exe", "U+202E (a bidirectional control)");
        badReasons.forEach((reason, detail) -> assertBad(writer.put(state, Map.of("state", "skipped", "reason", reason)),
                "bad-skip-reason", detail));
        var nullReason = new HashMap<String, Object>();
        nullReason.put("state", "skipped");
        nullReason.put("reason", null);
        for (var answer : List.of(
                writer.putRaw(state, "", "application/json"),
                writer.putRaw(state, "skipped", "text/plain"),
                writer.putRaw(state, "{\"state\": ", "application/json"),
                writer.putRaw(state, "{\"state\": {\"name\": \"done\"}}", "application/json"),
                writer.putRaw(state, "{\"state\": \"skipped\", \"reason\": [\"x\"]}", "application/json"))) {
            assertThat(answer.status()).as(answer.toString()).isIn(400, 415);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        }

        var marker = writer.put(state, nullReason);
        assertThat(marker.status()).as(marker.toString()).isEqualTo(200);
        assertThat(eventsOf("ada", ids(marker))).as("nothing but the marker was recorded").containsExactly(
                new ItemSkipped(organisationId, cohortId, "ada", "machine-learning", 1, "regression", null));
    }

    @Test
    void aRetriedStateWithTheSameKeyGetsTheFirstAnswerAndRecordsNothingNew() {
        String cohortId = cohortWith("ada");
        String state = ticks(cohortId, "ada") + "/regression/state";
        var keyed = writer.withHeader("Idempotency-Key", UUID.randomUUID().toString());

        String learnerKey = LearnerActivityEvent.learnerKey(organisationId, "ada");

        var first = keyed.put(state, Map.of("state", "skipped", "reason", REASON));
        int recorded = recordedUnder(Topics.LEARNER_ACTIVITY, learnerKey).size();
        var retry = keyed.put(state, Map.of("state", "skipped", "reason", REASON));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("eventIds")).isEqualTo(first.json().get("eventIds"));
        assertThat(recordedUnder(Topics.LEARNER_ACTIVITY, learnerKey)).as("the retry recorded nothing").hasSize(recorded);
        // The same state without the key is recorded again: the count above could grow.
        assertThat(writer.put(state, Map.of("state", "skipped", "reason", REASON)).status()).isEqualTo(200);
        assertThat(recordedUnder(Topics.LEARNER_ACTIVITY, learnerKey)).hasSize(recorded + 1);
        assertProblem(keyed.put(state, Map.of("state", "in-progress")), 422);
    }

    @Test
    void theOpenApiDocumentDescribesTheStateOperation() {
        var document = JsonHttp.at(baseUrl()).get("/v3/api-docs").json();
        var put = document.get("paths").get("/api/v1/cohorts/{cohortId}/learners/{learnerId}/ticks/{itemId}/state")
                .get("put");
        assertThat(put.get("operationId").asString()).isEqualTo("setItemState");
        assertThat(put.get("summary").asString()).isNotBlank();
        assertThat(put.get("tags").get(0).asString()).isEqualTo("Ticks");
        var schema = document.get("components").get("schemas").get("ItemStateChange");
        assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrder("state", "reason");
        assertThat(schema.get("properties").get("state").get("enum").valueStream().map(value -> value.asString()))
                .containsExactly("done", "in-progress", "skipped", "not-started");
        assertThat(schema.get("properties").get("reason").get("maxLength").asInt()).isEqualTo(280);
        assertThat(schema.get("required").valueStream().map(value -> value.asString())).containsExactly("state");
    }

    private static void assertBad(JsonHttp.Response answer, String type, String detail) {
        assertProblem(answer, 400);
        assertThat(answer.json().get("type").asString()).as(answer.toString())
                .isEqualTo("urn:ticklist:problem:" + type);
        assertThat(answer.json().get("detail").asString()).as(answer.toString()).contains(detail);
    }
}
