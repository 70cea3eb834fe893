package dev.ticklist.checklist.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ticklist.checklist.ServiceIT;
import dev.ticklist.events.EventEnvelope;
import dev.ticklist.events.activity.ItemActivity;
import dev.ticklist.events.activity.ItemSkipped;
import dev.ticklist.events.activity.ItemStarted;
import dev.ticklist.events.activity.ItemTicked;
import dev.ticklist.events.activity.ItemUnticked;
import dev.ticklist.platform.identity.Scope;
import dev.ticklist.testsupport.http.JsonHttp;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TickImportIT extends ServiceIT {

    private static final String NDJSON = "application/x-ndjson";

    @Test
    void anImportRecordsEveryGoodLineWithItsTimeAndReportsEveryRefusedOneByNumber() {
        String cohortId = cohortWith("ada", "grace");
        String body = String.join("\n",
                "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"tick\",\"at\":\"2025-03-01T09:30:00Z\"}",
                "{\"learnerId\":\"grace\",\"itemId\":\"regression\",\"action\":\"tick\"}",
                "",
                "{\"learnerId\":\"nobody\",\"itemId\":\"regression\",\"action\":\"tick\"}",
                "{\"learnerId\":\"ada\",\"itemId\":\"juggling\",\"action\":\"tick\"}",
                "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"jump\"}",
                "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"tick\",\"at\":\"yesterday\"}",
                "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"tick\",\"at\":\"2999-01-01T00:00:00Z\"}",
                "not json",
                "{\"learnerId\":\"ada\",\"item\":\"regression\",\"action\":\"tick\"}",
                "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"untick\",\"at\":\"2025-03-02T10:00:00+01:00\"}");

        var imported = writer.putRaw(path(cohortId, "lms-2025"), body, NDJSON);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        var report = imported.json();
        assertThat(report.get("status").asString()).isEqualTo("finished");
        assertThat(report.get("lines").asLong()).isEqualTo(11);
        assertThat(report.get("recorded").asLong()).isEqualTo(3);
        assertThat(report.get("ticks").asLong()).isEqualTo(2);
        assertThat(report.get("unticks").asLong()).isEqualTo(1);
        assertThat(report.get("refused").asLong()).isEqualTo(7);
        var refusals = report.get("refusals").valueStream()
                .map(refusal -> refusal.get("line").asLong() + ": " + refusal.get("reason").asString()).toList();
        assertThat(refusals).hasSize(7);
        assertThat(refusals.get(0)).startsWith("4: ").contains("nobody", "not enrolled");
        assertThat(refusals.get(1)).startsWith("5: ").contains("juggling", "not in checklist");
        assertThat(refusals.get(2)).startsWith("6: ").contains("jump");
        assertThat(refusals.get(3)).startsWith("7: ").contains("yesterday");
        assertThat(refusals.get(4)).startsWith("8: ").contains("future");
        assertThat(refusals.get(5)).startsWith("9: ").contains("not a JSON object");
        assertThat(refusals.get(6)).startsWith("10: ").contains("unknown field 'item'");

        var events = eventsOf(organisationId, 3);
        assertThat(events.stream().map(envelope -> (Object) envelope.event()).toList()).containsExactlyInAnyOrder(
                new ItemTicked(organisationId, cohortId, "ada", "machine-learning", 1, "regression"),
                new ItemTicked(organisationId, cohortId, "grace", "machine-learning", 1, "regression"),
                new ItemUnticked(organisationId, cohortId, "ada", "machine-learning", 1, "regression"));
        var ada = events.stream().filter(envelope -> ((ItemActivity) envelope.event()).learnerId().equals("ada")).toList();
        assertThat(ada.get(0).event()).isInstanceOf(ItemTicked.class);
        assertThat(ada.get(0).time()).isEqualTo(Instant.parse("2025-03-01T09:30:00Z"));
        assertThat(ada.get(0).id()).isEqualTo(UUID.nameUUIDFromBytes(
                (organisationId + "/" + cohortId + "/lms-2025/1").getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(ada.get(1).time()).isEqualTo(Instant.parse("2025-03-02T09:00:00Z"));
        var grace = events.stream().filter(envelope -> ((ItemActivity) envelope.event()).learnerId().equals("grace"))
                .toList();
        assertThat(grace.getFirst().time()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));

        var followed = writer.get(path(cohortId, "lms-2025"));
        assertThat(followed.status()).as(followed.toString()).isEqualTo(200);
        assertThat(followed.json()).isEqualTo(report);
    }

    @Test
    void anImportStartsAndSkipsItemsASkipWithItsReasonInNdjsonAndCsv() {
        String cohortId = cohortWith("ada", "grace");
        String ndjson = String.join("\n",
                "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"start\"}",
                "{\"learnerId\":\"ada\",\"itemId\":\"clustering\",\"action\":\"skip\",\"reason\":\"Covered by my degree\"}",
                "{\"learnerId\":\"ada\",\"itemId\":\"text-data\",\"action\":\"skip\"}",
                "{\"learnerId\":\"ada\",\"itemId\":\"image-data\",\"action\":\"tick\",\"reason\":\"Because\"}",
                "{\"learnerId\":\"ada\",\"itemId\":\"image-data\",\"action\":\"skip\",\"reason\":\"two\\nlines\"}");
        String csv = "learnerId,itemId,action,reason\n"
                + "grace,regression,skip,\"Not in our course, sorry\"\n"
                + "grace,clustering,tick,\n";

        var fromNdjson = writer.putRaw(path(cohortId, "states-ndjson"), ndjson, NDJSON);
        var fromCsv = writer.putRaw(path(cohortId, "states-csv"), csv, "text/csv");

        assertThat(fromNdjson.status()).as(fromNdjson.toString()).isEqualTo(200);
        var report = fromNdjson.json();
        assertThat(Stream.of("recorded", "ticks", "unticks", "starts", "skips", "refused")
                .map(count -> report.get(count).asLong())).containsExactly(3L, 0L, 0L, 1L, 2L, 2L);
        assertThat(report.get("refusals").valueStream()
                .map(refusal -> refusal.get("line").asLong() + ": " + refusal.get("reason").asString()))
                .containsExactly("4: a reason goes only with the action skip, not tick",
                "5: reason holds U+000A (a control character) at character 4; remove it");
        assertThat(fromCsv.status()).as(fromCsv.toString()).isEqualTo(200);
        assertThat(List.of(fromCsv.json().get("ticks").asLong(), fromCsv.json().get("skips").asLong()))
                .containsExactly(1L, 1L);

        assertThat(eventsOf(organisationId, 5).stream().map(envelope -> (Object) envelope.event()).toList())
                .containsExactlyInAnyOrder(
                        new ItemStarted(organisationId, cohortId, "ada", "machine-learning", 1, "regression"),
                        new ItemSkipped(organisationId, cohortId, "ada", "machine-learning", 1, "clustering",
                                "Covered by my degree"),
                        new ItemSkipped(organisationId, cohortId, "ada", "machine-learning", 1, "text-data", null),
                        new ItemSkipped(organisationId, cohortId, "grace", "machine-learning", 1, "regression",
                                "Not in our course, sorry"),
                        new ItemTicked(organisationId, cohortId, "grace", "machine-learning", 1, "clustering"));
    }

    @Test
    void aRetriedImportAnswersAsTheFirstTimeAndRecordsNothingMore() {
        String cohortId = cohortWith("ada");
        String body = "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"tick\"}\n"
                + "{\"learnerId\":\"ada\",\"itemId\":\"image-data\",\"action\":\"tick\"}\n";
        var first = writer.putRaw(path(cohortId, "retry-me"), body, NDJSON);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();

        var again = writer.putRaw(path(cohortId, "retry-me"), body, NDJSON);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());

        var changed = writer.putRaw(path(cohortId, "retry-me"), body.replace("image-data", "clustering"), NDJSON);
        assertProblem(changed, 422);
        assertThat(changed.json().get("type").asString()).isEqualTo("urn:ticklist:problem:import-id-reused");

        // A marker written after the retries: everything before it is what the imports recorded.
        writer.post("/api/v1/cohorts/" + cohortId + "/learners/ada/ticks", Map.of("itemIds", List.of("clustering")));
        assertThat(eventsOf(organisationId, 3)).extracting(envelope -> ((ItemTicked) envelope.event()).itemId())
                .containsExactly("regression", "image-data", "clustering");
    }

    @Test
    void csvNamesItsColumnsInItsHeaderInAnyOrder() {
        String cohortId = cohortWith("ada", "grace");
        String body = "at,learnerId,action,itemId\r\n"
                + "2025-01-10T08:00:00Z,ada,tick,regression\r\n"
                + ",\"grace\",tick,regression\r\n"
                + "2025-01-10T08:00:00Z,ada,tick\r\n";

        var imported = writer.putRaw(path(cohortId, "from-csv"), body, "text/csv; charset=utf-8");

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("recorded").asLong()).isEqualTo(2);
        assertThat(imported.json().get("refusals").get(0).get("line").asLong()).isEqualTo(4);
        assertThat(imported.json().get("refusals").get(0).get("reason").asString())
                .isEqualTo("3 values where the header names 4");
        var events = eventsOf(organisationId, 2);
        assertThat(events).extracting(envelope -> ((ItemTicked) envelope.event()).learnerId() + " " + envelope.time()
                        .isBefore(Instant.parse("2026-01-01T00:00:00Z")))
                .containsExactlyInAnyOrder("ada true", "grace false");
    }

    @Test
    void anImportOverTheServicesUsualBodyLimitIsReadAsAStream() {
        String cohortId = cohortWith("ada", "grace");
        var body = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            body.append("{\"learnerId\":\"").append(i % 2 == 0 ? "ada" : "grace")
                    .append("\",\"itemId\":\"regression\",\"action\":\"").append(i % 4 < 2 ? "tick" : "untick")
                    .append("\",\"at\":\"2025-03-01T09:30:00Z\"}\n");
        }
        assertThat(body.length()).isGreaterThan(1024 * 1024);

        var imported = writer.putRaw(path(cohortId, "big"), body.toString(), NDJSON);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("recorded").asLong()).isEqualTo(20_000);
        assertThat(imported.json().get("refused").asLong()).isZero();
    }

    @Test
    void badImportsGetProblemsAndRecordNothing() {
        String cohortId = cohortWith("ada");
        String line = "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"tick\"}\n";
        assertProblem(writer.putRaw(path(cohortId, "a"), line, "application/json"), 415);
        var badHeader = assertProblem(writer.putRaw(path(cohortId, "a"), "learner,item,action\nada,regression,tick\n",
                "text/csv"), 400);
        assertThat(badHeader.json().get("detail").asString()).contains("line 1", "unknown column 'learner'");
        assertProblem(writer.putRaw(path(cohortId, "no%20spaces"), line, NDJSON), 400);
        assertProblem(writer.putRaw(path("coh_missing", "a"), line, NDJSON), 404);
        assertProblem(writer.get(path(cohortId, "never-made")), 404);
        // The header refused, the id is free again: a corrected import runs.
        assertThat(writer.putRaw(path(cohortId, "a"), line, NDJSON).status()).isEqualTo(200);
        assertThat(eventsOf(organisationId, 1)).hasSize(1);
    }

    @Test
    void aLongImportShowsHowFarItGotAndHoldsItsIdUntilItEnds() throws Exception {
        String cohortId = cohortWith("ada");
        String line = "{\"learnerId\":\"ada\",\"itemId\":\"regression\",\"action\":\"tick\"}\n";
        var body = new PipedOutputStream();
        var received = new PipedInputStream(body, 64 * 1024);
        var token = tokenFor(organisationId, Scope.WRITE);
        try (var http = HttpClient.newHttpClient()) {
            var answer = http.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl() + path(cohortId, "slow")))
                    .header("Authorization", "Bearer " + token).header("Content-Type", NDJSON)
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> received)).build(),
                    HttpResponse.BodyHandlers.ofString());

            // Lines keep coming, slowly: the report says how far the import got while it runs.
            var running = new AtomicReference<JsonHttp.Response>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                body.write(line.getBytes(StandardCharsets.UTF_8));
                body.flush();
                running.set(writer.get(path(cohortId, "slow")));
                return running.get().status() == 200;
            });
            assertThat(running.get().json().get("status").asString()).isEqualTo("running");
            assertThat(running.get().json().get("lines").asLong()).isPositive();
            var second = writer.putRaw(path(cohortId, "slow"), line, NDJSON);
            assertProblem(second, 409);
            assertThat(second.json().get("type").asString()).isEqualTo("urn:ticklist:problem:import-in-progress");

            body.close();
            var finished = JsonHttp.Response.parse(answer.get(30, TimeUnit.SECONDS).body());
            assertThat(finished.get("status").asString()).isEqualTo("finished");
            assertThat(finished.get("recorded").asLong()).isEqualTo(finished.get("lines").asLong())
                    .isGreaterThanOrEqualTo(running.get().json().get("lines").asLong());
        }
    }

    @Test
    void theImportIsInTheOpenApiDocumentWithItsTwoBodyTypes() {
        var document = JsonHttp.at(baseUrl()).get("/v3/api-docs");
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        var put = document.json().get("paths").get("/api/v1/cohorts/{cohortId}/imports/{importId}").get("put");
        assertThat(put.get("requestBody").get("content").propertyNames())
                .containsExactlyInAnyOrder("application/x-ndjson", "text/csv");
        assertThat(document.json().get("paths").get("/api/v1/cohorts/{cohortId}/imports/{importId}").has("get")).isTrue();
    }

    private static String path(String cohortId, String importId) {
        return "/api/v1/cohorts/" + cohortId + "/imports/" + importId;
    }

    /** The organisation's ticks and unticks, in order, once at least {@code expected} events are there. */
    private static List<EventEnvelope<?>> eventsOf(String organisationId, int expected) {
        try (var consumer = learnerActivityFromStart()) {
            var found = new ArrayList<EventEnvelope<?>>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key().startsWith(organisationId + "/") && record.value().event() instanceof ItemActivity) {
                        found.add(record.value());
                    }
                }
                if (found.size() >= expected && consumer.assignment().stream().allMatch(partition ->
                        consumer.position(partition) >= consumer.endOffsets(List.of(partition)).get(partition))) {
                    return found;
                }
            }
            throw new AssertionError("expected " + expected + " events of " + organisationId + ", found " + found);
        }
    }
}
