package dev.ticklist.checklist.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** The learner's items as progress-service's learner view shows them, with and without item states. */
class LearnerTicksTest {

    private static final String PROGRESS = "http://progress.test";

    @Test
    void eachItemIsTakenInTheStateTheViewGivesWithItsReasonOrEvidence() {
        var items = itemsFrom("""
                {"learnerId": "ada", "consistent": true, "checklists": [
                  {"checklistId": "machine-learning", "version": 2, "cohortId": "coh_a",
                   "tickedItems": {"image-data": "2026-12-01T10:00:00Z"},
                   "levels": [{"id": "entry", "ticked": 1, "skipped": 1, "inProgress": 1, "total": 4, "categories": [
                     {"id": "entry-data", "items": [
                       {"id": "image-data", "name": "Image data", "state": "done", "skipReason": null,
                        "tickedAt": "2026-12-01T10:00:00Z",
                        "evidence": {"url": "https://github.com/ada/cats", "note": "CNN"}},
                       {"id": "audio-data", "name": "Audio data", "state": "in-progress", "skipReason": null,
                        "tickedAt": null, "evidence": null},
                       {"id": "text-data", "name": "Text data", "state": "skipped",
                        "skipReason": "Covered by my degree", "tickedAt": null, "evidence": null},
                       {"id": "time-series", "name": "Time series", "state": "skipped", "skipReason": null,
                        "tickedAt": null, "evidence": null},
                       {"id": "video-data", "name": "Video data", "state": "not-started", "skipReason": null,
                        "tickedAt": null, "evidence": null}]}]}]},
                  {"checklistId": "machine-learning", "version": 1, "cohortId": "coh_old", "tickedItems": {},
                   "levels": [{"categories": [{"items": [
                       {"id": "video-data", "state": "in-progress"}]}]}]}]}
                """);

        assertThat(items).containsOnly(
                Map.entry("image-data", LearnerItem.done(new ItemEvidence("https://github.com/ada/cats", "CNN"))),
                Map.entry("audio-data", LearnerItem.inProgress()),
                Map.entry("text-data", LearnerItem.skipped("Covered by my degree")),
                Map.entry("time-series", LearnerItem.skipped(null)));
    }

    @Test
    void anAnswerWithoutStatesIsReadAsBeforeDoneIffTicked() {
        var items = itemsFrom("""
                {"learnerId": "ada", "checklists": [
                  {"checklistId": "machine-learning", "version": 2,
                   "tickedItems": {"image-data": "2026-12-01T10:00:00Z", "unlisted": "2026-12-02T10:00:00Z"},
                   "levels": [{"categories": [{"items": [
                       {"id": "image-data", "name": "Image data", "tickedAt": "2026-12-01T10:00:00Z",
                        "evidence": {"url": null, "note": "From the course"}},
                       {"id": "audio-data", "name": "Audio data", "tickedAt": null, "evidence": null},
                       {"id": "text-data", "name": "Text data", "state": "a-state-of-the-future"}]}]}]}]}
                """);

        assertThat(items).containsOnly(
                Map.entry("image-data", LearnerItem.done(new ItemEvidence(null, "From the course"))),
                Map.entry("unlisted", LearnerItem.done(null)));
    }

    @Test
    void aLearnerWithNothingInThatVersionHasNoItems() {
        assertThat(itemsFrom("{\"learnerId\": \"ada\", \"checklists\": []}")).isEmpty();
        assertThat(itemsFrom("{\"learnerId\": \"ada\"}")).isEmpty();
    }

    private static Map<String, LearnerItem> itemsFrom(String json) {
        var builder = RestClient.builder();
        var server = MockRestServiceServer.bindTo(builder).build();
        server.expect(requestTo(PROGRESS + "/api/v1/progress/learners/ada"))
                .andExpect(header("Authorization", "Bearer identity"))
                .andRespond(withSuccess(json, MediaType.APPLICATION_JSON));
        var items = new LearnerTicks(builder, PROGRESS).items("Bearer identity", "ada", "machine-learning", 2);
        server.verify();
        return items;
    }
}
