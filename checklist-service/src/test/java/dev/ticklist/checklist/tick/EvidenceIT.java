package dev.ticklist.checklist.tick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticklist.events.activity.ItemEvidenceAttached;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.TickEvidence;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.http.JsonHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceIT extends LearnerActivity {

    private static final String REPO = "https://github.com/ada/house-prices";
    private static final String NOTE = "Linear and ridge regression on a housing dataset";

    @Test
    void aTickWithEvidencePublishesOneTickPerItemCarryingTheEvidence() {
        String cohortId = cohortWith("ada");
        var tick = writer.post(ticks(cohortId, "ada"), Map.of("itemIds", List.of("regression", "clustering"),
                "evidence", Map.of("url", REPO, "note", NOTE)));

        assertThat(tick.status()).as(tick.toString()).isEqualTo(201);
        assertThat(tick.json().get("itemIds").valueStream().map(id -> id.asString()))
                .containsExactly("regression", "clustering");
        assertThat(tick.json().get("eventIds")).hasSize(2);
        assertThat(eventsOf("ada", ids(tick))).containsExactly(
                ticked(cohortId, "regression", new TickEvidence(REPO, NOTE)),
                ticked(cohortId, "clustering", new TickEvidence(REPO, NOTE)));
    }

    @Test
    void aTickWithALinkOnlyOrANoteOnlyCarriesTheOtherAsNull() {
        String cohortId = cohortWith("ada");
        var link = writer.postRaw(ticks(cohortId, "ada"),
                "{\"itemIds\": [\"regression\"], \"evidence\": {\"url\": \"" + REPO + "\", \"note\": null}}",
                "application/json");
        var note = writer.post(ticks(cohortId, "ada"), Map.of("itemIds", List.of("clustering"),
                "evidence", Map.of("note", NOTE)));
        var without = writer.postRaw(ticks(cohortId, "ada"), "{\"itemIds\": [\"text-data\"], \"evidence\": null}",
                "application/json");

        assertThat(List.of(link.status(), note.status(), without.status())).containsOnly(201);
        var ids = new ArrayList<>(ids(link));
        ids.addAll(ids(note));
        ids.addAll(ids(without));
        assertThat(eventsOf("ada", ids)).containsExactly(
                ticked(cohortId, "regression", new TickEvidence(REPO, null)),
                ticked(cohortId, "clustering", new TickEvidence(null, NOTE)),
                ticked(cohortId, "text-data", null));
    }

    @Test
    void evidenceIsAttachedReplacedAndTakenAwayLater() {
        String cohortId = cohortWith("ada");
        String evidence = ticks(cohortId, "ada") + "/regression/evidence";
        var tick = writer.post(ticks(cohortId, "ada"), Map.of("itemIds", List.of("regression")));
        var attach = writer.put(evidence, Map.of("note", "Certificate to follow"));
        var replace = writer.put(evidence, Map.of("url", "https://example.org/certificates/ada-ml-1.pdf",
                "note", "Certificate"));
        var remove = writer.delete(evidence);

        for (var answer : List.of(attach, replace, remove)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("itemIds").get(0).asString()).isEqualTo("regression");
            assertThat(answer.json().get("eventIds")).hasSize(1);
            assertThat(answer.json().get("position").asString()).matches("\\d+-\\d+");
        }
        var ids = new ArrayList<>(ids(tick));
        List.of(attach, replace, remove).forEach(answer -> ids.addAll(ids(answer)));
        assertThat(eventsOf("ada", ids)).containsExactly(
                new ItemTicked(organisationId, cohortId, "ada", "machine-learning", 1, "regression"),
                new ItemEvidenceAttached(organisationId, cohortId, "ada", "machine-learning", 1, "regression", null,
                        "Certificate to follow"),
                new ItemEvidenceAttached(organisationId, cohortId, "ada", "machine-learning", 1, "regression",
                        "https://example.org/certificates/ada-ml-1.pdf", "Certificate"),
                new ItemEvidenceAttached(organisationId, cohortId, "ada", "machine-learning", 1, "regression", null,
                        null));
    }

    /** This service does not keep ticks: evidence on an item not ticked is recorded, and changes nothing downstream. */
    @Test
    void evidenceNeedsAnEnrolledLearnerAndAnItemOfTheCohortsChecklistButNotATick() {
        String cohortId = cohortWith("ada");
        String learner = ticks(cohortId, "ada");
        var untickedItem = writer.put(learner + "/clustering/evidence", Map.of("url", REPO));
        assertThat(untickedItem.status()).as(untickedItem.toString()).isEqualTo(200);

        assertProblem(writer.put(learner + "/juggling/evidence", Map.of("url", REPO)), 404);
        assertProblem(writer.delete(learner + "/juggling/evidence"), 404);
        assertProblem(writer.put(ticks(cohortId, "bob") + "/regression/evidence", Map.of("url", REPO)), 404);
        assertProblem(writer.put(ticks("coh_unknown", "ada") + "/regression/evidence", Map.of("url", REPO)), 404);
        assertProblem(writer.put(learner + "/Not%20A%20Slug/evidence", Map.of("url", REPO)), 400);
        assertProblem(as(newOrganisation(), Scope.WRITE)
                .put(learner + "/regression/evidence", Map.of("url", REPO)), 404);
        assertProblem(as(organisationId, Scope.READ).put(learner + "/regression/evidence", Map.of("url", REPO)), 403);
        assertProblem(as(organisationId, Scope.READ).delete(learner + "/regression/evidence"), 403);

        assertThat(writer.post("/api/v1/cohorts/" + cohortId + "/archive", Map.of()).status()).isEqualTo(200);
        assertProblem(writer.put(learner + "/regression/evidence", Map.of("url", REPO)), 409);
        assertProblem(writer.delete(learner + "/regression/evidence"), 409);
    }

    @Test
    void badEvidenceIsRefusedWithAProblemAndRecordsNothing() {
        String cohortId = cohortWith("ada");
        String tick = ticks(cohortId, "ada");
        String evidence = tick + "/regression/evidence";
        Map<String, String> badUrls = Map.ofEntries(
                Map.entry("", "is empty"),
                Map.entry("https://example.org/" + "a".repeat(2029), "at most 2048"),
                Map.entry("https://example.org/a b", "a space"),
                Map.entry("https://example.org/\n", "a control character"),
                Map.entry("https://bücher.example/", "outside ASCII"),
                Map.entry("github.com/ada/house-prices", "not an absolute URL"),
                Map.entry("#readme", "not an absolute URL"),
                Map.entry("javascript:alert(1)", "only https and http"),
                Map.entry("ftp://example.org/", "only https and http"),
                Map.entry("https:example.org", "has no host"),
                Map.entry("https://#readme", "has no host"),
                Map.entry("https://ada:secret@example.org/", "user name or password"),
                Map.entry("https://example.org:70000/", "ports run from 1 to 65535"),
                Map.entry("https://example.org/%zz", "not a valid URL"));
        badUrls.forEach((url, reason) -> {
            for (var answer : List.of(writer.post(tick, Map.of("itemIds", List.of("regression"),
                    "evidence", Map.of("url", url, "note", NOTE))), writer.put(evidence, Map.of("url", url)))) {
                assertBadEvidence(answer, "bad-evidence-url", "evidence url", reason);
            }
        });
        Map<String, String> badNotes = Map.of(
                " ", "is blank",
                "x".repeat(281), "at most 280",
                "line one\nline two", "U+000A (a control character)",
                "cert \u202Efdp.exe", "U+202E (a bidirectional control)",
                "nul \u0000", "U+0000");
        badNotes.forEach((note, reason) -> {
            for (var answer : List.of(writer.post(tick, Map.of("itemIds", List.of("regression"),
                    "evidence", Map.of("url", REPO, "note", note))), writer.put(evidence, Map.of("note", note)))) {
                assertBadEvidence(answer, "bad-evidence-note", "evidence note", reason);
            }
        });
        for (var answer : List.of(
                writer.post(tick, Map.of("itemIds", List.of("regression"), "evidence", Map.of())),
                writer.postRaw(tick, "{\"itemIds\": [\"regression\"], \"evidence\": {\"url\": null, \"note\": null}}",
                        "application/json"),
                writer.put(evidence, Map.of()))) {
            assertBadEvidence(answer, "empty-evidence", "evidence needs a url, a note or both", "DELETE");
        }
        for (var answer : List.of(
                writer.postRaw(tick, "{\"itemIds\": [\"regression\"], \"evidence\": \"" + REPO + "\"}",
                        "application/json"),
                writer.postRaw(tick, "{\"itemIds\": [\"regression\"], \"evidence\": {\"url\": [\"" + REPO + "\"]}}",
                        "application/json"),
                writer.putRaw(evidence, "", "application/json"),
                writer.putRaw(evidence, REPO, "text/plain"))) {
            assertThat(answer.status()).as(answer.toString()).isIn(400, 415);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        }

        var marker = writer.put(evidence, Map.of("url", REPO));
        assertThat(marker.status()).as(marker.toString()).isEqualTo(200);
        assertThat(eventsOf("ada", ids(marker))).as("nothing but the marker was recorded").containsExactly(
                new ItemEvidenceAttached(organisationId, cohortId, "ada", "machine-learning", 1, "regression", REPO,
                        null));
    }

    @Test
    void theOpenApiDocumentDescribesTheEvidenceOperations() {
        var document = JsonHttp.at(baseUrl()).get("/v3/api-docs").json();
        var evidence = document.get("paths")
                .get("/api/v1/cohorts/{cohortId}/learners/{learnerId}/ticks/{itemId}/evidence");
        assertThat(evidence.get("put").get("operationId").asString()).isEqualTo("attachEvidence");
        assertThat(evidence.get("put").get("summary").asString()).isNotBlank();
        assertThat(evidence.get("put").get("tags").get(0).asString()).isEqualTo("Ticks");
        assertThat(evidence.get("delete").get("operationId").asString()).isEqualTo("removeEvidence");
        assertThat(evidence.get("delete").get("summary").asString()).isNotBlank();
        var tick = document.get("paths").get("/api/v1/cohorts/{cohortId}/learners/{learnerId}/ticks").get("post");
        assertThat(tick.get("operationId").asString()).isEqualTo("tickItems");
        var schema = document.get("components").get("schemas").get("Evidence");
        assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrder("url", "note");
        assertThat(schema.get("properties").get("url").get("maxLength").asInt()).isEqualTo(2048);
        assertThat(schema.get("properties").get("note").get("maxLength").asInt()).isEqualTo(280);
        assertThat(document.get("components").get("schemas").get("Ticks").get("properties").has("evidence")).isTrue();
    }

    private ItemTicked ticked(String cohortId, String itemId, TickEvidence evidence) {
        return new ItemTicked(organisationId, cohortId, "ada", "machine-learning", 1, itemId, evidence);
    }

    private static void assertBadEvidence(JsonHttp.Response answer, String type, String detail, String reason) {
        assertProblem(answer, 400);
        assertThat(answer.json().get("type").asString()).as(answer.toString())
                .isEqualTo("urn:ticklist:problem:" + type);
        assertThat(answer.json().get("detail").asString()).as(answer.toString()).startsWith(detail).contains(reason);
    }
}
