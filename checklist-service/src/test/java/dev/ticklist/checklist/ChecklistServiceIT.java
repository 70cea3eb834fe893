package dev.ticklist.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.http.JsonHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ChecklistServiceIT extends ServiceIT {

    @Test
    void theBuiltInTemplatesAreListedWithTheirLevelsInOrder() {
        var list = writer.get("/api/v1/checklists");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().valueStream().map(checklist -> checklist.get("id").asString()))
                .contains("machine-learning", "data-science");

        var ml = writer.get("/api/v1/checklists/machine-learning").json();
        assertThat(ml.get("template").asBoolean()).isTrue();
        assertThat(ml.get("levels").valueStream().map(level -> level.get("name").asString()))
                .containsExactly("Entry", "Intermediate", "Advanced");
        var entryCategories = ml.get("levels").get(0).get("categories");
        assertThat(entryCategories.get(0).get("name").asString()).isEqualTo("Data handling");
    }

    @Test
    void aTickOfAnEnrolledLearnerIsPublishedAsACloudEvent() {
        String cohortId = createCohort();
        assertThat(writer.post("/api/v1/cohorts/" + cohortId + "/learners",
                Map.of("learnerIds", List.of("ada", "grace"))).json().get("enrolled")).hasSize(2);

        var tick = writer.post("/api/v1/cohorts/" + cohortId + "/learners/ada/ticks",
                Map.of("itemIds", List.of("regression")));
        assertThat(tick.status()).as(tick.toString()).isEqualTo(201);
        String eventId = tick.json().get("eventIds").get(0).asString();
        assertThat(tick.json().get("position").asString()).matches("\\d+-\\d+");

        var record = findOnTopic(eventId);
        assertThat(record.key()).isEqualTo(organisationId + "/ada");
        assertThat(new String(record.headers().lastHeader("ce_type").value()))
                .isEqualTo("dev.ticklist.item.ticked.v2");
        assertThat(record.value().event()).isEqualTo(
                new ItemTicked(organisationId, cohortId, "ada", "machine-learning", 1, "regression"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        var document = JsonHttp.at(baseUrl()).get("/v3/api-docs");
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.json().get("paths").propertyNames())
                .contains("/api/v1/checklists", "/api/v1/checklists/{checklistId}/draft",
                        "/api/v1/cohorts/{cohortId}/learners/{learnerId}/ticks")
                .doesNotContain("/internal/organisations");
    }

    @Test
    void anUntickIsPublishedAsItsOwnEvent() {
        String cohortId = cohortWith("ada");
        writer.post("/api/v1/cohorts/" + cohortId + "/learners/ada/ticks", Map.of("itemIds", List.of("regression")));
        var untick = writer.delete("/api/v1/cohorts/" + cohortId + "/learners/ada/ticks/regression");
        assertThat(untick.status()).as(untick.toString()).isEqualTo(200);
        var record = findOnTopic(untick.json().get("eventIds").get(0).asString());
        assertThat(new String(record.headers().lastHeader("ce_type").value())).isEqualTo("dev.ticklist.item.unticked.v1");
        assertProblem(writer.delete("/api/v1/cohorts/" + cohortId + "/learners/ada/ticks/juggling"), 404);
    }

    @Test
    void enrollingTwiceEnrolsOnce() {
        String cohortId = createCohort();
        writer.post("/api/v1/cohorts/" + cohortId + "/learners", Map.of("learnerIds", List.of("ada")));
        var again = writer.post("/api/v1/cohorts/" + cohortId + "/learners", Map.of("learnerIds", List.of("ada", "ada")));
        assertThat(again.json().get("enrolled")).isEmpty();
        assertThat(writer.get("/api/v1/cohorts/" + cohortId).json().get("learnerCount").asInt()).isEqualTo(1);
    }

    @Test
    void badCommandsGetProblemDocumentsAndRecordNothing() {
        String cohortId = createCohort();
        writer.post("/api/v1/cohorts/" + cohortId + "/learners", Map.of("learnerIds", List.of("ada")));
        String ticks = "/api/v1/cohorts/" + cohortId + "/learners/";

        assertProblem(writer.post(ticks + "ada/ticks", Map.of("itemIds", List.of("regression", "no-such-item"))), 404);
        assertProblem(writer.post(ticks + "bob/ticks", Map.of("itemIds", List.of("regression"))), 404);
        assertProblem(writer.post(ticks + "bad%20id/ticks", Map.of("itemIds", List.of("regression"))), 400);
        assertProblem(writer.post(ticks + "ada/ticks", Map.of("itemIds", List.of())), 400);
        assertProblem(writer.postRaw(ticks + "ada/ticks", "{not json", "application/json"), 400);
        assertProblem(writer.postRaw(ticks + "ada/ticks", "itemIds=regression", "text/plain"), 415);
        assertProblem(writer.post("/api/v1/cohorts/coh_unknown/learners", Map.of("learnerIds", List.of("x"))), 404);
        assertProblem(writer.post("/api/v1/cohorts", Map.of("name", "X", "checklistId", "no-such-list")), 404);
        assertProblem(as(organisationId, Scope.READ).post(ticks + "ada/ticks", Map.of("itemIds", List.of("regression"))), 403);
        assertProblem(JsonHttp.at(baseUrl()).get("/api/v1/checklists"), 401);
        assertProblem(JsonHttp.at(baseUrl()).withBearer("not-a-jwt").get("/api/v1/checklists"), 401);
        assertProblem(as(organisationId, Scope.WRITE).post("/internal/organisations",
                Map.of("organisationId", "org_x", "name", "X")), 403);
    }

    @Test
    void anotherOrganisationCannotSeeOrTickThisOnesCohort() {
        String cohortId = createCohort();
        writer.post("/api/v1/cohorts/" + cohortId + "/learners", Map.of("learnerIds", List.of("ada")));
        String other = newOrganisation();
        var intruder = as(other, Scope.WRITE);

        assertProblem(intruder.get("/api/v1/cohorts/" + cohortId), 404);
        assertProblem(intruder.post("/api/v1/cohorts/" + cohortId + "/learners/ada/ticks",
                Map.of("itemIds", List.of("regression"))), 404);
        assertThat(intruder.get("/api/v1/cohorts").json()).isEmpty();
    }

    private String createCohort() {
        return cohortWith();
    }

    private ConsumerRecord<String, EventEnvelope<?>> findOnTopic(String eventId) {
        try (var consumer = learnerActivityFromStart()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            var seen = new ArrayList<String>();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().id().equals(eventId)) {
                        return record;
                    }
                    seen.add(record.value().id());
                }
            }
            throw new AssertionError("event " + eventId + " not on the topic; saw " + seen);
        }
    }
}
